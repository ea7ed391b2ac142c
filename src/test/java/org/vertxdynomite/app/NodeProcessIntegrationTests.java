package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertxdynomite.testutil.NodeProcess;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;
import redis.clients.jedis.Jedis;

/** The fat jar as users run it: CLI options, -t, and a node started from a Dynomite yml. */
class NodeProcessIntegrationTests {

  @TempDir
  Path dir;

  private Path yml(String body) throws Exception {
    Path f = dir.resolve("dynomite.yml");
    Files.writeString(f, body);
    return f;
  }

  @Test
  void testConfAcceptsAValidDynomiteFileAndExitsZero() throws Exception {
    Path f = yml("""
        dyn_o_mite:
          datacenter: dc1
          rack: rack1
          listen: 127.0.0.1:8102
          dyn_listen: 127.0.0.1:8101
          data_store: 0
          servers:
          - 127.0.0.1:22122:1
          tokens: '437425602'
          dyn_seed_provider: simple_provider
          mbuf_size: 16384
        """);
    NodeProcess.Result r = NodeProcess.run("-t", "-c", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).contains("syntax is ok");
  }

  @Test
  void testConfRejectsABadKeyAndABadValueNamingEachAndExitsOne() throws Exception {
    Path f = yml("""
        dyn_o_mite:
          listen: 127.0.0.1:70000
          no_such_key: 1
        """);
    NodeProcess.Result r = NodeProcess.run("--test-conf", "--conf-file", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("syntax is invalid")
        .contains("dyn_o_mite.listen").contains("127.0.0.1:70000")
        .contains("dyn_o_mite.no_such_key");
  }

  @Test
  void versionAndHelpExitZeroAndABadOptionExitsOne() throws Exception {
    assertThat(NodeProcess.run("-V").output()).contains("vertx-dynomite");
    assertThat(NodeProcess.run("-h").output()).contains("--conf-file");
    NodeProcess.Result bad = NodeProcess.run("--bogus");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.output()).contains("'--bogus'");
  }

  @Test
  void aNodeStartedFromADynomiteYmlServesClientsAndStoresInRedis() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      int port = RedisServerProcess.freePort();
      Path f = yml("""
          dyn_o_mite:
            datacenter: dc1
            rack: rack1
            dyn_listen: 127.0.0.1:%d
            listen: 127.0.0.1:%d
            stats_listen: 127.0.0.1:%d
            data_store: 0
            servers:
            - 127.0.0.1:%d:1
            tokens: '437425602'
            timeout: 3000
            server_instances: 2
          """.formatted(RedisServerProcess.freePort(), port, RedisServerProcess.freePort(), redis.port()));
      Path pidFile = dir.resolve("node.pid");
      try (NodeProcess node = NodeProcess.start(port, "-c", f.toString(), "-p", pidFile.toString())) {
        assertThat(Files.readString(pidFile).trim()).isEqualTo(String.valueOf(node.pid()));
        try (Jedis j = new Jedis("127.0.0.1", port)) {
          assertThat(j.set("from", "jedis")).isEqualTo("OK");
          assertThat(j.incr("hits")).isEqualTo(1);
        }
        try (RawRespClient direct = redis.client()) {
          assertThat(direct.callString("GET", "from")).isEqualTo("$5\r\njedis\r\n");
          assertThat(direct.callString("GET", "hits")).isEqualTo("$1\r\n1\r\n");
        }
        long t0 = System.nanoTime();
        assertThat(node.terminate()).isIn(0, 143);
        // A clean shutdown is prompt; a hung one would only end at the shutdown hook's own limit.
        assertThat((System.nanoTime() - t0) / 1_000_000).as("shutdown millis").isLessThan(10_000);
        assertThat(pidFile).doesNotExist();
      }
    }
  }

  @Test
  void aNodeOnTheEmbeddedStoreServesJedisAndLettuceWithNothingElseRunning() throws Exception {
    int port = RedisServerProcess.freePort();
    Path f = yml("""
        dyn_o_mite:
          listen: 127.0.0.1:%d
          dyn_listen: 127.0.0.1:%d
          stats_listen: 127.0.0.1:%d
          data_store: embedded
          tokens: '0'
        """.formatted(port, RedisServerProcess.freePort(), RedisServerProcess.freePort()));
    try (NodeProcess node = NodeProcess.start(port, "-c", f.toString())) {
      try (Jedis j = new Jedis("127.0.0.1", port)) {
        assertThat(j.set("k", "v")).isEqualTo("OK");
        assertThat(j.get("k")).isEqualTo("v");
        assertThat(j.incrBy("n", 41)).isEqualTo(41);
        assertThat(j.pexpire("k", 100_000)).isEqualTo(1);
        assertThat(j.pttl("k")).isBetween(1L, 100_000L);
      }
      io.lettuce.core.RedisClient lettuce = io.lettuce.core.RedisClient.create(
          io.lettuce.core.RedisURI.builder().withHost("127.0.0.1").withPort(port)
              .withTimeout(java.time.Duration.ofSeconds(5)).build());
      try (var conn = lettuce.connect()) {
        assertThat(conn.sync().get("k")).isEqualTo("v");
        assertThat(conn.sync().incr("n")).isEqualTo(42);
      } finally {
        lettuce.shutdown(java.time.Duration.ZERO, java.time.Duration.ofSeconds(2));
      }
      assertThat(node.output()).contains("datastore embedded");
    }
  }
}
