package org.vertxdynomite.replication;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Several clustered Vert.x instances in this JVM, joined through Hazelcast on 127.0.0.1 only:
 * TCP-IP join with every member listed with its port, no multicast, no auto-detection, no phone
 * home, no join delay, and a cluster name of its own so parallel suites never meet.
 */
public final class LoopbackCluster implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  /** Held so the level sticks: JUL keeps loggers weakly. Hazelcast's INFO output is very chatty. */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private final List<Vertx> members;

  private LoopbackCluster(List<Vertx> members) {
    this.members = members;
  }

  /** Starts {@code size} members one after the other and returns once all have joined. */
  public static LoopbackCluster start(int size) throws Exception {
    String name = "peer-test-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(RedisServerProcess.freePort());
    }
    List<Vertx> started = new ArrayList<>();
    LoopbackCluster cluster = new LoopbackCluster(started);
    try {
      for (int port : ports) {
        started.add(startMember(name, port, ports));
      }
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * Starts one member of cluster {@code name} listening on {@code port} and joining the members at
   * {@code memberPorts}; other members may be in other JVMs.
   */
  public static Vertx startMember(String name, int port, List<Integer> memberPorts) throws Exception {
    System.setProperty("hazelcast.phone.home.enabled", "false");
    HAZELCAST_LOG.setLevel(Level.WARNING);
    Future<Vertx> member = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(
            new EventBusOptions().setHost(HOST).setPort(0).setClusterPublicHost(HOST)))
        .withClusterManager(new HazelcastClusterManager(hazelcastConfig(name, port, memberPorts)))
        .buildClustered();
    return member.await(60, TimeUnit.SECONDS);
  }

  public Vertx member(int i) {
    return members.get(i);
  }

  /** Closes every member, giving each at most 30 s: Hazelcast's shutdown occasionally stalls. */
  @Override
  public void close() {
    for (Vertx v : members) {
      try {
        v.close().await(30, TimeUnit.SECONDS);
      } catch (Exception stalled) {
        System.err.println("a cluster member did not close in time: " + stalled);
      }
    }
  }

  private static Config hazelcastConfig(String clusterName, int port, List<Integer> memberPorts) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(HOST);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int p : memberPorts) {
      join.getTcpIpConfig().addMember(HOST + ":" + p);
    }
    // vertx-hazelcast's own structures, as its default-cluster.xml declares them.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
        .setBackupCount(1).setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }
}
