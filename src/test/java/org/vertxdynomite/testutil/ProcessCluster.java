package org.vertxdynomite.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.KeyHasher;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.testutil.LocalCluster.Member;

/**
 * A cluster the way users run one: each node its own JVM (the fat jar, {@link NodeProcess}) started
 * from a Dynomite-format yml, in front of its own real redis-server, everything on 127.0.0.1 and
 * stopped by PID. Every node lists every other in {@code dyn_seeds}, as in Dynomite.
 *
 * <p>{@link #start} returns once the cluster has formed: every node's ring holds every node, shown
 * through the client ports by {@link #awaitFormed}, and the redis-servers are empty again.
 */
public final class ProcessCluster implements AutoCloseable {

  private static final KeyHasher MURMUR = HashAlgorithms.byName("murmur");

  private final Path dir;
  private final List<Member> members;
  private final Consistency read;
  private final Consistency write;
  private final List<RedisServerProcess> redis = new ArrayList<>();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Extras extras;
  private final int[] clientPorts;
  private final int[] dynPorts;
  private final int[] statsPorts;
  private final Map<String, TokenRing<Integer>> rings = new LinkedHashMap<>();

  /**
   * What a cluster may add to the usual setup: arguments for every redis-server (e.g.
   * {@code --appendonly yes} for one that must keep its data across a restart) and lines appended
   * to every node's yml (each indented two spaces, under {@code dyn_o_mite:}).
   */
  public record Extras(List<String> redisArgs, List<String> ymlLines) {

    public static final Extras NONE = new Extras(List.of(), List.of());

    public Extras {
      redisArgs = List.copyOf(redisArgs);
      ymlLines = List.copyOf(ymlLines);
    }
  }

  private ProcessCluster(Path dir, List<Member> members, Consistency read, Consistency write, Extras extras) {
    this.dir = dir;
    this.members = List.copyOf(members);
    this.read = read;
    this.write = write;
    this.extras = extras;
    this.clientPorts = new int[members.size()];
    this.dynPorts = new int[members.size()];
    this.statsPorts = new int[members.size()];
    Map<String, TokenRing.Builder<Integer>> builders = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      builders.computeIfAbsent(rackOf(i), r -> TokenRing.builder()).add(i, Token.of(members.get(i).token()));
    }
    builders.forEach((rack, b) -> rings.put(rack, b.build()));
  }

  /**
   * Starts a redis-server per member, writes each node's yml into {@code dir}, starts the node JVMs
   * in parallel and waits (bounded by {@code formWithin}) until the cluster has formed.
   */
  public static ProcessCluster start(Path dir, List<Member> members, Consistency read, Consistency write,
      Duration formWithin) throws Exception {
    return start(dir, members, read, write, Extras.NONE, formWithin);
  }

  /** {@link #start(Path, List, Consistency, Consistency, Duration)} with {@code extras} added. */
  public static ProcessCluster start(Path dir, List<Member> members, Consistency read, Consistency write,
      Extras extras, Duration formWithin) throws Exception {
    ProcessCluster c = new ProcessCluster(dir, members, read, write, extras);
    try {
      c.startAll(formWithin);
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
    return c;
  }

  private void startAll(Duration formWithin) throws Exception {
    int n = members.size();
    for (int i = 0; i < n; i++) {
      redis.add(RedisServerProcess.start(extras.redisArgs().toArray(String[]::new)));
      clientPorts[i] = RedisServerProcess.freePort();
      dynPorts[i] = RedisServerProcess.freePort();
      statsPorts[i] = RedisServerProcess.freePort();
    }
    List<Path> ymls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path yml = dir.resolve("node" + i + ".yml");
      Files.writeString(yml, yml(i), StandardCharsets.UTF_8);
      ymls.add(yml);
    }
    // JVM start is most of the cost: start them all at once, as a script would.
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<NodeProcess>> started = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int node = i;
        started.add(pool.submit(() -> startNode(node)));
      }
      Exception failure = null;
      for (Future<NodeProcess> f : started) {
        try {
          nodes.add(f.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
          nodes.add(null);
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
    awaitFormed(formWithin);
    for (RedisServerProcess r : redis) {
      try (RawRespClient c = r.client()) {
        c.callString("FLUSHALL");
      }
    }
  }

  private NodeProcess startNode(int i) throws IOException, InterruptedException {
    return NodeProcess.start(clientPorts[i], "-c", dir.resolve("node" + i + ".yml").toString(),
        "-p", dir.resolve("node" + i + ".pid").toString());
  }

  /** Node {@code i}'s {@code dynomite.yml}, in Dynomite's own format. */
  String yml(int i) throws IOException {
    Member m = members.get(i);
    StringBuilder seeds = new StringBuilder();
    for (int j = 0; j < members.size(); j++) {
      if (j != i) {
        Member o = members.get(j);
        seeds.append("  - 127.0.0.1:").append(dynPorts[j]).append(':').append(o.rack()).append(':')
            .append(o.dc()).append(':').append(o.token()).append('\n');
      }
    }
    return """
        dyn_o_mite:
          datacenter: %s
          rack: %s
          dyn_listen: 127.0.0.1:%d
          dyn_seed_provider: simple_provider
          dyn_seeds:
        %s  listen: 127.0.0.1:%d
          stats_listen: 127.0.0.1:%d
          servers:
          - 127.0.0.1:%d:1
          data_store: 0
          tokens: '%d'
          secure_server_option: none
          mbuf_size: 16384
          timeout: 3000
          read_consistency: %s
          write_consistency: %s
          server_instances: 2
          data_dir: %s
        """.formatted(m.dc(), m.rack(), dynPorts[i], seeds, clientPorts[i], statsPorts[i],
        redis.get(i).port(), m.token(), read.name(), write.name(), dir.resolve("node" + i + "-data"))
        + extras.ymlLines().stream().map(l -> "  " + l + "\n").collect(java.util.stream.Collectors.joining());
  }

  /**
   * Waits until the cluster has formed: a key written through any node lands in the redis-servers
   * of exactly the owners Dynomite's rule names, and every node reads it back. For each writer,
   * one key per node, owned by that node: a node missing from any node's view makes that view send
   * a write or a read to another owner, which these checks see. And no node sees one in STANDBY.
   */
  public void awaitFormed(Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    String problem;
    int round = 0;
    do {
      problem = probeRound("r" + round++);
      if (problem == null) {
        return;
      }
      Thread.sleep(300);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("cluster did not form within " + max + ": " + problem);
  }

  private String probeRound(String value) throws Exception {
    List<String> keys = new ArrayList<>();
    for (int w = 0; w < size(); w++) {
      try (RawRespClient c = client(w)) {
        for (int o = 0; o < size(); o++) {
          String key = keyOwnedBy(o, "probe:" + w + ":" + o + ":");
          keys.add(key);
          String reply = c.callString("SET", key, value);
          if (!reply.equals("+OK\r\n")) {
            return "SET through node " + w + " answered " + reply.trim();
          }
        }
        // Nodes with warm-up auto join in STANDBY until they decided: not formed before that.
        if (c.callString("INFO", "dynomite").contains("STANDBY")) {
          return "node " + w + " sees a node in STANDBY";
        }
      } catch (IOException e) {
        // A node that does not answer (yet) is a cluster not formed (yet), not a broken test.
        return "SET through node " + w + " failed: " + e;
      }
    }
    String expected = "$" + value.length() + "\r\n" + value + "\r\n";
    // Other racks get DC_ONE writes asynchronously: a few tries before writing again.
    return Poll.until(Duration.ofSeconds(1), () -> checkProbes(keys, expected), Objects::isNull);
  }

  private String checkProbes(List<String> keys, String expected) throws IOException {
    for (String key : keys) {
      for (int i = 0; i < size(); i++) {
        boolean owner = owners(key).contains(i);
        try (RawRespClient r = redis(i)) {
          String got = r.callString("GET", key);
          if (owner != got.equals(expected)) {
            return key + (owner ? " is missing from its owner, node " : " is also on node ") + i;
          }
        }
      }
    }
    for (int n = 0; n < size(); n++) {
      try (RawRespClient c = client(n)) {
        for (String key : keys) {
          if (!c.callString("GET", key).equals(expected)) {
            return "node " + n + " does not read " + key;
          }
        }
      }
    }
    return null;
  }

  /** The first key {@code prefix + i} (i = 0, 1, …) that node {@code node} owns in its rack. */
  public String keyOwnedBy(int node, String prefix) {
    TokenRing<Integer> ring = rings.get(rackOf(node));
    for (int i = 0; ; i++) {
      String key = prefix + i;
      if (ring.owner(hash(key)) == node) {
        return key;
      }
    }
  }

  /** The nodes that hold {@code key} by Dynomite's rule: its owner in every rack. */
  public List<Integer> owners(String key) {
    long h = hash(key);
    List<Integer> out = new ArrayList<>();
    for (TokenRing<Integer> ring : rings.values()) {
      out.add(ring.owner(h));
    }
    return out;
  }

  /** The murmur token of {@code key}, as Dynomite computes it. */
  public static long hash(String key) {
    return MURMUR.hash(key.getBytes(StandardCharsets.UTF_8));
  }

  private String rackOf(int i) {
    return members.get(i).dc() + "/" + members.get(i).rack();
  }

  public int size() {
    return members.size();
  }

  /** The directory holding the nodes' ymls and pid files. */
  public Path dir() {
    return dir;
  }

  public Member member(int i) {
    return members.get(i);
  }

  /** Node {@code i}'s client port. */
  public int port(int i) {
    return clientPorts[i];
  }

  /** Node {@code i}'s JVM. */
  public NodeProcess node(int i) {
    return nodes.get(i);
  }

  /** A raw client of node {@code i}. */
  public RawRespClient client(int i) throws IOException {
    return new RawRespClient("127.0.0.1", clientPorts[i]);
  }

  /** A raw client of node {@code i}'s own redis-server, bypassing the cluster. */
  public RawRespClient redis(int i) throws IOException {
    return redis.get(i).client();
  }

  /** Node {@code i}'s admin (stats) port. */
  public int statsPort(int i) {
    return statsPorts[i];
  }

  /** Node {@code i}'s redis-server. */
  public RedisServerProcess redisServer(int i) {
    return redis.get(i);
  }

  /** Kills node {@code i}'s JVM with SIGKILL, by its PID; its redis-server keeps running. */
  public void killNode(int i) throws InterruptedException {
    nodes.get(i).kill();
  }

  /**
   * Starts node {@code i} again from the same yml (same ports, same redis-server) after
   * {@link #killNode}, keeping the old JVM's log as {@code node<i>.log.<pid>} in the cluster's
   * directory; returns once it answers PING.
   */
  public void restartNode(int i) throws IOException, InterruptedException {
    NodeProcess old = nodes.get(i);
    if (old.isAlive()) {
      throw new IllegalStateException("node " + i + " is still running");
    }
    Files.writeString(dir.resolve("node" + i + ".log." + old.pid()), old.output(), StandardCharsets.UTF_8);
    old.close();
    nodes.set(i, startNode(i));
  }

  /** Kills node {@code i}'s redis-server with SIGKILL, by its PID, keeping its data directory. */
  public void killRedis(int i) throws InterruptedException {
    redis.get(i).kill();
  }

  /** Starts node {@code i}'s redis-server again on the same port and directory after {@link #killRedis}. */
  public void restartRedis(int i) throws IOException, InterruptedException {
    redis.set(i, redis.get(i).restart());
  }

  /** Stops every node JVM (SIGTERM, bounded, then SIGKILL) at once, then the redis-servers. */
  @Override
  public void close() {
    List<Thread> stoppers = new ArrayList<>();
    for (NodeProcess node : nodes) {
      if (node != null) {
        Thread t = new Thread(() -> {
          try {
            node.close();
          } catch (IOException e) {
            // The process is stopped; only its log file could not be removed.
          }
        }, "stop-node-" + node.pid());
        t.start();
        stoppers.add(t);
      }
    }
    for (Thread t : stoppers) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(45));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (RedisServerProcess r : redis) {
      r.close();
    }
  }
}
