package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.app.Node;
import org.vertxdynomite.config.DataStoreKind;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.ServerSpec;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.PrometheusText;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/** A standalone node in front of a real redis-server: INFO from the server, the timeout factor, storage failures. */
class AdminRedisIntegrationTests {

  /** The node's datastore timeout, ms. */
  static final int TIMEOUT = 300;

  RedisServerProcess redis;
  Node node;
  AdminHttp http;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServerProcess.start();
    NodeConfig config = NodeConfig.builder()
        .listen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .statsListen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .dataStore(DataStoreKind.REDIS)
        .servers(List.of(new ServerSpec("127.0.0.1", redis.port(), 1)))
        .timeoutMs(TIMEOUT)
        .serverRetryTimeoutMs(200)
        .serverInstances(1)
        .build();
    node = Node.start(config).await(30, TimeUnit.SECONDS);
    http = new AdminHttp(node.adminPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.stop().await(30, TimeUnit.SECONDS);
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void infoMemoryAndKeyspaceAreTheRedisServersOwn() throws Exception {
    try (RawRespClient c = client(); RawRespClient direct = redis.client()) {
      c.callString("SET", "a", "1");
      c.callString("SET", "b", "2", "EX", "100");
      String keyspace = c.callString("INFO", "keyspace");
      assertThat(keyspace).contains("# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=");
      String own = direct.callString("INFO", "keyspace");
      assertThat(own).contains(keyspace.substring(keyspace.indexOf("db0:"), keyspace.indexOf("avg_ttl=")));
      String memory = c.callString("INFO", "memory");
      assertThat(memory).contains("# Memory\r\nused_memory:", "used_memory_human:", "maxmemory:0\r\n",
          "maxmemory_policy:noeviction\r\n", "jvm_heap_used:");
    }
    JsonObject servers = http.get("/info").json().getJsonObject("dyn_o_mite").getJsonObject("servers");
    assertThat(servers.fieldNames()).containsExactly("127.0.0.1:" + redis.port() + ":1");
  }

  @Test
  void theTimeoutFactorScalesTheDatastoreTimeoutOfNewRequests() throws Exception {
    try (RawRespClient c = client(); RawRespClient direct = redis.client()) {
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");

      assertThat(direct.callString("CLIENT", "PAUSE", "1000", "ALL")).isEqualTo("+OK\r\n");
      long t0 = System.nanoTime();
      assertThat(c.callString("GET", "k")).as("factor 1: %d ms", TIMEOUT)
          .isEqualTo("-ERR Storage: Connection timed out\r\n");
      assertThat(millisSince(t0)).isLessThan(1000);
      Thread.sleep(Math.max(0, 1200 - millisSince(t0)));

      assertThat(http.get("/set_timeout_factor/10").body()).isEqualTo("OK\r\n");
      assertThat(direct.callString("CLIENT", "PAUSE", "1000", "ALL")).isEqualTo("+OK\r\n");
      long t1 = System.nanoTime();
      assertThat(c.callString("GET", "k")).as("factor 10: %d ms", 10 * TIMEOUT).isEqualTo("$1\r\nv\r\n");
      assertThat(millisSince(t1)).isGreaterThanOrEqualTo(700);
    }
    PrometheusText m = PrometheusText.parse(http.get("/metrics").body());
    assertThat(m.sum("dynomite_datastore_errors_total", "reason", "timeout")).isEqualTo(1.0);
    JsonObject server = http.get("/info").json().getJsonObject("dyn_o_mite").getJsonObject("servers")
        .getJsonObject("127.0.0.1:" + redis.port() + ":1");
    assertThat(server.getLong("server_timedout")).isEqualTo(1);
  }

  @Test
  void datastoreFailuresAndReconnectsAreCounted() throws Exception {
    int port = redis.port();
    try (RawRespClient c = client()) {
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");
      redis.close();
      assertThat(c.callString("GET", "k")).startsWith("-ERR Storage: ");
      redis = RedisServerProcess.start(port);
      String after = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!after.equals("+OK\r\n") && System.nanoTime() < deadline) {
        Thread.sleep(50);
        after = c.callString("SET", "k", "again");
      }
      assertThat(after).isEqualTo("+OK\r\n");
    }
    PrometheusText m = PrometheusText.parse(http.get("/metrics").body());
    assertThat(m.sum("dynomite_datastore_reconnects_total")).isEqualTo(1.0);
    assertThat(m.sum("dynomite_datastore_errors_total")).isGreaterThanOrEqualTo(1.0);
    assertThat(m.sum("dynomite_datastore_requests_seconds_count", "outcome", "ok")).isGreaterThanOrEqualTo(2.0);
    assertThat(m.sum("dynomite_client_requests_seconds_count", "command", "get", "outcome", "failed"))
        .isEqualTo(1.0);
  }

  private RawRespClient client() throws Exception {
    return new RawRespClient("127.0.0.1", node.port());
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
