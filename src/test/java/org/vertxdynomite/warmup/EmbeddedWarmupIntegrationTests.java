package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.config.DataStoreKind;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.topology.NodeState;

/**
 * Warm-up on the embedded store (the default {@code datastore}): three racks of one node in one
 * JVM, {@value #KEYS} keys of every type, some with TTLs. Node 2 is stopped (its in-memory data is
 * gone) and started again: with {@code warmup: auto} it warms up from its peers, ends holding the
 * same data as they do, TTLs included, and every write made during the warm-up survives — merges into
 * keys not yet copied (RPUSH, PEXPIRE) included.
 */
class EmbeddedWarmupIntegrationTests {

  static final int KEYS = 6000;
  private static final long TTL_TOLERANCE_MS = 10_000;
  private static final Logger LOG = Logger.getLogger(EmbeddedWarmupIntegrationTests.class.getName());

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRestartedEmbeddedNodeWarmsUpToItsPeersDataWhileWritesMadeMeanwhileSurvive() throws Exception {
    cluster = LocalCluster.start(LocalCluster.THREE_RACKS_OF_ONE,
        Consistency.DC_ONE, Consistency.DC_QUORUM,
        b -> b.dataStore(DataStoreKind.EMBEDDED).servers(List.of()).warmup(WarmupMode.AUTO)
            .warmupBatchSize(200).warmupKeysPerSecond(3000));
    load();
    for (int n = 0; n < 3; n++) {
      int node = n;
      assertThat(Poll.until(Duration.ofSeconds(30), () -> dbSize(node), s -> s == KEYS)).as("node %d", n)
          .isEqualTo(KEYS);
    }

    cluster.stopNode(2);
    cluster.restartNode(2);
    assertThat(dbSize(2)).as("the embedded store starts empty").isLessThan(KEYS);

    // Writes during the warm-up, through node 0 and through the warming node itself.
    Map<String, String> strings = new TreeMap<>();
    Set<String> deleted = new TreeSet<>();
    int ops = 0;
    try (RawRespClient via0 = cluster.client(0); RawRespClient via2 = cluster.client(2)) {
      while (ops < 2000 && cluster.node(2).controls().state().get() != NodeState.NORMAL) {
        RawRespClient c = ops % 2 == 0 ? via0 : via2;
        int i = (ops * 37) % KEYS;
        switch (ops % 7) {
          case 0 -> {
            String k = "k:" + (i - i % 5); // an existing string, overwritten
            assertThat(c.callString("SET", k, "new-" + ops)).isEqualTo("+OK\r\n");
            strings.put(k, "new-" + ops);
            deleted.remove(k);
          }
          case 1 -> {
            String k = "k:" + (i - i % 5 + 1); // an existing hash, deleted
            c.callString("DEL", k);
            deleted.add(k);
          }
          case 2 -> assertThat(c.callString("SET", "w:" + ops, "fresh", "PX", "600000")).isEqualTo("+OK\r\n");
          case 3 -> assertThat(c.callString("RPUSH", "wl:" + ops, "a", "b")).isEqualTo(":2\r\n");
          case 4 -> assertThat(c.callString("HSET", "wh:" + ops, "f", "v")).isEqualTo(":1\r\n");
          // Merging into keys that existed before: the warmed node must end with their older content too.
          case 5 -> assertThat(c.callString("RPUSH", "k:" + (i - i % 5 + 2), "pushed-" + ops)).startsWith(":");
          default -> assertThat(c.callString("PEXPIRE", "k:" + (i - i % 5 + 4), "900000")).startsWith(":");
        }
        ops++;
      }
    }
    LOG.info("made " + ops + " writes during the warm-up");
    assertThat(ops).as("writes made while the warm-up ran").isGreaterThan(20);

    NodeState state = Poll.until(Duration.ofSeconds(60), () -> cluster.node(2).controls().state().get(),
        s -> s == NodeState.NORMAL);
    assertThat(state).isEqualTo(NodeState.NORMAL);
    WarmupVerticle warmup = cluster.node(2).warmup().orElseThrow().warmup();
    assertThat(warmup.phase()).isEqualTo(WarmupVerticle.Phase.DONE);
    assertThat(warmup.progress().orElseThrow().copiedKeys()).isGreaterThan(KEYS / 2);

    Map<String, String> mismatch = Poll.until(Duration.ofSeconds(20), () -> differences(0, 2), Map::isEmpty);
    assertThat(mismatch).as("keys differing between node 0 and the warmed node 2").isEmpty();
    assertThat(differences(1, 2)).isEmpty();
    for (Map.Entry<String, String> e : strings.entrySet()) {
      assertThat(value(2, e.getKey())).as(e.getKey()).isEqualTo("string " + e.getValue());
    }
    for (String k : deleted) {
      assertThat(value(2, k)).as("deleted %s", k).isEqualTo("none");
    }
  }

  private void load() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      WarmupData.load(c, KEYS);
    }
  }

  private Reply run(int node, String... args) throws Exception {
    Datastore d = cluster.store(node);
    RespRequest r = RespRequest.of(args);
    return d.execute(r, CommandTable.get().lookup(r)).await(10, TimeUnit.SECONDS);
  }

  private long dbSize(int node) throws Exception {
    return ((IntegerReply) run(node, "DBSIZE")).value();
  }

  private List<String> keys(int node) throws Exception {
    List<String> out = new ArrayList<>();
    for (Reply r : ((ArrayReply) run(node, "KEYS", "*")).items()) {
      out.add(new String(((BulkReply) r).value(), StandardCharsets.UTF_8));
    }
    out.sort(null);
    return out;
  }

  /** The key's type and value in a form that does not depend on the store's internal order. */
  private String value(int node, String k) throws Exception {
    String type = text(run(node, "TYPE", k)).trim().substring(1);
    return switch (type) {
      case "string" -> "string " + new String(((BulkReply) run(node, "GET", k)).value(), StandardCharsets.UTF_8);
      case "list" -> "list " + text(run(node, "LRANGE", k, "0", "-1"));
      case "hash" -> "hash " + sortedItems(run(node, "HGETALL", k));
      case "set" -> "set " + sortedItems(run(node, "SMEMBERS", k));
      case "zset" -> "zset " + text(run(node, "ZRANGE", k, "0", "-1", "WITHSCORES"));
      default -> type;
    };
  }

  private static String text(Reply r) {
    Buffer b = Buffer.buffer();
    r.writeTo(b);
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private static List<String> sortedItems(Reply r) {
    List<String> items = new ArrayList<>();
    for (Reply i : ((ArrayReply) r).items()) {
      items.add(text(i));
    }
    items.sort(null);
    return items;
  }

  private Map<String, String> differences(int a, int b) throws Exception {
    Map<String, String> out = new HashMap<>();
    List<String> keysA = keys(a);
    List<String> keysB = keys(b);
    if (!keysA.equals(keysB)) {
      out.put("keys", WarmupData.keysOnlyAtEither(a, keysA, b, keysB));
      return out;
    }
    for (String k : keysA) {
      String va = value(a, k);
      String vb = value(b, k);
      if (!va.equals(vb)) {
        out.put(k, va + " vs " + vb);
      }
      long ttlA = ((IntegerReply) run(a, "PTTL", k)).value();
      long ttlB = ((IntegerReply) run(b, "PTTL", k)).value();
      if ((ttlA < 0 || ttlB < 0) ? ttlA != ttlB : Math.abs(ttlA - ttlB) > TTL_TOLERANCE_MS) {
        out.put(k, "PTTL " + ttlA + " vs " + ttlB);
      }
      if (out.size() > 10) {
        break;
      }
    }
    return out;
  }
}
