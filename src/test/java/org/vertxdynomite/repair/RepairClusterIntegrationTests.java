package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Three racks of one node each (every node a replica of every key) over real redis-servers, with
 * anti-entropy every {@value #INTERVAL_MS} ms and a 1 s peer timeout (so writes settle after 2 s).
 * Differences are made by writing straight into one node's redis-server, behind the cluster's back.
 */
class RepairClusterIntegrationTests {

  static final int INTERVAL_MS = 500;
  static final Duration PATIENCE = Duration.ofSeconds(30);

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(LocalCluster.THREE_RACKS_OF_ONE,
        Consistency.DC_QUORUM, Consistency.DC_QUORUM, b -> b.antiEntropyIntervalMs(INTERVAL_MS).timeoutMs(1000));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<String> everyReplica(String... command) throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      try (RawRespClient r = cluster.redis(i)) {
        out.add(r.callString(command));
      }
    }
    return out;
  }

  @Test
  void aKeyOnOneReplicaOnlyReachesEveryReplicaWithItsTtl() throws Exception {
    try (RawRespClient r = cluster.redis(1)) {
      assertThat(r.callString("SET", "lonely", "value", "PX", "600000")).isEqualTo("+OK\r\n");
    }

    List<String> values = Poll.until(PATIENCE, () -> everyReplica("GET", "lonely"),
        v -> v.stream().allMatch("$5\r\nvalue\r\n"::equals));

    assertThat(values).containsOnly("$5\r\nvalue\r\n");
    for (String pttl : everyReplica("PTTL", "lonely")) {
      assertThat(Long.parseLong(pttl.substring(1).strip())).as("TTL kept").isBetween(500_000L, 600_000L);
    }
  }

  @Test
  void aKeyDeletedThroughTheClusterIsNotResurrectedFromAStaleReplicaButRemovedFromIt() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("SET", "gone", "v1")).isEqualTo("+OK\r\n");
      assertThat(c.callString("DEL", "gone")).isEqualTo(":1\r\n");
    }
    Poll.until(PATIENCE, () -> everyReplica("EXISTS", "gone"), v -> v.stream().allMatch(":0\r\n"::equals));
    try (RawRespClient r = cluster.redis(2)) {
      // As if the DEL had never reached node 2's redis-server: a stale copy.
      assertThat(r.callString("SET", "gone", "v1")).isEqualTo("+OK\r\n");
    }

    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<String> seen = everyReplica("EXISTS", "gone");
    while (!seen.get(2).equals(":0\r\n") && System.nanoTime() < deadline) {
      assertThat(seen.subList(0, 2)).as("the replicas that took the DEL never get the key back").containsOnly(":0\r\n");
      Thread.sleep(50);
      seen = everyReplica("EXISTS", "gone");
    }

    assertThat(seen).as("the stale copy was deleted, the others stayed without it").containsOnly(":0\r\n");
  }

  @Test
  void replicasHoldingDifferentValuesOfTheSameWriteEndEqual() throws Exception {
    try (RawRespClient c = cluster.client(1)) {
      assertThat(c.callString("SET", "split", "agreed")).isEqualTo("+OK\r\n");
    }
    Poll.until(PATIENCE, () -> everyReplica("GET", "split"), v -> v.stream().allMatch("$6\r\nagreed\r\n"::equals));
    try (RawRespClient r = cluster.redis(0)) {
      assertThat(r.callString("SET", "split", "tampered")).isEqualTo("+OK\r\n");
    }

    List<String> values = Poll.until(PATIENCE, () -> everyReplica("GET", "split"),
        v -> v.stream().distinct().count() == 1);

    assertThat(values.stream().distinct()).hasSize(1);
  }

  @Test
  void theAdminPortShowsRunsAndCountsAndStartsARun() throws Exception {
    try (RawRespClient r = cluster.redis(2)) {
      r.callString("SET", "counted", "x");
    }
    Poll.until(PATIENCE, () -> everyReplica("EXISTS", "counted"), v -> v.stream().allMatch(":1\r\n"::equals));
    AdminHttp admin = new AdminHttp(cluster.node(2).adminPort());

    AdminHttp.Response started = admin.get("/repair/start");
    JsonObject status = Poll.until(PATIENCE, () -> admin.get("/repair").json(),
        s -> s.getString("status").equals("done") && s.getLong("runs") > 0);
    long copied = 0;
    for (int i = 0; i < cluster.size(); i++) {
      copied += new AdminHttp(cluster.node(i).adminPort()).get("/repair").json().getJsonObject("totals")
          .getLong("copied");
    }

    assertThat(started.status()).as(started.body()).isIn(200, 409);
    assertThat(status.getLong("interval_ms")).isEqualTo(INTERVAL_MS);
    assertThat(status.getJsonObject("last").getJsonObject("counts").getLong("compared")).isPositive();
    assertThat(copied).as("copies counted across the nodes").isGreaterThanOrEqualTo(2);
    assertThat(admin.get("/metrics").body()).contains("dynomite_repair_keys_total{kind=\"compared\"")
        .contains("dynomite_repair_runs_total");
  }
}
