package org.vertxdynomite.testutil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.vertxdynomite.app.Node;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.config.DataStoreKind;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.config.ServerSpec;
import org.vertxdynomite.topology.ClusterOptions;

/**
 * A cluster of nodes in this JVM, each a clustered Vert.x of its own in front of a real
 * redis-server, all on 127.0.0.1 with free ports and a cluster name of their own. Every node lists
 * every other as a seed, as in Dynomite.
 */
public final class LocalCluster implements AutoCloseable {

  /**
   * Where one node sits: datacenter, rack and its one token; {@code clientHost} is the host its
   * client listener is configured with (a name that resolves to 127.0.0.1, such as {@code
   * localhost}, gives nodes sharing the address distinct host names, as Dyno needs).
   */
  public record Member(String dc, String rack, long token, String clientHost) {

    /** A member listening for clients on 127.0.0.1. */
    public Member(String dc, String rack, long token) {
      this(dc, rack, token, "127.0.0.1");
    }
  }

  /** The token of each rack's first node: it owns hashes 0..2^31-1. */
  public static final long LOW = 2147483647L;
  /** The token of each rack's second node: it owns hashes above 2^31-1 (and wraps). */
  public static final long HIGH = 4294967295L;

  /** 1 DC × 2 racks × 2 nodes: nodes 0, 1 in rack1 and 2, 3 in rack2, tokens LOW then HIGH. */
  public static final List<Member> TWO_RACKS_OF_TWO = List.of(
      new Member("dc1", "rack1", LOW), new Member("dc1", "rack1", HIGH),
      new Member("dc1", "rack2", LOW), new Member("dc1", "rack2", HIGH));

  /** 1 DC × 3 racks × 1 node on token 0: every node a full replica, nodes 0, 1, 2 in rack1–rack3. */
  public static final List<Member> THREE_RACKS_OF_ONE = List.of(
      new Member("dc1", "rack1", 0), new Member("dc1", "rack2", 0), new Member("dc1", "rack3", 0));

  /**
   * In a rack laid out as in {@link #TWO_RACKS_OF_TWO}, the index (0: LOW, 1: HIGH) of the node
   * owning {@code key} by Dynomite's ring rule (murmur).
   */
  public static int ownerInRack(String key) {
    long hash = org.vertxdynomite.ring.HashAlgorithms.byName("murmur")
        .hash(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return hash <= LOW ? 0 : 1;
  }

  /** The first key {@code prefix + i} that the node at {@code index} (see {@link #ownerInRack}) owns. */
  public static String keyOwnedBy(int index, String prefix) {
    for (int i = 0; ; i++) {
      if (ownerInRack(prefix + i) == index) {
        return prefix + i;
      }
    }
  }

  private final List<Member> members;
  private java.util.function.UnaryOperator<org.vertxdynomite.config.NodeConfigBuilder> tweak = b -> b;
  private final List<RedisServerProcess> redis = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final java.util.Set<Integer> stopped = new java.util.HashSet<>();
  private final List<NodeConfig> configs = new ArrayList<>();
  private ClusterOptions options;
  private java.nio.file.Path dataRoot;

  private LocalCluster(List<Member> members) {
    this.members = List.copyOf(members);
  }

  /** Starts the cluster and waits until every node sees every other, none in STANDBY. */
  public static LocalCluster start(List<Member> members, Consistency read, Consistency write) throws Exception {
    return start(members, read, write, b -> b);
  }

  /** {@link #start(List, Consistency, Consistency)} with each node's configuration changed by {@code tweak}. */
  public static LocalCluster start(List<Member> members, Consistency read, Consistency write,
      java.util.function.UnaryOperator<org.vertxdynomite.config.NodeConfigBuilder> tweak) throws Exception {
    LocalCluster c = new LocalCluster(members);
    c.tweak = tweak;
    try {
      c.startAll(read, write);
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** 1 datacenter ({@code dc1}) × 3 racks ({@code rack1..3}) × 1 node on token 0: a full copy in every rack. */
  public static LocalCluster threeRacks(Consistency read, Consistency write) throws Exception {
    return start(THREE_RACKS_OF_ONE, read, write);
  }

  private void startAll(Consistency read, Consistency write) throws Exception {
    int n = members.size();
    int[] dynPorts = new int[n];
    for (int i = 0; i < n; i++) {
      redis.add(RedisServerProcess.start());
      dynPorts[i] = RedisServerProcess.freePort();
    }
    options = ClusterOptions.DEFAULTS.withClusterName("test-" + UUID.randomUUID())
        .withWaitSecondsBeforeJoin(0).withJoinTimeoutSeconds(1);
    dataRoot = java.nio.file.Files.createTempDirectory("local-cluster-");
    for (int i = 0; i < n; i++) {
      List<SeedSpec> seeds = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j != i) {
          Member m = members.get(j);
          seeds.add(new SeedSpec("127.0.0.1", dynPorts[j], m.rack(), m.dc(), List.of(m.token())));
        }
      }
      Member m = members.get(i);
      NodeConfig config = tweak.apply(NodeConfig.builder()
          .datacenter(m.dc()).rack(m.rack()).tokens(List.of(m.token()))
          .listen(new HostPort(m.clientHost(), RedisServerProcess.freePort()))
          .dynListen(new HostPort("127.0.0.1", dynPorts[i]))
          .statsListen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
          .dataStore(DataStoreKind.REDIS)
          .servers(List.of(new ServerSpec("127.0.0.1", redis.get(i).port(), 1)))
          .dynSeeds(seeds)
          .readConsistency(read).writeConsistency(write)
          .timeoutMs(3000)
          .serverInstances(2)
          .dataDir(dataRoot.resolve("node" + i)))
          .build();
      configs.add(config);
      nodes.add(Node.start(config, options).await(60, TimeUnit.SECONDS));
    }
    // Nodes with warm-up auto join in STANDBY and report NORMAL once they decided: wait for that too.
    for (Node node : nodes) {
      node.membership().orElseThrow().until(t -> t.size() == n && t.members().values().stream()
          .noneMatch(m -> m.state() == org.vertxdynomite.topology.NodeState.STANDBY), Duration.ofSeconds(30))
          .await(40, TimeUnit.SECONDS);
    }
  }

  public int size() {
    return members.size();
  }

  public Member member(int i) {
    return members.get(i);
  }

  public Node node(int i) {
    return nodes.get(i);
  }

  /** Node {@code i}'s own datastore (the embedded one when so configured), bypassing the cluster. */
  public org.vertxdynomite.datastore.Datastore store(int i) {
    return nodes.get(i).datastore();
  }

  /** The client port of node {@code i}. */
  public int port(int i) {
    return nodes.get(i).port();
  }

  /** A raw client of node {@code i}. */
  public RawRespClient client(int i) throws Exception {
    return new RawRespClient("127.0.0.1", port(i));
  }

  /** A raw client of node {@code i}'s own redis-server, bypassing the cluster. */
  public RawRespClient redis(int i) throws Exception {
    return redis.get(i).client();
  }

  /**
   * Stops node {@code i} (it leaves the cluster; its redis-server keeps running) and waits until
   * every other running node's topology has dropped it from the live members.
   */
  public void stopNode(int i) throws Exception {
    Node node = nodes.get(i);
    node.stop().await(30, TimeUnit.SECONDS);
    stopped.add(i);
    awaitLiveMembers();
  }

  private void awaitLiveMembers() throws Exception {
    int live = nodes.size() - stopped.size();
    for (int n = 0; n < nodes.size(); n++) {
      if (!stopped.contains(n)) {
        nodes.get(n).membership().orElseThrow().until(t -> t.size() == live, Duration.ofSeconds(30))
            .await(40, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Starts the stopped node {@code i} again with its configuration, its redis-server and its data
   * directory, and waits until every running node sees it.
   */
  public void restartNode(int i) throws Exception {
    if (!stopped.contains(i)) {
      throw new IllegalStateException("node " + i + " is running");
    }
    nodes.set(i, Node.start(configs.get(i), options).await(60, TimeUnit.SECONDS));
    stopped.remove(i);
    awaitLiveMembers();
  }

  /** Kills node {@code i}'s redis-server (SIGKILL); the node keeps running without it. */
  public void killRedis(int i) throws InterruptedException {
    redis.get(i).kill();
  }

  /** Starts node {@code i}'s killed redis-server again, on its port and directory. */
  public void restartRedis(int i) throws Exception {
    redis.set(i, redis.get(i).restart());
  }

  /** Node {@code i}'s data directory (hints…). */
  public java.nio.file.Path dataDir(int i) {
    return configs.get(i).dataDir();
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.size(); i++) {
      if (stopped.contains(i)) {
        continue;
      }
      try {
        nodes.get(i).stop().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Keep closing the others.
      }
    }
    for (RedisServerProcess r : redis) {
      r.close();
    }
    deleteQuietly(dataRoot);
  }

  private static void deleteQuietly(java.nio.file.Path root) {
    if (root == null) {
      return;
    }
    try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // A temporary directory; nothing to do.
    }
  }
}
