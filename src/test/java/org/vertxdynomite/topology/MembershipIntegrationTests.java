package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Address;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.testutil.ListeningSockets;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Several clustered Vert.x instances in one JVM, on 127.0.0.1 with free ports and a cluster name of
 * their own, each following the membership.
 */
class MembershipIntegrationTests {

  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final long CLOSE_TIMEOUT_S = 40;

  private final String clusterName = "membership-it-" + UUID.randomUUID();
  private final ClusterOptions options = ClusterOptions.DEFAULTS
      .withClusterName(clusterName).withWaitSecondsBeforeJoin(0).withJoinTimeoutSeconds(1);
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  private final Map<ClusterNode, AutoCloseable> closers = new ConcurrentHashMap<>();

  @AfterEach
  void closeEverything() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        System.err.println("closing a test node failed: " + e);
      }
    }
  }

  @Test
  void threeRacksConvergeOnOneTopologyDropANodeThatLeavesAndTakeItBackWhenItRejoins() throws Exception {
    List<NodeConfig> configs = threeRacks();
    long t0 = System.nanoTime();
    List<ClusterNode> nodes = new ArrayList<>();
    for (NodeConfig c : configs) {
      long s = System.nanoTime();
      nodes.add(start(c));
      System.out.printf("[membership-it] node %s started (joined) in %d ms%n", c.rack(), millisSince(s));
    }
    awaitAll(nodes, t -> t.size() == 3);
    System.out.printf("[membership-it] 3 nodes started and converged in %d ms%n", millisSince(t0));

    assertSameClusterEverywhere(nodes);
    for (int i = 0; i < 3; i++) {
      Topology t = nodes.get(i).membership().current();
      assertThat(t.self().id()).isEqualTo(nodes.get(i).nodeId());
      assertThat(t.self().rack()).isEqualTo("rack" + (i + 1));
      assertThat(t.selfInRing()).isTrue();
      assertThat(t.racks("dc1")).containsExactly("rack1", "rack2", "rack3");
      long a = Partitioner.DEFAULT.token("a".getBytes(StandardCharsets.UTF_8));
      assertThat(t.localRackOwner(a).id()).isEqualTo(nodes.get(i).nodeId());
      assertThat(t.ownersInLocalDc(a)).extracting(NodeInfo::rack).first().isEqualTo("rack" + (i + 1));
      Address bound = nodes.get(i).clusterManager().getHazelcastInstance().getCluster().getLocalMember().getAddress();
      assertThat(bound.getHost()).isEqualTo("127.0.0.1");
      assertThat(bound.getPort()).isEqualTo(configs.get(i).dynListen().port());
    }
    assertNothingListensBeyondLoopback();
    assertEachReachesTheOthersAtTheirBusAddress(nodes);

    // A node leaves: the others drop it from the live members. It is one of their dyn_seeds, so it
    // keeps its place on its rack's ring, marked down (its range must not move to a node without
    // its data).
    ClusterNode leaver = nodes.remove(2);
    String leaverId = leaver.nodeId();
    long t1 = System.nanoTime();
    toClose.remove(closeable(leaver));
    leaver.close().await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
    long closed = millisSince(t1);
    awaitAll(nodes, t -> t.size() == 2 && t.node(leaverId).isEmpty());
    System.out.printf("[membership-it] leaver closed in %d ms, dropped by the others %d ms after close began%n",
        closed, millisSince(t1));
    assertSameClusterEverywhere(nodes);
    Topology afterLeave = nodes.get(0).membership().current();
    assertThat(afterLeave.racks("dc1")).containsExactly("rack1", "rack2", "rack3");
    assertThat(afterLeave.downNodes()).extracting(NodeInfo::rack).containsExactly("rack3");
    assertThat(afterLeave.isDown(afterLeave.ring("dc1", "rack3").nodes().get(0))).isTrue();

    // It comes back (same address, new cluster id): everyone takes it back.
    long t2 = System.nanoTime();
    ClusterNode back = start(configs.get(2));
    nodes.add(back);
    awaitAll(nodes, t -> t.size() == 3 && t.node(back.nodeId()).isPresent());
    System.out.printf("[membership-it] rejoined and converged in %d ms%n", millisSince(t2));
    assertThat(back.nodeId()).isNotEqualTo(leaverId);
    assertSameClusterEverywhere(nodes);
    assertThat(nodes.get(0).membership().current().node(leaverId)).isEmpty();
  }

  @Test
  void nodesStartedTogetherFormOneCluster() throws Exception {
    List<NodeConfig> configs = threeRacks();
    long t0 = System.nanoTime();
    List<Future<ClusterNode>> starting = configs.stream()
        .map(c -> ClusterNode.start(c, options, new VertxOptions()).andThen(ar -> {
          if (ar.succeeded()) {
            register(ar.result());
          }
        }))
        .toList();
    List<ClusterNode> nodes = new ArrayList<>();
    for (Future<ClusterNode> f : starting) {
      nodes.add(f.await(60, TimeUnit.SECONDS));
    }
    awaitAll(nodes, t -> t.size() == 3);
    System.out.printf("[membership-it] 3 nodes started together converged in %d ms%n", millisSince(t0));
    assertSameClusterEverywhere(nodes);
  }

  @Test
  void aMemberWithMalformedMetadataIsLoggedAndLeftOutWithoutHarm() throws Exception {
    List<NodeConfig> configs = threeRacks();
    try (LogCapture log = LogCapture.of(Membership.class)) {
      ClusterNode good = start(configs.get(0));
      // A clustered Vert.x in the same cluster whose metadata lacks nearly everything.
      NodeConfig badConfig = configs.get(1);
      HazelcastClusterManager badManager =
          new HazelcastClusterManager(ClusterSetup.hazelcastConfig(badConfig, options));
      VertxOptions badOptions = ClusterSetup.vertxOptions(new VertxOptions(), badConfig, options,
          new JsonObject().put("v", 1).put("dc", "dc1"));
      Vertx bad = Vertx.builder().with(badOptions).withClusterManager(badManager).buildClustered()
          .await(60, TimeUnit.SECONDS);
      toClose.add(() -> bad.close().await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS));
      String badId = badManager.getNodeId();

      long deadline = System.nanoTime() + CONVERGE.toNanos();
      while (System.nanoTime() < deadline && log.containing(badId).isEmpty()) {
        good.membership().refresh().await(10, TimeUnit.SECONDS);
      }
      assertThat(log.containing(badId)).singleElement()
          .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.SEVERE))
          .satisfies(r -> assertThat(r.getMessage())
              .contains("node " + good.nodeId() + " ignores cluster member " + badId, "'rack' is missing"));
      assertThat(good.membership().current().size()).isEqualTo(1);

      // A well-formed node still joins; the bad member is still left out, and logged only once.
      ClusterNode third = start(configs.get(2));
      awaitAll(List.of(good, third), t -> t.size() == 2);
      assertThat(good.membership().current().node(badId)).isEmpty();
      good.membership().refresh().await(10, TimeUnit.SECONDS);
      assertThat(log.containing("node " + good.nodeId() + " ignores cluster member " + badId))
          .as("each node reports it once").hasSize(1);
      assertThat(log.containing("node " + third.nodeId() + " ignores cluster member " + badId)).hasSize(1);
    }
  }

  // dc1 with rack1, rack2, rack3, one node each on evenly spread tokens; each lists the others as seeds.
  private static List<NodeConfig> threeRacks() throws Exception {
    int[] dyn = new int[3];
    for (int i = 0; i < 3; i++) {
      dyn[i] = RedisServerProcess.freePort();
    }
    long[] tokens = {0L, 1431655765L, 2863311530L};
    List<NodeConfig> configs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<SeedSpec> seeds = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        if (j != i) {
          seeds.add(new SeedSpec("127.0.0.1", dyn[j], "rack" + (j + 1), "dc1", List.of(tokens[j])));
        }
      }
      configs.add(NodeConfig.builder()
          .listen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
          .statsListen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
          .dynListen(new HostPort("127.0.0.1", dyn[i]))
          .datacenter("dc1")
          .rack("rack" + (i + 1))
          .tokens(List.of(tokens[i]))
          .dynSeeds(seeds)
          .build());
    }
    return configs;
  }

  private ClusterNode start(NodeConfig config) throws Exception {
    return register(ClusterNode.start(config, options, new VertxOptions()).await(60, TimeUnit.SECONDS));
  }

  private ClusterNode register(ClusterNode node) {
    toClose.add(closeable(node));
    return node;
  }

  private AutoCloseable closeable(ClusterNode node) {
    return closers.computeIfAbsent(node, n -> () -> n.close().await(CLOSE_TIMEOUT_S, TimeUnit.SECONDS));
  }

  private static void awaitAll(List<ClusterNode> nodes, Predicate<Topology> condition) throws Exception {
    for (ClusterNode n : nodes) {
      n.membership().until(condition, CONVERGE).await(CONVERGE.toSeconds() + 5, TimeUnit.SECONDS);
    }
  }

  // Every node's snapshot holds the same nodes, with the same rings; each sees itself as self.
  private static void assertSameClusterEverywhere(List<ClusterNode> nodes) {
    Set<String> ids = nodes.stream().map(ClusterNode::nodeId).collect(Collectors.toSet());
    Topology first = nodes.get(0).membership().current();
    for (ClusterNode n : nodes) {
      Topology t = n.membership().current();
      assertThat(t.members().keySet()).as("members seen by %s", n.nodeId()).isEqualTo(ids);
      assertThat(t.nodes()).containsExactlyElementsOf(first.nodes());
      assertThat(t.excluded()).isEmpty();
      for (String rack : first.racks("dc1")) {
        assertThat(t.ring("dc1", rack).tokens()).isEqualTo(first.ring("dc1", rack).tokens());
      }
      assertThat(t.self()).isEqualTo(n.membership().self());
    }
  }

  private static void assertNothingListensBeyondLoopback() throws Exception {
    List<InetSocketAddress> listening = ListeningSockets.ofThisProcess();
    assertThat(listening).as("this JVM listens").isNotEmpty();
    assertThat(listening).allSatisfy(a ->
        assertThat(a.getAddress()).as("listening on %s", a).isEqualTo(InetAddress.getByName("127.0.0.1")));
  }

  // Each node answers at <its bus address>.ping; each other node reaches it there.
  private static void assertEachReachesTheOthersAtTheirBusAddress(List<ClusterNode> nodes) throws Exception {
    for (ClusterNode n : nodes) {
      String me = n.membership().self().busAddress();
      n.vertx().eventBus().<String>consumer(me + ".ping", m -> m.reply(me)).completion().await(10, TimeUnit.SECONDS);
    }
    DeliveryOptions within = new DeliveryOptions().setSendTimeout(10_000);
    for (ClusterNode from : nodes) {
      for (NodeInfo to : from.membership().current().nodes()) {
        Object reply = from.vertx().eventBus().request(to.busAddress() + ".ping", "hi", within)
            .await(15, TimeUnit.SECONDS).body();
        assertThat(reply).isEqualTo(to.busAddress());
      }
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
