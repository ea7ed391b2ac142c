package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.app.Node;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.ListeningSockets;
import org.vertxdynomite.testutil.PrometheusText;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;
import org.vertxdynomite.topology.NodeState;

/** The admin port of a standalone node on the embedded store: every path, its errors, INFO, metrics. */
class AdminStandaloneIntegrationTests {

  static Node node;
  static AdminHttp http;

  @BeforeAll
  static void start() throws Exception {
    NodeConfig config = NodeConfig.builder()
        .listen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .statsListen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .datacenter("dc1").rack("rack1").tokens(List.of(7L, 1001L))
        .serverInstances(1)
        .build();
    node = Node.start(config).await(30, TimeUnit.SECONDS);
    http = new AdminHttp(node.adminPort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.stop().await(30, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void reset() {
    NodeControls c = node.controls();
    c.consistency().read(Consistency.DC_ONE);
    c.consistency().write(Consistency.DC_ONE);
    c.timeoutFactor().set(1);
    while (c.state().get() != NodeState.NORMAL) {
      c.state().moveTo(c.state().get() == NodeState.WRITES_ONLY ? NodeState.RESUMING : NodeState.NORMAL);
    }
  }

  @Test
  void theTextPathsAnswerAsDynomiteDoes() throws Exception {
    assertThat(http.get("/ping").body()).isEqualTo("OK\r\n");
    assertThat(http.get("/get_consistency").body())
        .isEqualTo("Read Consistency: DC_ONE\r\nWrite Consistency: DC_ONE\r\n");
    assertThat(http.get("/get_timeout_factor").body()).isEqualTo("Timeout factor: 1\n");
    assertThat(http.get("/state/get_state").body()).isEqualTo("State: NORMAL\n");
    AdminHttp.Response help = http.get("/help");
    for (String path : List.of("/info", "/help", "/ping", "/cluster_describe", "/get_consistency",
        "/set_consistency/{kind}/{level}", "/get_timeout_factor", "/set_timeout_factor/{factor}", "/peer/up/{name}",
        "/peer/down/{name}", "/state/get_state", "/state/{state}", "/metrics", "/REST/v1/admin/cluster_describe",
        "/REST/v1/admin/get_seeds")) {
      assertThat(help.body()).contains(path + " ");
    }
  }

  @Test
  void infoHasDynomitesTopLevelFieldsInItsOrderThenThePool() throws Exception {
    try (RawRespClient c = client()) {
      c.callString("SET", "k", "value");
      c.callString("GET", "k");
    }
    AdminHttp.Response r = http.get("/info");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonObject info = r.json();
    assertThat(new ArrayList<>(info.fieldNames())).containsExactly("service", "source", "version", "uptime",
        "timestamp", "rack", "dc", "latency_max", "latency_999th", "latency_99th", "latency_95th", "latency_mean",
        "payload_size_max", "payload_size_999th", "payload_size_99th", "payload_size_95th", "payload_size_mean",
        "average_cross_region_rtt", "99_cross_region_rtt", "average_cross_zone_latency", "99_cross_zone_latency",
        "average_server_latency", "99_server_latency", "dyn_memory", "state", "read_consistency",
        "write_consistency", "timeout_factor", "peers", "dyn_o_mite");
    assertThat(info.getString("service")).isEqualTo("dynomite");
    assertThat(info.getString("rack")).isEqualTo("rack1");
    assertThat(info.getString("dc")).isEqualTo("dc1");
    assertThat(info.getLong("timestamp")).isCloseTo(System.currentTimeMillis() / 1000, Offset.offset(5L));
    assertThat(info.getLong("latency_max")).isPositive();
    assertThat(info.getLong("latency_99th")).isPositive();
    assertThat(info.getLong("payload_size_max")).isGreaterThanOrEqualTo("SETkvalue".length());
    assertThat(info.getLong("dyn_memory")).isPositive();
    JsonObject pool = info.getJsonObject("dyn_o_mite");
    assertThat(pool.getLong("client_write_requests")).isGreaterThanOrEqualTo(1);
    assertThat(pool.getLong("client_read_requests")).isGreaterThanOrEqualTo(1);
    JsonObject server = pool.getJsonObject("servers").getJsonObject("embedded");
    assertThat(server.getLong("write_requests")).isGreaterThanOrEqualTo(1);
    assertThat(server.getLong("read_responses")).isGreaterThanOrEqualTo(1);
    assertThat(http.get("/").json().fieldNames()).isEqualTo(info.fieldNames());
  }

  @Test
  void clusterDescribeAndDynoEndpointsDescribeTheNodeAlone() throws Exception {
    JsonObject d = http.get("/cluster_describe").json();
    JsonObject server = d.getJsonArray("dcs").getJsonObject(0).getJsonArray("racks").getJsonObject(0)
        .getJsonArray("servers").getJsonObject(0);
    assertThat(server.getString("host")).isEqualTo("127.0.0.1");
    assertThat(server.getInteger("port")).isEqualTo(node.config().dynListen().port());
    assertThat(server.getLong("token")).isEqualTo(7L);
    assertThat(server.getJsonArray("tokens").stream().map(t -> ((Number) t).longValue())).containsExactly(7L, 1001L);

    JsonArray dyno = http.get("/REST/v1/admin/cluster_describe").jsonArray();
    assertThat(dyno).hasSize(2);
    assertThat(dyno.getJsonObject(1).getMap()).containsEntry("token", "1001").containsEntry("zone", "rack1")
        .containsEntry("dc", "dc1").containsEntry("port", Integer.toString(node.port()));
    assertThat(http.get("/REST/v1/admin/get_seeds").body()).isEmpty();
  }

  @Test
  void unknownPathsAndBadValuesGetA4xxWithAMessage() throws Exception {
    assertError(http.get("/nope"), 404, "no such path: /nope");
    assertError(http.get("/info/"), 404, "no such path");
    assertError(http.get("/set_consistency/read/dc_two"), 400, "invalid consistency level 'dc_two'");
    assertError(http.get("/set_consistency/sideways/dc_one"), 400, "'sideways' is neither read nor write");
    assertError(http.get("/set_consistency/read"), 404, "no such path");
    assertError(http.get("/set_timeout_factor/0"), 400, "timeout factor must be 1..10, got 0");
    assertError(http.get("/set_timeout_factor/11"), 400, "timeout factor must be 1..10, got 11");
    assertError(http.get("/set_timeout_factor/fast"), 400, "whole number");
    assertError(http.get("/state/flying"), 404, "no such state: flying");
    assertError(http.get("/peer/down/10.9.9.9:8101"), 404, "no peer '10.9.9.9:8101'");
    assertError(http.get("/peer/down/" + node.config().dynListen()), 400, "is this node itself");
    assertError(http.get("/peer/sideways/x"), 404, "no such path");
    AdminHttp.Response post = http.send("POST", "/info");
    assertError(post, 405, "only GET");
    assertThat(http.get("/get_consistency").body()).contains("DC_ONE");
    assertThat(http.get("/get_timeout_factor").body()).isEqualTo("Timeout factor: 1\n");
  }

  @Test
  void theStateMovesAlongTheTableAndAnIllegalMoveIsAConflict() throws Exception {
    assertError(http.get("/state/resuming"), 409, "a node cannot go from NORMAL to RESUMING");
    assertThat(http.get("/state/standby").body()).isEqualTo("OK\r\n");
    assertThat(http.get("/state/get_state").body()).isEqualTo("State: STANDBY\n");
    assertThat(http.get("/info").json().getString("state")).isEqualTo("STANDBY");
    assertThat(info("dynomite")).contains("state:STANDBY\r\n");
    PrometheusText m = PrometheusText.parse(http.get("/metrics").body());
    assertThat(m.sum("dynomite_node_state", "state", "standby")).isEqualTo(1.0);
    assertThat(m.sum("dynomite_node_state", "state", "normal")).isEqualTo(0.0);
    assertThat(http.get("/state/writes_only").status()).isEqualTo(200);
    assertThat(http.get("/state/resuming").status()).isEqualTo(200);
    assertThat(http.get("/state/normal").status()).isEqualTo(200);
    assertThat(http.get("/state/normal").status()).as("staying put").isEqualTo(200);
  }

  @Test
  void consistencyAndTimeoutFactorSetHereAreReportedEverywhere() throws Exception {
    assertThat(http.get("/set_consistency/read/DC_QUORUM").body()).isEqualTo("OK\r\n");
    assertThat(http.get("/set_consistency/write/dc_each_safe_quorum").body()).isEqualTo("OK\r\n");
    assertThat(http.get("/set_timeout_factor/4").body()).isEqualTo("OK\r\n");

    assertThat(http.get("/get_consistency").body())
        .isEqualTo("Read Consistency: DC_QUORUM\r\nWrite Consistency: DC_EACH_SAFE_QUORUM\r\n");
    assertThat(http.get("/get_timeout_factor").body()).isEqualTo("Timeout factor: 4\n");
    JsonObject info = http.get("/info").json();
    assertThat(info.getString("read_consistency")).isEqualTo("DC_QUORUM");
    assertThat(info.getInteger("timeout_factor")).isEqualTo(4);
    assertThat(info("dynomite")).contains("read_consistency:DC_QUORUM\r\n", "write_consistency:DC_EACH_SAFE_QUORUM\r\n",
        "timeout_factor:4\r\n");
    PrometheusText m = PrometheusText.parse(http.get("/metrics").body());
    assertThat(m.sum("dynomite_consistency_level", "kind", "read", "level", "DC_QUORUM")).isEqualTo(1.0);
    assertThat(m.sum("dynomite_timeout_factor")).isEqualTo(4.0);
  }

  @Test
  void infoSectionsComeInRedisOrderAndReportTheEmbeddedStore() throws Exception {
    try (RawRespClient c = client()) {
      c.callString("FLUSHALL");
      c.callString("SET", "a", "1");
      c.callString("SET", "b", "2", "EX", "1000");
      String all = c.callString("INFO");
      List<String> headers = all.lines().filter(l -> l.startsWith("# ")).toList();
      assertThat(headers).containsExactly("# Server", "# Clients", "# Memory", "# Stats", "# Keyspace", "# Dynomite");
      String keyspace = c.callString("INFO", "keyspace");
      assertThat(keyspace).matches("(?s).*# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=\\d+\r\n\r\n");
      // The estimate comes from the active expiry's samples, which run every 100 ms.
      String estimated = org.vertxdynomite.testutil.Poll.until(java.time.Duration.ofSeconds(5),
          () -> c.callString("INFO", "keyspace"), k -> !k.contains("avg_ttl=0\r\n"));
      long avgTtl = Long.parseLong(estimated.replaceAll("(?s).*avg_ttl=(\\d+).*", "$1"));
      assertThat(avgTtl).as("ms left of a 1000 s TTL").isBetween(990_000L, 1_000_000L);
      String memory = c.callString("INFO", "MEMORY");
      assertThat(memory).contains("# Memory\r\nused_memory:", "maxmemory:0\r\n", "jvm_heap_used:", "jvm_heap_max:");
      assertThat(memory).doesNotContain("# Server");
      String dynomite = c.callString("INFO", "dynomite");
      assertThat(dynomite).contains("dc:dc1\r\n", "rack:rack1\r\n", "tokens:7,1001\r\n", "state:NORMAL\r\n",
          "peers:0\r\n");
      c.callString("FLUSHALL");
      assertThat(c.callString("INFO", "keyspace")).isEqualTo("$12\r\n# Keyspace\r\n\r\n");
    }
  }

  @Test
  void metricsAreStrictPrometheusTextAndCountTheLoad() throws Exception {
    PrometheusText before = PrometheusText.parse(http.get("/metrics").body());
    int n = 200;
    try (RawRespClient c = client()) {
      for (int i = 0; i < n; i++) {
        c.callString("SET", "key:" + i, "v" + i);
        c.callString("GET", "key:" + i);
      }
      c.callString("LPUSH", "key:0", "x");
      c.callString("NOSUCHCOMMAND");
    }
    AdminHttp.Response r = http.get("/metrics");
    assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    PrometheusText after = PrometheusText.parse(r.body());

    String requests = "dynomite_client_requests_seconds_count";
    assertThat(after.sum(requests, "command", "set", "outcome", "ok") - before.sum(requests, "command", "set"))
        .isEqualTo(n);
    assertThat(after.sum(requests, "command", "get", "kind", "read") - before.sum(requests, "command", "get"))
        .isEqualTo(n);
    assertThat(after.sum(requests, "command", "lpush", "outcome", "error")).isEqualTo(1);
    assertThat(after.sum(requests, "command", "unknown", "outcome", "error")).isEqualTo(1);
    assertThat(after.type("dynomite_client_requests_seconds")).isEqualTo("histogram");
    assertThat(after.has("dynomite_client_requests_seconds_bucket", "command", "set", "le", "0.001")).isTrue();
    assertThat(after.sum("dynomite_datastore_requests_seconds_count", "kind", "write")
        - before.sum("dynomite_datastore_requests_seconds_count", "kind", "write")).isEqualTo(n + 1);
    assertThat(after.sum("dynomite_client_connections_received_total")
        - before.sum("dynomite_client_connections_received_total")).isEqualTo(1);
    assertThat(after.sum("dynomite_embedded_keys")).isGreaterThanOrEqualTo(n);
    assertThat(after.sum("dynomite_embedded_memory_used_bytes")).isPositive();
    assertThat(after.has("jvm_memory_used_bytes")).isTrue();
    assertThat(after.has("jvm_threads_live_threads")).isTrue();
    assertThat(after.has("vertx_net_server_active_connections")).isTrue();
  }

  @Test
  void theAdminPortBindsExactlyStatsListen() throws Exception {
    List<InetSocketAddress> listening = ListeningSockets.ofThisProcess().stream()
        .filter(a -> a.getPort() == node.adminPort()).toList();
    assertThat(listening).hasSize(1);
    assertThat(listening.get(0).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void aNodeWhoseStatsPortIsTakenDoesNotStart() throws Exception {
    NodeConfig clash = node.config().mutate()
        .listen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .build();
    assertThatThrownBy(() -> Node.start(clash).await(30, TimeUnit.SECONDS))
        .hasMessageContaining("in use");
  }

  private static RawRespClient client() throws Exception {
    return new RawRespClient("127.0.0.1", node.port());
  }

  private static String info(String section) throws Exception {
    try (RawRespClient c = client()) {
      return c.callString("INFO", section);
    }
  }

  private static void assertError(AdminHttp.Response r, int status, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(r.body()).contains(message).endsWith("\n");
  }
}
