package org.vertxdynomite.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * One of three racks down, on 1 DC × 3 racks × 2 nodes: rack3's HIGH node (node 5) is killed with
 * SIGKILL, and from that moment, for the plan's fault time, every live node's clients write at
 * DC_QUORUM and read at DC_QUORUM, while clients of its rack partner (node 4) read at DC_ONE keys
 * that node 5 owns in rack3, whose values were written (and reached all three racks) before.
 */
class RackDownFaultIntegrationTests {

  static final FaultPlan PLAN = FaultPlan.fromSystemProperties();
  static final int DOWN = 5;
  static final int PARTNER = 4;
  static final List<Integer> LIVE = List.of(0, 1, 2, 3, 4);
  static final Tally TALLY = new Tally();
  static ProcessCluster cluster;

  @BeforeAll
  static void killANodeUnderLoad() throws Exception {
    cluster = FaultClusters.start("fault-3x2", FaultClusters.THREE_RACKS_OF_TWO);
    Map<String, String> known = new LinkedHashMap<>();
    try (RawRespClient c = cluster.client(0)) {
      for (int i = 0; i < 50; i++) {
        String key = cluster.keyOwnedBy(DOWN, "owned-by-5:" + i + ":");
        known.put(key, "v" + i);
        assertThat(c.callString("SET", key, "v" + i)).isEqualTo("+OK\r\n");
      }
    }
    // DC_QUORUM acknowledges with two racks; wait until the third holds every value too.
    for (Map.Entry<String, String> e : known.entrySet()) {
      for (int owner : cluster.owners(e.getKey())) {
        try (RawRespClient r = cluster.redis(owner)) {
          assertThat(Poll.untilNotNil(r, Duration.ofSeconds(10), "GET", e.getKey()))
              .as("%s at node %d", e.getKey(), owner).isEqualTo("$" + e.getValue().length() + "\r\n" + e.getValue()
                  + "\r\n");
        }
      }
    }
    AtomicReference<Phase> phase = new AtomicReference<>(Phase.FAULT);
    Duration limit = PLAN.faultFor().plusMinutes(1);
    cluster.killNode(DOWN);
    WriteLoad writes = WriteLoad.start(cluster, LIVE, "rackdown", PLAN, phase, TALLY, limit);
    ReadLoad quorumReads = ReadLoad.ofWrittenKeys(cluster, LIVE, List.of(Consistency.DC_QUORUM), writes.ledger(),
        PLAN, phase, TALLY, limit);
    ReadLoad partnerReads = ReadLoad.ofKnownValues(cluster, PARTNER, Consistency.DC_ONE, known, PLAN, phase, TALLY,
        limit);
    try {
      Thread.sleep(PLAN.faultFor().toMillis());
    } finally {
      partnerReads.stop();
      quorumReads.stop();
      writes.stop();
    }
    System.out.printf("one rack down (node %d killed) for %s: writes %d ok / %d failed; DC_QUORUM reads %d ok /"
        + " %d failed; DC_ONE reads through node %d %d ok / %d failed; failures %s%n", DOWN, PLAN.faultFor(),
        count("write", true), count("write", false), count("read DC_QUORUM", true), count("read DC_QUORUM", false),
        PARTNER, count("read DC_ONE", true), count("read DC_ONE", false), TALLY.failures(o -> true));
  }

  @AfterAll
  static void stop() {
    FaultClusters.close(cluster);
  }

  static long count(String op, boolean ok) {
    return TALLY.count(o -> o.op().equals(op) && o.ok() == ok);
  }

  @Test
  void quorumWritesThroughEveryLiveNodeKeepSucceedingWithOneRackDown() {
    assertThat(count("write", true)).isPositive();
    assertThat(TALLY.failures(o -> o.op().equals("write"))).as("DC_QUORUM write failures").isEmpty();
  }

  @Test
  void quorumReadsThroughEveryLiveNodeKeepSucceedingWithOneRackDown() {
    assertThat(count("read DC_QUORUM", true)).isPositive();
    assertThat(TALLY.failures(o -> o.op().equals("read DC_QUORUM"))).as("DC_QUORUM read failures").isEmpty();
  }

  @Test
  void dcOneReadsOnTheDownNodesRackFailOverToAnotherRackInsteadOfErroring() {
    assertThat(count("read DC_ONE", true)).isPositive();
    assertThat(TALLY.failures(o -> o.op().equals("read DC_ONE")))
        .as("DC_ONE reads through node %d of keys node %d owns", PARTNER, DOWN).isEmpty();
  }
}
