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
 * Read repair on three racks of one node each (every node a replica of every key) over real
 * redis-servers, DC_QUORUM reads, anti-entropy off (so only read repair can put a replica right)
 * and a 1 s peer timeout (so writes settle after 2 s). A replica is made stale by writing straight
 * into its redis-server, behind the cluster's back, as the anti-entropy tests do.
 */
class ReadRepairClusterIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Longer than the settle time (2 s): a read repair enabled would have acted by then. */
  static final Duration QUIET = Duration.ofSeconds(4);

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = threeRacks(true);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static LocalCluster threeRacks(boolean readRepairs) throws Exception {
    return LocalCluster.start(LocalCluster.THREE_RACKS_OF_ONE, Consistency.DC_QUORUM, Consistency.DC_QUORUM,
        b -> b.readRepairsEnabled(readRepairs).antiEntropyIntervalMs(0).timeoutMs(1000));
  }

  private static List<String> everyReplica(LocalCluster c, String... command) throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      try (RawRespClient r = c.redis(i)) {
        out.add(r.callString(command));
      }
    }
    return out;
  }

  /** Sets {@code key} through the cluster, then an older value straight into node {@code stale}'s redis-server. */
  private static void staleOn(LocalCluster c, int stale, String key) throws Exception {
    try (RawRespClient client = c.client(0)) {
      assertThat(client.callString("SET", key, "newest")).isEqualTo("+OK\r\n");
    }
    // A DC_QUORUM write is in two racks when it is acknowledged, in the third soon after.
    Poll.until(PATIENCE, () -> everyReplica(c, "GET", key), all -> all.stream().allMatch("$6\r\nnewest\r\n"::equals));
    try (RawRespClient r = c.redis(stale)) {
      assertThat(r.callString("SET", key, "old")).isEqualTo("+OK\r\n");
    }
  }

  /**
   * Reads {@code key} through node {@code via} every 50 ms until node {@code stale}'s redis-server
   * answers {@code want} to {@code check} or {@code patience} passes; every read must get {@code
   * reply}. Returns what {@code stale} answered last.
   */
  private static String readUntil(LocalCluster c, int via, int stale, String key, String reply, Duration patience,
      String want, String... check) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    try (RawRespClient client = c.client(via); RawRespClient r = c.redis(stale)) {
      String seen = r.callString(check);
      while (!seen.equals(want) && System.nanoTime() < deadline) {
        assertThat(client.callString("GET", key)).as("the client's reply").isEqualTo(reply);
        Thread.sleep(50);
        seen = r.callString(check);
      }
      return seen;
    }
  }

  @Test
  void aQuorumReadSeeingAStaleReplicaWritesTheValueTheOthersAgreeOnBackToIt() throws Exception {
    staleOn(cluster, 2, "drifted");

    String seen = readUntil(cluster, 0, 2, "drifted", "$6\r\nnewest\r\n", PATIENCE, "$6\r\nnewest\r\n",
        "GET", "drifted");

    assertThat(seen).as("node 2's redis-server, repaired through its peer's event bus").isEqualTo("$6\r\nnewest\r\n");
    assertThat(everyReplica(cluster, "GET", "drifted")).containsOnly("$6\r\nnewest\r\n");
    AdminHttp admin = new AdminHttp(cluster.node(0).adminPort());
    JsonObject status = admin.get("/repair").json().getJsonObject("read_repair");
    assertThat(status.getBoolean("enabled")).isTrue();
    assertThat(status.getLong("started")).isPositive();
    assertThat(status.getJsonObject("keys").getLong("replaced")).isEqualTo(1);
    assertThat(admin.get("/metrics").body()).contains("dynomite_read_repairs_total{outcome=\"started\"")
        .contains("dynomite_read_repair_keys_total{kind=\"replaced\"");
  }

  @Test
  void aQuorumReadSeeingAStaleCopyOfADeletedKeyDeletesIt() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("SET", "deleted", "v1")).isEqualTo("+OK\r\n");
      assertThat(c.callString("DEL", "deleted")).isEqualTo(":1\r\n");
    }
    assertThat(everyReplica(cluster, "EXISTS", "deleted")).containsOnly(":0\r\n");
    try (RawRespClient r = cluster.redis(2)) {
      // As if the DEL had never reached node 2's redis-server: a stale copy.
      assertThat(r.callString("SET", "deleted", "v1")).isEqualTo("+OK\r\n");
    }

    // Read through node 2 itself: its own replica is the stale one.
    String seen = readUntil(cluster, 2, 2, "deleted", "$-1\r\n", PATIENCE, ":0\r\n", "EXISTS", "deleted");

    assertThat(seen).as("the stale copy deleted").isEqualTo(":0\r\n");
    assertThat(everyReplica(cluster, "EXISTS", "deleted")).as("and not resurrected elsewhere").containsOnly(":0\r\n");
  }

  @Test
  void withReadRepairsDisabledAStaleReplicaStaysStale() throws Exception {
    try (LocalCluster off = threeRacks(false)) {
      staleOn(off, 2, "left");

      String seen = readUntil(off, 0, 2, "left", "$6\r\nnewest\r\n", QUIET, "$6\r\nnewest\r\n", "GET", "left");

      assertThat(seen).isEqualTo("$3\r\nold\r\n");
      JsonObject status = new AdminHttp(off.node(0).adminPort()).get("/repair").json().getJsonObject("read_repair");
      assertThat(status.getBoolean("enabled")).isFalse();
      assertThat(status.getLong("started")).isZero();
    }
  }
}
