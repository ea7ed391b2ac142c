package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;
import org.vertxdynomite.warmup.HashRange;

class RepairPlanUnitTests {

  private static final long LOW = 2147483647L;
  private static final long HIGH = Token.MAX_VALUE;

  static NodeInfo node(String id, String dc, String rack, NodeState state, long... tokens) {
    return new NodeInfo(id, dc, rack, Arrays.stream(tokens).mapToObj(Token::of).toList(),
        new HostPort("127.0.0.1", 8102), new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222),
        NodeInfo.BUS_ADDRESS_PREFIX + id, state, 1000);
  }

  private final NodeInfo self = node("b-self", "dc1", "rack1", NodeState.NORMAL, 0);

  @Test
  void aWholeRingNodeIsPairedWithEachOwnerOfTheOtherRacksForTheirRanges() {
    NodeInfo low = node("c-low", "dc1", "rack2", NodeState.NORMAL, LOW);
    NodeInfo high = node("d-high", "dc1", "rack2", NodeState.NORMAL, HIGH);
    NodeInfo whole = node("e-whole", "dc1", "rack3", NodeState.NORMAL, 0);

    List<RepairPlan.Pair> pairs = RepairPlan.of(Topology.of(self, List.of(low, high, whole)), false);

    assertThat(pairs).containsExactlyInAnyOrder(
        new RepairPlan.Pair(low, List.of(new HashRange(0, LOW))),
        new RepairPlan.Pair(high, List.of(new HashRange(LOW + 1, HIGH))),
        new RepairPlan.Pair(whole, List.of(HashRange.ALL)));
  }

  @Test
  void otherDatacentersWarmingNodesAndTheSameRackAreLeftOut() {
    NodeInfo mate = node("c-mate", "dc1", "rack1", NodeState.NORMAL, LOW);
    NodeInfo warming = node("d-warming", "dc1", "rack2", NodeState.WRITES_ONLY, 0);
    NodeInfo remote = node("e-remote", "dc2", "rack1", NodeState.NORMAL, 0);

    assertThat(RepairPlan.of(Topology.of(self, List.of(mate, warming, remote)), false)).isEmpty();
  }

  @Test
  void periodicRunsPairOnlyWithGreaterIdsSoEachPairIsComparedOnce() {
    NodeInfo lower = node("a-lower", "dc1", "rack2", NodeState.NORMAL, 0);
    NodeInfo greater = node("z-greater", "dc1", "rack3", NodeState.NORMAL, 0);
    Topology t = Topology.of(self, List.of(lower, greater));

    assertThat(RepairPlan.of(t, true)).extracting(RepairPlan.Pair::peer).containsExactly(greater);
    assertThat(RepairPlan.of(t, false)).hasSize(2);
  }
}
