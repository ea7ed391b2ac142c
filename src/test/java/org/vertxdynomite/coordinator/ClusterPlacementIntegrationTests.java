package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;
import redis.clients.jedis.Jedis;

/**
 * 1 DC × 2 racks × 2 nodes over real redis-servers: every key lands in exactly one redis per rack,
 * the one Dynomite's ring rule names, whichever node the client talks to.
 */
class ClusterPlacementIntegrationTests {

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    // Writes at DC_QUORUM (both racks, with two racks): no write from one test can still be on its
    // way to the other rack when the next test starts (e.g. after its FLUSHALL).
    cluster = LocalCluster.start(LocalCluster.TWO_RACKS_OF_TWO, Consistency.DC_ONE, Consistency.DC_QUORUM);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Index (0 or 1) of the node owning {@code key} in a rack, by Dynomite's rule. */
  static int ownerIndex(String key) {
    return LocalCluster.ownerInRack(key);
  }


  @Test
  void everyKeyLandsInExactlyOneRedisPerRackTheOneTheRingRuleNames() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      keys.add("key:" + i);
    }
    for (int i = 0; i < keys.size(); i++) {
      try (RawRespClient c = cluster.client(i % 4)) {
        assertThat(c.callString("SET", keys.get(i), "v" + i)).isEqualTo("+OK\r\n");
      }
    }
    // Both owners must appear, or the test would not test the ring.
    assertThat(keys.stream().map(ClusterPlacementIntegrationTests::ownerIndex).distinct()).hasSize(2);
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      int owner = ownerIndex(key);
      for (int rackBase : new int[] {0, 2}) {
        try (RawRespClient own = cluster.redis(rackBase + owner); RawRespClient other = cluster.redis(rackBase + 1 - owner)) {
          String v = "v" + i;
          assertThat(own.callString("GET", key)).as("%s at its owner in rack %d", key, rackBase / 2 + 1)
              .isEqualTo("$" + v.length() + "\r\n" + v + "\r\n");
          assertThat(other.callString("EXISTS", key)).as("%s elsewhere", key).isEqualTo(":0\r\n");
        }
      }
    }
  }

  @Test
  void msetAndMgetAcrossOwnersAnswerInTheClientsKeyOrder() throws Exception {
    String a = "user:1";
    String b = "a";
    String c = "user";
    assertThat(List.of(ownerIndex(a), ownerIndex(b), ownerIndex(c))).contains(0, 1);
    try (RawRespClient client = cluster.client(1)) {
      assertThat(client.callString("MSET", a, "1", b, "2", c, "3")).isEqualTo("+OK\r\n");
      assertThat(client.callString("MGET", c, "missing", a, b))
          .isEqualTo("*4\r\n$1\r\n3\r\n$-1\r\n$1\r\n1\r\n$1\r\n2\r\n");
      assertThat(client.callString("EXISTS", a, b, c, "missing")).isEqualTo(":3\r\n");
      assertThat(client.callString("DEL", a, b, "missing")).isEqualTo(":2\r\n");
    }
    for (int n = 0; n < 4; n++) {
      try (RawRespClient r = cluster.redis(n)) {
        assertThat(r.callString("EXISTS", a, b)).isEqualTo(":0\r\n");
      }
    }
  }

  @Test
  void multiKeyCommandsNeedOneOwnerOrAHashTag() throws Exception {
    try (RawRespClient client = cluster.client(0)) {
      String x = "{tag}x";
      String y = "{tag}y";
      client.callString("SADD", x, "1", "2");
      client.callString("SADD", y, "2", "3");
      // Without hash_tag configured the whole key is hashed; find two keys with different owners.
      String p = "user:1";
      String q = ownerIndex("a") != ownerIndex(p) ? "a" : "user";
      assertThat(ownerIndex(p)).isNotEqualTo(ownerIndex(q));
      client.callString("SADD", p, "1");
      client.callString("SADD", q, "1");
      assertThat(client.callString("SUNIONSTORE", "dest", p, q)).startsWith("-ERR Dynomite: ");
    }
  }

  @Test
  void anyNodeAcceptsAnyRequestWithJedisAndLettuce() throws Exception {
    for (int n = 0; n < cluster.size(); n++) {
      try (Jedis j = new Jedis("127.0.0.1", cluster.port(n))) {
        assertThat(j.set("jedis:" + n, "x" + n)).isEqualTo("OK");
      }
      for (int m = 0; m < cluster.size(); m++) {
        // Reads are DC_ONE, from the reader's rack; with two racks a DC_QUORUM write is in both
        // when the client gets OK, so every node sees it at once.
        assertThat(eventually(m, "jedis:" + n, Duration.ZERO))
            .as("read of node %d's write through node %d", n, m).isEqualTo("x" + n);
      }
      RedisClient lettuce = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(cluster.port(n))
          .withTimeout(Duration.ofSeconds(5)).build());
      try (StatefulRedisConnection<String, String> conn = lettuce.connect()) {
        assertThat(conn.sync().set("lettuce:" + n, "y")).isEqualTo("OK");
        assertThat(conn.sync().incr("lettuce:counter:" + n)).isEqualTo(1L);
        assertThat(conn.sync().get("lettuce:" + n)).isEqualTo("y");
      } finally {
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  private static String eventually(int node, String key, Duration patience) throws Exception {
    try (Jedis j = new Jedis("127.0.0.1", cluster.port(node))) {
      return Poll.until(patience, () -> j.get(key), v -> v != null);
    }
  }

  @Test
  void dbsizeAndKeysCoverTheWholeClusterNotOneNode() throws Exception {
    try (RawRespClient c = cluster.client(2)) {
      c.callString("FLUSHALL");
      for (int i = 0; i < 50; i++) {
        c.callString("SET", "k" + i, "v");
      }
      assertThat(c.callString("DBSIZE")).isEqualTo(":50\r\n");
      String keys = c.callString("KEYS", "*");
      assertThat(keys).startsWith("*50\r\n");
      assertThat(c.callString("FLUSHALL")).isEqualTo("+OK\r\n");
      assertThat(c.callString("DBSIZE")).isEqualTo(":0\r\n");
    }
  }

  @Test
  void scanWalksEveryNodeOfTheRackAndReturnsEveryKeyOnceWhicheverNodeContinuesIt() throws Exception {
    java.util.Set<String> written = new java.util.TreeSet<>();
    try (RawRespClient c = cluster.client(0)) {
      c.callString("FLUSHALL");
      for (int i = 0; i < 120; i++) {
        c.callString("SET", "scan:" + i, "v");
        written.add("scan:" + i);
      }
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    String cursor = "0";
    int calls = 0;
    do {
      // Continue the scan through whichever node of rack1: the cursor carries the node.
      try (RawRespClient c = cluster.client(calls % 2)) {
        String[] lines = c.callString("SCAN", cursor, "MATCH", "scan:*", "COUNT", "20").split("\r\n");
        cursor = lines[2];
        for (int i = 5; i < lines.length; i += 2) {
          seen.add(lines[i]);
        }
      }
      calls++;
    } while (!cursor.equals("0") && calls < 1000);
    assertThat(cursor).isEqualTo("0");
    assertThat(new java.util.TreeSet<>(seen)).isEqualTo(written);
    assertThat(seen).as("no key twice when nothing changes").hasSameSizeAs(written);
  }
}
