package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.LocalCluster.Member;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.topology.Topology;

/**
 * A node that leaves keeps its place on its rack's ring, marked down: its keys do not move to a
 * node without their data. Quorum levels carry on with the other racks; DC_ONE fails over to the
 * next rack instead of erroring.
 */
class ClusterFailoverIntegrationTests {

  static LocalCluster cluster;
  /** Keys owned in rack1 by node 1 (the HIGH token), which is stopped. */
  static final String[] ORPHANED = new String[5];

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(List.of(
        new Member("dc1", "rack1", LocalCluster.LOW), new Member("dc1", "rack1", LocalCluster.HIGH),
        new Member("dc1", "rack2", 0), new Member("dc1", "rack3", 0)),
        Consistency.DC_QUORUM, Consistency.DC_QUORUM);
    for (int i = 0, found = 0; found < ORPHANED.length; i++) {
      String k = "orphan:" + i;
      if (HashAlgorithms.byName("murmur").hash(k.getBytes(StandardCharsets.UTF_8)) > LocalCluster.LOW) {
        ORPHANED[found++] = k;
      }
    }
    try (RawRespClient c = cluster.client(0)) {
      for (String k : ORPHANED) {
        assertThat(c.callString("SET", k, "before")).isEqualTo("+OK\r\n");
      }
    }
    cluster.stopNode(1);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static void setLevels(Consistency read, Consistency write) {
    for (int n : new int[] {0, 2, 3}) {
      ConsistencySettings s = cluster.node(n).clusterServices().orElseThrow().consistency();
      s.read(read);
      s.write(write);
    }
  }

  @Test
  void theStoppedNodeStaysOnItsRingMarkedDownAndItsKeysDoNotMove() {
    Topology t = cluster.node(0).membership().orElseThrow().current();
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.downNodes()).hasSize(1);
    long hash = HashAlgorithms.byName("murmur").hash(ORPHANED[0].getBytes(StandardCharsets.UTF_8));
    assertThat(t.isDown(t.owner("dc1", "rack1", hash))).isTrue();
  }

  @Test
  void quorumReadsAndWritesKeepSucceedingWithOneRackDegraded() throws Exception {
    setLevels(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
    try (RawRespClient c = cluster.client(0)) {
      for (String k : ORPHANED) {
        assertThat(c.callString("SET", k, "during")).isEqualTo("+OK\r\n");
        assertThat(c.callString("GET", k)).isEqualTo("$6\r\nduring\r\n");
      }
    }
  }

  @Test
  void dcOneReadsOnTheDegradedRackFailOverToAnotherRack() throws Exception {
    setLevels(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
    try (RawRespClient c = cluster.client(0)) {
      c.callString("SET", ORPHANED[1], "value");
    }
    setLevels(Consistency.DC_ONE, Consistency.DC_ONE);
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("GET", ORPHANED[1])).isEqualTo("$5\r\nvalue\r\n");
      assertThat(c.callString("SET", ORPHANED[2], "one")).isEqualTo("+OK\r\n");
      assertThat(c.callString("MGET", ORPHANED[1], ORPHANED[2])).isEqualTo("*2\r\n$5\r\nvalue\r\n$3\r\none\r\n");
      assertThat(c.callString("DBSIZE")).startsWith(":");
    }
  }

  @Test
  void safeQuorumStillAgreesOnTheTwoLiveRacks() throws Exception {
    setLevels(Consistency.DC_SAFE_QUORUM, Consistency.DC_SAFE_QUORUM);
    try (RawRespClient c = cluster.client(3)) {
      assertThat(c.callString("SET", ORPHANED[3], "safe")).isEqualTo("+OK\r\n");
      assertThat(c.callString("GET", ORPHANED[3])).isEqualTo("$4\r\nsafe\r\n");
    }
  }

  @Test
  void writesDecidedByOnePrimaryMoveToTheNextRackWhenTheFirstRacksOwnerIsDown() throws Exception {
    // rack1's owner of these keys is down: SPOP and INCRBYFLOAT run at rack2 instead, and their
    // effect reaches rack3.
    setLevels(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
    try (RawRespClient c = cluster.client(3)) {
      assertThat(c.callString("DEL", ORPHANED[4])).startsWith(":");
      assertThat(c.callString("SADD", ORPHANED[4], "a", "b", "c")).isEqualTo(":3\r\n");
      assertThat(c.callString("SPOP", ORPHANED[4])).startsWith("$1\r\n");
      assertThat(c.callString("SCARD", ORPHANED[4])).isEqualTo(":2\r\n");
    }
    for (int n : new int[] {2, 3}) {
      try (RawRespClient r = cluster.redis(n)) {
        String card = org.vertxdynomite.testutil.Poll.until(java.time.Duration.ofSeconds(5),
            () -> r.callString("SCARD", ORPHANED[4]), v -> v.equals(":2\r\n"));
        assertThat(card).as("set at node %d", n).isEqualTo(":2\r\n");
      }
    }
  }
}
