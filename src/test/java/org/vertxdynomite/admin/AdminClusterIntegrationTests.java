package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.PrometheusText;
import org.vertxdynomite.testutil.RawRespClient;

/** The admin port of a running cluster: 1 DC × 3 racks × 1 node over real redis-servers. */
class AdminClusterIntegrationTests {

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.threeRacks(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void reset() {
    for (int i = 0; i < cluster.size(); i++) {
      NodeControls c = cluster.node(i).controls();
      c.consistency().read(Consistency.DC_QUORUM);
      c.consistency().write(Consistency.DC_QUORUM);
      c.peers().down().forEach(c.peers()::markUp);
    }
  }

  @Test
  void clusterDescribeListsEveryNodeByDatacenterAndRack() throws Exception {
    JsonObject d = admin(0).get("/cluster_describe").json();
    JsonArray dcs = d.getJsonArray("dcs");
    assertThat(dcs).hasSize(1);
    assertThat(dcs.getJsonObject(0).getString("name")).isEqualTo("dc1");
    JsonArray racks = dcs.getJsonObject(0).getJsonArray("racks");
    assertThat(racks.stream().map(r -> ((JsonObject) r).getString("name"))).containsExactly("rack1", "rack2", "rack3");
    for (int i = 0; i < 3; i++) {
      JsonArray servers = racks.getJsonObject(i).getJsonArray("servers");
      assertThat(servers).hasSize(1);
      JsonObject s = servers.getJsonObject(0);
      assertThat(s.getString("name")).isEqualTo("127.0.0.1");
      assertThat(s.getString("host")).isEqualTo("127.0.0.1");
      assertThat(s.getInteger("port")).isEqualTo(cluster.node(i).config().dynListen().port());
      assertThat(s.getLong("token")).isZero();
      assertThat(s.getBoolean("up")).isTrue();
      assertThat(s.getString("state")).isEqualTo("normal");
      assertThat(s.getString("admin")).isEqualTo("up");
    }
  }

  @Test
  void dynoEndpointsListEveryNodeWithStringValuesAndThePeersAsSeeds() throws Exception {
    JsonArray nodes = admin(1).get("/REST/v1/admin/cluster_describe").jsonArray();
    assertThat(nodes).hasSize(3);
    for (Object o : nodes) {
      JsonObject n = (JsonObject) o;
      assertThat(n.fieldNames()).contains("token", "hostname", "ip", "zone", "dc", "port", "secure_port");
      n.forEach(e -> assertThat(e.getValue()).as(e.getKey()).isInstanceOf(String.class));
    }
    assertThat(nodes.stream().map(o -> ((JsonObject) o).getString("port")))
        .containsExactlyInAnyOrder(port(0), port(1), port(2));
    assertThat(nodes.stream().map(o -> ((JsonObject) o).getString("zone")))
        .containsExactlyInAnyOrder("rack1", "rack2", "rack3");

    String seeds = admin(1).get("/REST/v1/admin/get_seeds").body();
    assertThat(seeds.split("\\|")).containsExactlyInAnyOrder(
        "127.0.0.1:" + dynPort(0) + ":rack1:dc1:0", "127.0.0.1:" + dynPort(2) + ":rack3:dc1:0");
  }

  @Test
  void setConsistencyChangesTheLevelOfAnAlreadyOpenConnection() throws Exception {
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        r.callString("SET", "diverged", "value" + i);
      }
    }
    AdminHttp admin = admin(0);
    assertThat(admin.get("/set_consistency/read/dc_one").body()).isEqualTo("OK\r\n");
    try (RawRespClient open = cluster.client(0); RawRespClient other = cluster.client(1)) {
      assertThat(open.callString("GET", "diverged")).isEqualTo("$6\r\nvalue0\r\n");

      assertThat(admin.get("/set_consistency/read/dc_safe_quorum").body()).isEqualTo("OK\r\n");
      assertThat(open.callString("GET", "diverged")).as("the same connection, next request")
          .isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
      assertThat(admin.get("/get_consistency").body()).startsWith("Read Consistency: DC_SAFE_QUORUM\r\n");

      cluster.node(1).controls().consistency().read(Consistency.DC_ONE);
      assertThat(other.callString("GET", "diverged")).as("another node keeps its own level")
          .isEqualTo("$6\r\nvalue1\r\n");

      assertThat(admin.get("/set_consistency/read/DC_ONE").body()).isEqualTo("OK\r\n");
      assertThat(open.callString("GET", "diverged")).isEqualTo("$6\r\nvalue0\r\n");
    }
    PrometheusText m = PrometheusText.parse(admin.get("/metrics").body());
    assertThat(m.sum("dynomite_quorum_failures_total", "kind", "read", "reason", "no_agreement")).isEqualTo(1.0);
    assertThat(m.sum("dynomite_consistency_requests_total", "consistency", "DC_SAFE_QUORUM", "kind", "read",
        "outcome", "no_agreement")).isEqualTo(1.0);
    assertThat(admin.get("/info").json().getJsonObject("dyn_o_mite").getLong("client_non_quorum_r_responses"))
        .isEqualTo(1);
  }

  @Test
  void aPeerMarkedDownIsReportedEverywhereAndRoutedAroundWithItsWritesHinted() throws Exception {
    AdminHttp admin = admin(0);
    String rack2 = "127.0.0.1:" + dynPort(1);
    assertThat(admin.get("/peer/down/" + rack2).body()).isEqualTo("OK\r\n");

    JsonObject rack2Server = admin.get("/cluster_describe").json().getJsonArray("dcs").getJsonObject(0)
        .getJsonArray("racks").getJsonObject(1).getJsonArray("servers").getJsonObject(0);
    assertThat(rack2Server.getString("admin")).isEqualTo("down");
    assertThat(rack2Server.getBoolean("up")).isTrue();
    JsonArray peers = admin.get("/info").json().getJsonArray("peers");
    assertThat(peers.stream().map(p -> ((JsonObject) p).getString("name") + "=" + ((JsonObject) p).getString("admin")))
        .containsExactlyInAnyOrder(rack2 + "=down", "127.0.0.1:" + dynPort(2) + "=up");
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("INFO", "dynomite")).contains("addr=" + rack2 + ",dc=dc1,rack=rack2,tokens=0,"
          + "state=NORMAL,up=1,admin=down");
      assertThat(c.callString("SET", "routed", "around")).isEqualTo("+OK\r\n");
    }
    try (RawRespClient r = cluster.redis(1)) {
      assertThat(r.callString("GET", "routed")).as("the marked peer gets no requests from this node")
          .isEqualTo("$-1\r\n");
    }
    assertThat(PrometheusText.parse(admin.get("/metrics").body()).sum("dynomite_hints_pending"))
        .as("its write is kept as a hint").isEqualTo(1.0);
    PrometheusText m = PrometheusText.parse(admin.get("/metrics").body());
    assertThat(m.sum("dynomite_peers", "state", "admin_down")).isEqualTo(1.0);
    assertThat(m.sum("dynomite_peers", "state", "up")).isEqualTo(2.0);
    assertThat(m.sum("dynomite_peer_up", "peer", rack2, "admin", "down")).isEqualTo(1.0);

    String id = cluster.node(1).clusterServices().orElseThrow().self().id();
    assertThat(admin.get("/peer/up/" + id).body()).as("by cluster id").isEqualTo("OK\r\n");
    assertThat(admin.get("/info").json().getJsonArray("peers").stream()
        .allMatch(p -> ((JsonObject) p).getString("admin").equals("up"))).isTrue();
    try (RawRespClient r = cluster.redis(1)) {
      assertThat(Poll.untilNotNil(r, Duration.ofSeconds(10), "GET", "routed")).as("handed off once marked up")
          .isEqualTo("$6\r\naround\r\n");
    }
    AdminHttp.Response ambiguous = admin.get("/peer/down/127.0.0.1");
    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.body()).contains("names 2 peers; use host:port");
  }

  @Test
  void metricsOfAClusterNodeMoveUnderLoad() throws Exception {
    AdminHttp admin = admin(0);
    PrometheusText before = PrometheusText.parse(admin.get("/metrics").body());
    int n = 100;
    try (RawRespClient c = cluster.client(0)) {
      for (int i = 0; i < n; i++) {
        assertThat(c.callString("SET", "load:" + i, "v")).isEqualTo("+OK\r\n");
        assertThat(c.callString("GET", "load:" + i)).isEqualTo("$1\r\nv\r\n");
      }
    }
    PrometheusText after = PrometheusText.parse(admin.get("/metrics").body());

    assertThat(delta(before, after, "dynomite_consistency_requests_total", "consistency", "DC_QUORUM", "kind", "write",
        "outcome", "ok")).isEqualTo(n);
    assertThat(delta(before, after, "dynomite_consistency_requests_total", "consistency", "DC_QUORUM", "kind", "read",
        "outcome", "ok")).isEqualTo(n);
    assertThat(delta(before, after, "dynomite_replica_requests_seconds_count", "command", "get")).isEqualTo(n);
    assertThat(after.has("dynomite_replica_requests_seconds_bucket", "command", "set", "rack", "rack1")).isTrue();
    assertThat(delta(before, after, "dynomite_peer_requests_seconds_count", "target", "cross_rack", "outcome", "ok"))
        .isGreaterThanOrEqualTo(3 * n);
    assertThat(delta(before, after, "dynomite_peer_batch_requests_count")).isPositive();
    assertThat(delta(before, after, "dynomite_peer_batch_requests_sum")).isGreaterThanOrEqualTo(3 * n);
    assertThat(after.sum("dynomite_peers", "state", "up")).isEqualTo(2.0);
    assertThat(after.sum("dynomite_peers", "state", "down")).isEqualTo(0.0);
    assertThat(after.sum("dynomite_peer_up", "peer", "127.0.0.1:" + dynPort(2))).isEqualTo(1.0);
    assertThat(after.has("vertx_eventbus_sent_total")).isTrue();

    Map<String, String> documented = DocumentedMetrics.families();
    Set<String> scraped = new HashSet<>();
    for (PrometheusText.Sample s : after.samples()) {
      if (s.name().startsWith("dynomite_")) {
        String family = DocumentedMetrics.familyOf(s.name(), documented);
        assertThat(family).as("%s is documented in docs/ADMIN.md", s.name()).isNotNull();
        assertThat(after.type(family)).as("type of %s", family).isEqualTo(documented.get(family));
        scraped.add(family);
      }
    }
    Set<String> expected = new HashSet<>(documented.keySet());
    // Per-target hint gauges exist only while some target has hints pending; none does here.
    expected.removeIf(f -> f.startsWith("dynomite_embedded_") || f.equals("dynomite_datastore_errors_total")
        || f.equals("dynomite_hints_target_pending"));
    assertThat(scraped).as("documented families a clustered Redis node shows").containsAll(expected);

    PrometheusText peer = PrometheusText.parse(admin(1).get("/metrics").body());
    assertThat(peer.sum("dynomite_datastore_requests_seconds_count", "kind", "write")).isGreaterThanOrEqualTo(n);

    JsonObject info = admin.get("/info").json();
    assertThat(info.getLong("average_cross_zone_latency")).isPositive();
    assertThat(info.getLong("99_cross_zone_latency")).isPositive();
    assertThat(info.getLong("average_server_latency")).isPositive();
    assertThat(info.getJsonObject("dyn_o_mite").getLong("peer_requests")).isGreaterThanOrEqualTo(3 * n);
  }

  @Test
  void infoDynomiteSectionShowsWhereTheNodeSitsAndItsPeers() throws Exception {
    try (RawRespClient c = cluster.client(2)) {
      String s = c.callString("INFO", "dynomite");
      assertThat(s).contains("# Dynomite\r\ndc:dc1\r\nrack:rack3\r\ntokens:0\r\nstate:NORMAL\r\n"
          + "read_consistency:DC_QUORUM\r\nwrite_consistency:DC_QUORUM\r\ntimeout_factor:1\r\n"
          + "peers:2\r\npeers_up:2\r\n");
      assertThat(s).contains("peer0:addr=127.0.0.1:" + dynPort(0) + ",dc=dc1,rack=rack1,tokens=0,state=NORMAL,up=1,"
          + "admin=up\r\n");
    }
  }

  private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }

  private static AdminHttp admin(int i) {
    return new AdminHttp(cluster.node(i).adminPort());
  }

  private static String port(int i) {
    return Integer.toString(cluster.port(i));
  }

  private static int dynPort(int i) {
    return cluster.node(i).config().dynListen().port();
  }
}
