package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;
import redis.clients.jedis.Jedis;

/**
 * 1 DC × 2 racks × 2 nodes ({@link LocalCluster#TWO_RACKS_OF_TWO}) as users run it: four node JVMs started from Dynomite-format ymls, each
 * in front of its own real redis-server. Placement is read from each redis-server directly.
 *
 * <p>Writes use DC_QUORUM, which with two racks means both racks acknowledge before the client
 * gets its reply, so a read through any node right after a write sees it.
 */
class ClusterProcessesIntegrationTests {

  static Path dir;
  static ProcessCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("cluster-processes-");
    long t0 = System.nanoTime();
    cluster = ProcessCluster.start(dir, LocalCluster.TWO_RACKS_OF_TWO, Consistency.DC_ONE, Consistency.DC_QUORUM,
        Duration.ofSeconds(60));
    System.out.printf("4 node JVMs started and formed a cluster in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    // Deepest first: each node's data_dir is a directory of its own in there.
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void theNodesWereStartedFromTheirDynomiteYmls() throws Exception {
    for (int i = 0; i < cluster.size(); i++) {
      String yml = Files.readString(dir.resolve("node" + i + ".yml"));
      assertThat(yml).startsWith("dyn_o_mite:\n").contains("tokens: '" + cluster.member(i).token() + "'")
          .contains("dyn_seeds:\n  - 127.0.0.1:");
      assertThat(Files.readString(dir.resolve("node" + i + ".pid")).trim()).isEqualTo(String.valueOf(cluster.node(i).pid()));
      assertThat(cluster.node(i).output()).contains("in cluster as");
    }
  }

  @Test
  void everyKeyLandsInExactlyOneRedisPerRackTheOneDynomitesRuleNames() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      keys.add("placed:" + i);
    }
    for (int i = 0; i < keys.size(); i++) {
      try (RawRespClient c = cluster.client(i % cluster.size())) {
        assertThat(c.callString("SET", keys.get(i), "v" + i)).isEqualTo("+OK\r\n");
      }
    }
    // The rule by hand: in each rack, hashes up to LOW belong to the first node (0 or 2), the rest
    // to the second (1 or 3). Both must occur, or the test would not test the ring.
    List<Integer> rack1Owners = new ArrayList<>();
    for (String key : keys) {
      int owner = ProcessCluster.hash(key) <= LocalCluster.LOW ? 0 : 1;
      rack1Owners.add(owner);
      assertThat(cluster.owners(key)).as("owners of %s", key).containsExactly(owner, owner + 2);
    }
    assertThat(rack1Owners).contains(0, 1);
    for (int n = 0; n < cluster.size(); n++) {
      try (RawRespClient r = cluster.redis(n)) {
        for (int i = 0; i < keys.size(); i++) {
          String v = "v" + i;
          boolean owns = rack1Owners.get(i) == n % 2;
          assertThat(r.callString("GET", keys.get(i))).as("%s in node %d's redis", keys.get(i), n)
              .isEqualTo(owns ? "$" + v.length() + "\r\n" + v + "\r\n" : "$-1\r\n");
        }
      }
    }
  }

  @Test
  void msetAndMgetAcrossOwnersAnswerCorrectlyThroughEveryNode() throws Exception {
    for (int writer = 0; writer < cluster.size(); writer++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int owner = 0; owner < cluster.size(); owner++) {
        values.put(cluster.keyOwnedBy(owner, "m" + writer + ":" + owner + ":"), "w" + writer + "o" + owner);
      }
      List<String> mset = new ArrayList<>(List.of("MSET"));
      values.forEach((k, v) -> {
        mset.add(k);
        mset.add(v);
      });
      try (RawRespClient c = cluster.client(writer)) {
        assertThat(c.callString(mset.toArray(String[]::new))).isEqualTo("+OK\r\n");
      }
      List<String> keys = new ArrayList<>(values.keySet());
      List<String> asked = new ArrayList<>(List.of("MGET", keys.get(3), "missing:" + writer, keys.get(0), keys.get(2),
          keys.get(1)));
      String expected = "*5\r\n" + bulk(values.get(keys.get(3))) + "$-1\r\n" + bulk(values.get(keys.get(0)))
          + bulk(values.get(keys.get(2))) + bulk(values.get(keys.get(1)));
      for (int reader = 0; reader < cluster.size(); reader++) {
        try (RawRespClient c = cluster.client(reader)) {
          assertThat(c.callString(asked.toArray(String[]::new)))
              .as("MGET through node %d after MSET through node %d", reader, writer).isEqualTo(expected);
        }
      }
      for (String key : keys) {
        for (int n = 0; n < cluster.size(); n++) {
          try (RawRespClient r = cluster.redis(n)) {
            assertThat(r.callString("GET", key)).as("%s in node %d's redis", key, n)
                .isEqualTo(cluster.owners(key).contains(n) ? bulk(values.get(key)) : "$-1\r\n");
          }
        }
      }
    }
  }

  @Test
  void redisCliJedisAndLettuceWorkAgainstEveryNode() throws Exception {
    for (int n = 0; n < cluster.size(); n++) {
      int port = cluster.port(n);
      assertThat(redisCli(port, "SET", "cli:" + n, "from redis-cli")).isEqualTo("OK");
      assertThat(redisCli(port, "MSET", "cli:a:" + n, "1", "cli:b:" + n, "2")).isEqualTo("OK");
      try (Jedis j = new Jedis("127.0.0.1", port)) {
        assertThat(j.ping()).isEqualTo("PONG");
        assertThat(j.get("cli:" + n)).isEqualTo("from redis-cli");
        assertThat(j.mget("cli:a:" + n, "cli:b:" + n, "cli:none")).containsExactly("1", "2", null);
        assertThat(j.hset("jedis:h:" + n, Map.of("f", "v", "g", "w"))).isEqualTo(2);
        assertThat(j.incrBy("jedis:n:" + n, 5)).isEqualTo(5);
      }
      RedisClient lettuce = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
          .withTimeout(Duration.ofSeconds(5)).build());
      try (StatefulRedisConnection<String, String> conn = lettuce.connect()) {
        assertThat(conn.sync().hgetall("jedis:h:" + n)).isEqualTo(Map.of("f", "v", "g", "w"));
        assertThat(conn.sync().incr("jedis:n:" + n)).isEqualTo(6L);
        assertThat(conn.sync().mget("cli:b:" + n, "cli:a:" + n)).containsExactly(KeyValue.just("cli:b:" + n, "2"),
            KeyValue.just("cli:a:" + n, "1"));
        assertThat(conn.sync().set("lettuce:" + n, "y")).isEqualTo("OK");
      } finally {
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
      assertThat(redisCli(port, "GET", "lettuce:" + n)).isEqualTo("y");
      assertThat(redisCli(port, "GET", "jedis:n:" + n)).isEqualTo("6");
    }
  }

  private static String bulk(String v) {
    return "$" + v.getBytes(StandardCharsets.UTF_8).length + "\r\n" + v + "\r\n";
  }

  /** Runs the redis-cli binary against a node; returns its output without the final newline. */
  private static String redisCli(int port, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(System.getenv().getOrDefault("REDIS_CLI", "redis-cli"),
        "-h", "127.0.0.1", "-p", String.valueOf(port)));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("redis-cli did not exit: " + out);
    }
    assertThat(p.exitValue()).as("redis-cli exit code, output %s", out).isZero();
    return out.stripTrailing();
  }
}
