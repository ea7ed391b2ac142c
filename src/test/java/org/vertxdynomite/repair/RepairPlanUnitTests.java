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
  void aWholeRingNodeIsGroupedWithTheOwnersOfEachPieceInEveryOtherRack() {
    NodeInfo low = node("c-low", "dc1", "rack2", NodeState.NORMAL, LOW);
    NodeInfo high = node("d-high", "dc1", "rack2", NodeState.NORMAL, HIGH);
    NodeInfo whole = node("e-whole", "dc1", "rack3", NodeState.NORMAL, 0);

    List<RepairPlan.Group> groups = RepairPlan.of(Topology.of(self, List.of(low, high, whole)), false);

    assertThat(groups).containsExactly(
        new RepairPlan.Group(List.of(low, whole), List.of(new HashRange(0, LOW))),
        new RepairPlan.Group(List.of(high, whole), List.of(new HashRange(LOW + 1, HIGH))));
  }

  @Test
  void otherDatacentersWarmingNodesAndTheSameRackAreLeftOut() {
    NodeInfo mate = node("c-mate", "dc1", "rack1", NodeState.NORMAL, LOW);
    NodeInfo warming = node("d-warming", "dc1", "rack2", NodeState.WRITES_ONLY, 0);
    NodeInfo remote = node("e-remote", "dc2", "rack1", NodeState.NORMAL, 0);

    assertThat(RepairPlan.of(Topology.of(self, List.of(mate, warming, remote)), false)).isEmpty();
  }

  @Test
  void periodicRunsCompareOnlyTheGroupsWhereThisNodeHasTheLowestId() {
    NodeInfo lower = node("a-lower", "dc1", "rack2", NodeState.NORMAL, 0);
    NodeInfo greater = node("z-greater", "dc1", "rack3", NodeState.NORMAL, 0);

    assertThat(RepairPlan.of(Topology.of(self, List.of(lower, greater)), true)).isEmpty();
    assertThat(RepairPlan.of(Topology.of(self, List.of(lower, greater)), false)).hasSize(1);
    assertThat(RepairPlan.of(Topology.of(self, List.of(greater)), true)).hasSize(1);
  }

  @Test
  void aDownPeerLeavesItsGroupToTheOthers() {
    NodeInfo other = node("c-other", "dc1", "rack2", NodeState.NORMAL, 0);
    NodeInfo warming = node("d-warming", "dc1", "rack3", NodeState.STANDBY, 0);

    assertThat(RepairPlan.of(Topology.of(self, List.of(other, warming)), false))
        .containsExactly(new RepairPlan.Group(List.of(other), List.of(HashRange.ALL)));
  }
}
