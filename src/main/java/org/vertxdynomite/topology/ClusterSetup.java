package org.vertxdynomite.topology;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedProvider;
import org.vertxdynomite.config.SeedSpec;

/**
 * Turns a {@link NodeConfig} into a clustered Vert.x: the Hazelcast configuration, the cluster
 * manager, and the event-bus options carrying this node's {@link NodeInfo} as metadata.
 *
 * <p>Hazelcast is configured in code, never from a {@code cluster.xml} on the class path:
 *
 * <ul>
 *   <li>it listens on {@code dyn_listen} exactly: that port only (no auto-increment), its
 *       {@code interfaces} limited to that address, {@code hazelcast.socket.bind.any=false};
 *   <li>with {@code dyn_seed_provider: simple_provider} it joins by TCP-IP only, its members being
 *       every {@code dyn_seeds} entry's {@code host:port} plus this node (always with the port:
 *       Hazelcast probes a port-less member on only three ports);
 *   <li>with {@code kubernetes_provider} it joins through Hazelcast's Kubernetes discovery in DNS
 *       lookup mode: the members are the addresses {@code kubernetes_service_dns} (a headless
 *       Service) resolves to, each on this node's {@code dyn_listen} port, since every pod of the
 *       cluster listens on the same one. No Kubernetes API access is needed. {@code dyn_seeds}
 *       are then not joined; they only hold ring places ({@link Membership}). The join wait is at
 *       least {@link #K8S_MIN_WAIT_SECONDS_BEFORE_JOIN}, since discovery only looks within it;
 *   <li>multicast and cloud auto-detection are off;
 *   <li>no phone-home ({@code hazelcast.phone.home.enabled=false} in the config and as a system
 *       property), JUL logging, {@code com.hazelcast} quieted to WARNING unless already set;
 *   <li>vertx-hazelcast's own structures keep the settings of its {@code default-cluster.xml}:
 *       {@code __vertx.subs} (multimap, SET values, one backup), {@code __vertx.haInfo} and
 *       {@code __vertx.nodeInfo} (maps, one backup).
 * </ul>
 *
 * <p>The event bus binds the {@code dyn_listen} host on {@link ClusterOptions#eventBusPort()} and
 * advertises the same host. HA (verticle fail-over) stays off: {@link Membership} takes the cluster
 * manager's single node listener, which Vert.x's HA manager would otherwise claim.
 */
public final class ClusterSetup {

  /** vertx-hazelcast's subscription multimap. */
  public static final String VERTX_SUBS = "__vertx.subs";
  /** vertx-hazelcast's HA info map. */
  public static final String VERTX_HA_INFO = "__vertx.haInfo";
  /** vertx-hazelcast's node info map (holds every node's metadata). */
  public static final String VERTX_NODE_INFO = "__vertx.nodeInfo";

  /** Hazelcast Kubernetes discovery: the DNS name whose addresses are the members (DNS lookup mode). */
  static final String K8S_SERVICE_DNS = "service-dns";
  /** Hazelcast Kubernetes discovery: the members' port (Hazelcast's 5701 otherwise). */
  static final String K8S_SERVICE_PORT = "service-port";
  /** Hazelcast Kubernetes discovery: how long one DNS lookup may take, in seconds. */
  static final String K8S_SERVICE_DNS_TIMEOUT = "service-dns-timeout";

  /** The shortest join wait with Kubernetes discovery: Hazelcast's own default, 5 s, for DNS to list the pods. */
  public static final int K8S_MIN_WAIT_SECONDS_BEFORE_JOIN = 5;

  private static final String PHONE_HOME = "hazelcast.phone.home.enabled";
  private static final String LOGGING_TYPE = "hazelcast.logging.type";
  // Held so that the level set on it is not lost when java.util.logging drops unused loggers.
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  /** How often split clusters look for each other to merge. */
  static final int MERGE_CHECK_SECONDS = 5;

  private final NodeConfig config;
  private final ClusterOptions options;
  private final JsonObject announcement;
  private final Config hazelcastConfig;
  private final HazelcastClusterManager clusterManager;

  private ClusterSetup(NodeConfig config, ClusterOptions options, JsonObject announcement) {
    this.config = config;
    this.options = options;
    this.announcement = announcement.copy();
    this.hazelcastConfig = hazelcastConfig(config, options);
    this.clusterManager = new HazelcastClusterManager(hazelcastConfig);
  }

  /** The setup of a node starting now, in its {@linkplain StartState start state}. */
  public static ClusterSetup of(NodeConfig config, ClusterOptions options) {
    return of(config, options,
        NodeInfo.announcement(config, NodeInfo.newBusAddress(), StartState.of(config), System.currentTimeMillis()));
  }

  /**
   * The setup of a node announcing {@code announcement} ({@link NodeInfo#announcement}).
   *
   * @throws IllegalArgumentException if {@code dyn_listen} is a wildcard address or cannot be
   *     resolved, or the event-bus port is {@code dyn_listen}'s port
   */
  public static ClusterSetup of(NodeConfig config, ClusterOptions options, JsonObject announcement) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(announcement, "announcement");
    NodeInfo.fromJson("check", announcement); // fail here, not on every peer
    return new ClusterSetup(config, options, announcement);
  }

  /**
   * The Hazelcast configuration for {@code config}: see the class description.
   *
   * @throws IllegalArgumentException as {@link #of(NodeConfig, ClusterOptions, JsonObject)}
   */
  public static Config hazelcastConfig(NodeConfig config, ClusterOptions options) {
    HostPort dyn = config.dynListen();
    if (dyn.isWildcard()) {
      throw new IllegalArgumentException("dyn_listen " + dyn + " is a wildcard address; the cluster needs the "
          + "address peers reach this node at");
    }
    if (dyn.port() == options.eventBusPort()) {
      throw new IllegalArgumentException("the event-bus port " + options.eventBusPort() + " is dyn_listen's port");
    }
    applySystemProperties();
    Config c = new Config();
    c.setClusterName(options.clusterName());
    c.setProperty(PHONE_HOME, "false");
    c.setProperty(LOGGING_TYPE, "jdk");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.socket.server.bind.any", "false");
    c.setProperty("hazelcast.socket.client.bind.any", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", Integer.toString(waitSecondsBeforeJoin(config, options)));
    // Failure detection (failure_detection_ms): a heartbeat a second; a member silent that long is dropped.
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds",
        Integer.toString((int) Math.ceil(config.failureDetectionMs() / 1000.0)));
    // A member dropped while frozen (GC, SIGSTOP, a network cut) forms a cluster of its own when it
    // wakes; Hazelcast merges the split clusters only at its next merge check (by default 5 min
    // after start, then every 2 min). Every few seconds, so the node rejoins soon after it returns.
    c.setProperty("hazelcast.merge.first.run.delay.seconds", Integer.toString(MERGE_CHECK_SECONDS));
    c.setProperty("hazelcast.merge.next.run.delay.seconds", Integer.toString(MERGE_CHECK_SECONDS));

    NetworkConfig network = c.getNetworkConfig();
    network.setPort(dyn.port()).setPortAutoIncrement(false).setPortCount(1);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(ipOf(dyn.host())));

    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (config.seedProvider() == SeedProvider.KUBERNETES) {
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty(K8S_SERVICE_DNS, config.kubernetesServiceDns().orElseThrow())
          .setProperty(K8S_SERVICE_PORT, Integer.toString(dyn.port()))
          .setProperty(K8S_SERVICE_DNS_TIMEOUT, Integer.toString(options.joinTimeoutSeconds()));
    } else {
      join.getTcpIpConfig()
          .setEnabled(true)
          .setConnectionTimeoutSeconds(options.joinTimeoutSeconds())
          .setMembers(joinMembers(config));
    }

    c.addMultiMapConfig(new MultiMapConfig(VERTX_SUBS)
        .setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    c.addMapConfig(new MapConfig(VERTX_HA_INFO).setBackupCount(1));
    c.addMapConfig(new MapConfig(VERTX_NODE_INFO).setBackupCount(1));
    return c;
  }

  /**
   * {@link ClusterOptions#waitSecondsBeforeJoin()}, but at least {@link
   * #K8S_MIN_WAIT_SECONDS_BEFORE_JOIN} with the Kubernetes provider: Hazelcast's discovery joiner
   * looks the Service up only within this wait (with 0 it never does), and a pod whose lookups find
   * no other pod in time founds a cluster of its own.
   */
  static int waitSecondsBeforeJoin(NodeConfig config, ClusterOptions options) {
    return config.seedProvider() == SeedProvider.KUBERNETES
        ? Math.max(options.waitSecondsBeforeJoin(), K8S_MIN_WAIT_SECONDS_BEFORE_JOIN)
        : options.waitSecondsBeforeJoin();
  }

  /** The TCP-IP join members: every seed's {@code host:port}, then this node's {@code dyn_listen}. */
  static List<String> joinMembers(NodeConfig config) {
    List<String> members = new ArrayList<>();
    for (SeedSpec seed : config.dynSeeds()) {
      members.add(seed.hostPort().toString());
    }
    String self = config.dynListen().toString();
    if (!members.contains(self)) {
      members.add(self);
    }
    return members;
  }

  /**
   * {@code base} with the clustered event bus on the {@code dyn_listen} host, carrying {@code
   * announcement} as this node's metadata, and HA off.
   */
  public static VertxOptions vertxOptions(VertxOptions base, NodeConfig config, ClusterOptions options,
      JsonObject announcement) {
    // The copy constructor copies metrics options as plain MetricsOptions, dropping a subclass's
    // settings (Micrometer's registry and backend): keep base's own object.
    VertxOptions o = new VertxOptions(base).setHAEnabled(false).setMetricsOptions(base.getMetricsOptions());
    String host = config.dynListen().host();
    o.getEventBusOptions()
        .setHost(host)
        .setPort(options.eventBusPort())
        .setClusterPublicHost(host)
        .setClusterNodeMetadata(announcement.copy());
    return o;
  }

  /** This setup's event-bus options applied to {@code base}. */
  public VertxOptions vertxOptions(VertxOptions base) {
    return vertxOptions(base, config, options, announcement);
  }

  /**
   * Starts a clustered Vert.x with this setup: {@code Vertx.builder().with(options)
   * .withClusterManager(cm).buildClustered()}. It completes once this node has joined (or founded)
   * the cluster and its metadata is stored for the others to read.
   */
  public Future<Vertx> startClustered(VertxOptions base) {
    return Vertx.builder().with(vertxOptions(base)).withClusterManager(clusterManager).buildClustered();
  }

  /** The metadata this node announces. */
  public JsonObject announcement() {
    return announcement.copy();
  }

  /** The Hazelcast configuration the cluster manager uses. */
  public Config hazelcastConfig() {
    return hazelcastConfig;
  }

  /** The cluster manager; one per setup, usable for one Vert.x instance. */
  public HazelcastClusterManager clusterManager() {
    return clusterManager;
  }

  // Hazelcast reads these before any Config exists (its static loggers, its phone-home check).
  private static void applySystemProperties() {
    System.setProperty(PHONE_HOME, "false");
    if (System.getProperty(LOGGING_TYPE) == null) {
      System.setProperty(LOGGING_TYPE, "jdk");
    }
    if (HAZELCAST_LOG.getLevel() == null) {
      HAZELCAST_LOG.setLevel(Level.WARNING);
    }
  }

  private static String ipOf(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("dyn_listen host '" + host + "' cannot be resolved", e);
    }
  }
}
