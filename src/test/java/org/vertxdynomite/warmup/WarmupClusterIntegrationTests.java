package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;

/**
 * Three racks of one node each over real redis-servers, {@value #DEFAULT_KEYS} keys of every type
 * (some with TTLs; {@code -Dwarmup.keys=100000} for the size, {@code -Dwarmup.rate=0} to
 * copy unthrottled). Node 2's redis is wiped and the node warmed up from the admin port: it gets
 * its peers' data back, TTLs included, while writes and deletes made during the warm-up survive
 * and reads are served by the replicas; then a donor stopped mid-way is replaced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmupClusterIntegrationTests {

  static final int DEFAULT_KEYS = 20_000;
  static final int KEYS = Integer.getInteger("warmup.keys", DEFAULT_KEYS);
  static final int RATE = Integer.getInteger("warmup.rate", 8_000);
  static final long TTL_TOLERANCE_MS = 10_000;
  private static final Logger LOG = Logger.getLogger(WarmupClusterIntegrationTests.class.getName());

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(LocalCluster.THREE_RACKS_OF_ONE,
        Consistency.DC_ONE, Consistency.DC_QUORUM,
        b -> b.warmup(WarmupMode.OFF).warmupBatchSize(250).warmupKeysPerSecond(RATE));
    load();
    for (int n = 0; n < 3; n++) {
      try (RawRespClient r = cluster.redis(n)) {
        String size = Poll.until(Duration.ofSeconds(30), () -> r.callString("DBSIZE"), v -> v.equals(":" + KEYS + "\r\n"));
        assertThat(size).as("keys at node %d", n).isEqualTo(":" + KEYS + "\r\n");
      }
    }
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** {@link WarmupData#load} through node 0. */
  static void load() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      WarmupData.load(c, KEYS);
    }
  }

  @Test
  @Order(1)
  void aWipedNodeWarmsUpToItsPeersDataWhileWritesSurviveAndReadsComeFromReplicas() throws Exception {
    AdminHttp admin = new AdminHttp(cluster.node(2).adminPort());
    try (RawRespClient r = cluster.redis(2)) {
      assertThat(r.callString("FLUSHALL")).isEqualTo("+OK\r\n");
    }
    JsonObject started = admin.get("/warmup/start").json();
    assertThat(started.getString("status")).isEqualTo("running");
    assertThat(admin.get("/warmup/start").status()).as("a second start while running").isEqualTo(409);

    // Everyone sees the warming node leave NORMAL, and its reads go to the replicas.
    NodeInfo seen = Poll.until(Duration.ofSeconds(5), () -> peerAsSeenBy(0, 2), n -> n.state() == NodeState.WRITES_ONLY);
    assertThat(seen.state()).isEqualTo(NodeState.WRITES_ONLY);

    Map<String, String> expected = new TreeMap<>();
    Set<String> deleted = new java.util.TreeSet<>();
    AtomicBoolean readsRight = new AtomicBoolean(true);
    int ops = 0;
    try (RawRespClient c = cluster.client(2)) {
      while (ops < 3000 && "running".equals(admin.get("/warmup").json().getString("status"))) {
        int i = (ops * 37) % KEYS;
        switch (ops % 4) {
          case 0 -> {
            String k = "k:" + (i - i % 5);
            assertThat(c.callString("SET", k, "new-" + ops)).isEqualTo("+OK\r\n");
            expected.put(k, "new-" + ops);
            deleted.remove(k);
          }
          case 1 -> {
            String k = "k:" + (i - i % 5 + 1);
            c.callString("DEL", k);
            deleted.add(k);
          }
          case 2 -> {
            assertThat(c.callString("SET", "w:" + ops, "fresh")).isEqualTo("+OK\r\n");
            expected.put("w:" + ops, "fresh");
          }
          default -> {
            // A string key never written during the test: its value comes from a replica.
            String k = "k:" + (i - i % 5);
            if (!expected.containsKey(k) && !deleted.contains(k)) {
              String v = c.callString("GET", k);
              if (!v.equals("$" + ("value-" + (i - i % 5)).length() + "\r\nvalue-" + (i - i % 5) + "\r\n")) {
                readsRight.set(false);
                LOG.warning("read of " + k + " during warm-up got " + v);
              }
            }
          }
        }
        ops++;
      }
    }
    LOG.info("made " + ops + " requests during the warm-up");
    assertThat(ops).as("requests made while the warm-up ran").isGreaterThan(20);
    assertThat(readsRight).as("reads during warm-up were right").isTrue();

    JsonObject status = Poll.until(Duration.ofSeconds(120), () -> admin.get("/warmup").json(),
        s -> !"running".equals(s.getString("status")));
    LOG.info("warm-up status: " + status.encodePrettily());
    assertThat(status.getString("status")).as(status.encode()).isEqualTo("done");
    assertThat(status.getString("state")).isEqualTo("NORMAL");
    JsonObject progress = status.getJsonObject("progress");
    assertThat(progress.getLong("copied_keys") + progress.getLong("skipped_written_keys")
        + progress.getLong("skipped_existing_keys")).isGreaterThanOrEqualTo((long) KEYS - deleted.size());
    assertThat(progress.getLong("estimated_keys")).isEqualTo((long) KEYS);
    assertThat(Poll.until(Duration.ofSeconds(5), () -> peerAsSeenBy(1, 2), n -> n.state() == NodeState.NORMAL).state())
        .isEqualTo(NodeState.NORMAL);

    try (RawRespClient r2 = cluster.redis(2)) {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String v = e.getValue();
        assertThat(r2.callString("GET", e.getKey())).as(e.getKey()).isEqualTo("$" + v.length() + "\r\n" + v + "\r\n");
      }
      for (String k : deleted) {
        assertThat(r2.callString("EXISTS", k)).as("deleted %s", k).isEqualTo(":0\r\n");
      }
    }
    assertSameData(0, 2);

    String metrics = admin.get("/metrics").body();
    assertThat(metrics).contains("dynomite_warmup_status{status=\"done\"} 1.0");
    assertThat(metrics).containsPattern("dynomite_warmup_keys\\{kind=\"copied\"} [1-9]");
    LOG.info("WARM-UP RATE: " + KEYS + " keys, " + progress.encode());
  }

  @Test
  @Order(2)
  void aDonorStoppedMidWayIsReplacedAndTheWarmupCompletes() throws Exception {
    AdminHttp admin = new AdminHttp(cluster.node(2).adminPort());
    try (RawRespClient r = cluster.redis(2)) {
      assertThat(r.callString("FLUSHALL")).isEqualTo("+OK\r\n");
    }
    assertThat(admin.get("/warmup/start").json().getString("status")).isEqualTo("running");
    // Node 0 started first: it is the preferred donor. Stop it once some keys have come.
    JsonObject midway = Poll.until(Duration.ofSeconds(30), () -> admin.get("/warmup").json(),
        s -> s.getJsonObject("progress").getLong("copied_keys") > 500 || !"running".equals(s.getString("status")));
    assertThat(midway.getString("status")).as("still running when the donor stops").isEqualTo("running");
    assertThat(midway.getString("donor")).contains("rack1");
    cluster.stopNode(0);

    JsonObject status = Poll.until(Duration.ofSeconds(120), () -> admin.get("/warmup").json(),
        s -> !"running".equals(s.getString("status")));
    assertThat(status.getString("status")).as(status.encode()).isEqualTo("done");
    assertSameData(1, 2);
  }

  /** Node {@code peer} as node {@code viewer}'s topology shows it. */
  static NodeInfo peerAsSeenBy(int viewer, int peer) {
    String id = cluster.node(peer).membership().orElseThrow().self().id();
    return cluster.node(viewer).membership().orElseThrow().current().members().get(id);
  }

  /** Same keys, the same DUMP payloads, TTLs within tolerance, polled until replication settles. */
  static void assertSameData(int a, int b) throws Exception {
    Map<String, String> mismatch = Poll.until(Duration.ofSeconds(20), () -> differences(a, b), Map::isEmpty);
    assertThat(mismatch).as("keys differing between node %d and node %d", a, b).isEmpty();
  }

  static Map<String, String> differences(int a, int b) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (RawRespClient ra = cluster.redis(a); RawRespClient rb = cluster.redis(b)) {
      List<String> keysA = keys(ra);
      List<String> keysB = keys(rb);
      if (!keysA.equals(keysB)) {
        out.put("keys", WarmupData.keysOnlyAtEither(a, keysA, b, keysB));
        return out;
      }
      for (String k : keysA) {
        if (!Arrays.equals(ra.call("DUMP", k), rb.call("DUMP", k)) && !sameSet(ra, rb, k)) {
          out.put(k, "DUMP differs");
        }
        long ttlA = ttl(ra, k);
        long ttlB = ttl(rb, k);
        if ((ttlA < 0 || ttlB < 0) ? ttlA != ttlB : Math.abs(ttlA - ttlB) > TTL_TOLERANCE_MS) {
          out.put(k, "PTTL " + ttlA + " vs " + ttlB);
        }
        if (out.size() > 10) {
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code k} is a set with the same members at both: redis 7.0 keeps a set of strings in a
   * hash table, whose DUMP lists members in table order, which a RESTORE does not reproduce.
   */
  private static boolean sameSet(RawRespClient ra, RawRespClient rb, String k) throws Exception {
    if (!ra.callString("TYPE", k).equals("+set\r\n")) {
      return false;
    }
    return sorted(ra.callString("SMEMBERS", k)).equals(sorted(rb.callString("SMEMBERS", k)));
  }

  private static List<String> sorted(String arrayReply) {
    List<String> lines = new ArrayList<>(Arrays.asList(arrayReply.split("\r\n")));
    lines.sort(null);
    return lines;
  }

  private static long ttl(RawRespClient r, String k) throws Exception {
    String reply = r.callString("PTTL", k);
    return Long.parseLong(reply.substring(1).trim());
  }

  /** Every key, sorted (redis-server's KEYS, decoded from the raw array reply). */
  private static List<String> keys(RawRespClient r) throws Exception {
    String raw = new String(r.call("KEYS", "*"), StandardCharsets.ISO_8859_1);
    String[] lines = raw.split("\r\n");
    List<String> keys = new ArrayList<>();
    for (int i = 2; i < lines.length; i += 2) {
      keys.add(lines[i]);
    }
    keys.sort(null);
    return keys;
  }
}
