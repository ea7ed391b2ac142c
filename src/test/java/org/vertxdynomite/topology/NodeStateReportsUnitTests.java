package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeStateReportsUnitTests {

  @Test
  void listenersHearEveryActualChangeButNotARepeat() {
    LocalNodeState state = new LocalNodeState(NodeState.NORMAL);
    List<NodeState> heard = new ArrayList<>();
    state.onChange(heard::add);

    state.moveTo(NodeState.STANDBY);
    state.moveTo(NodeState.STANDBY);
    state.moveTo(NodeState.WRITES_ONLY);

    assertThat(heard).containsExactly(NodeState.STANDBY, NodeState.WRITES_ONLY);
  }

  @Test
  void aRefusedMoveIsNotHeard() {
    LocalNodeState state = new LocalNodeState(NodeState.NORMAL);
    List<NodeState> heard = new ArrayList<>();
    state.onChange(heard::add);

    assertThatThrownBy(() -> state.moveTo(NodeState.RESUMING)).isInstanceOf(IllegalStateException.class);
    assertThat(heard).isEmpty();
  }

  @Test
  void aReportedStateIsTakenAsItIsEvenWhereTheTableHasNoDirectMove() {
    NodeInfo n = TestNodes.node("a", "dc1", "rack1", 0);

    assertThatThrownBy(() -> n.withState(NodeState.RESUMING)).isInstanceOf(IllegalStateException.class);
    assertThat(n.withReportedState(NodeState.RESUMING).state()).isEqualTo(NodeState.RESUMING);
    assertThat(n.withReportedState(NodeState.RESUMING).withReportedState(NodeState.NORMAL)).isEqualTo(n);
  }

  @Test
  void aStateReportNamesTheNodeItsSequenceAndTheState() {
    assertThat(StateBroadcast.message("node-1", 7, NodeState.WRITES_ONLY).encode())
        .isEqualTo("{\"id\":\"node-1\",\"seq\":7,\"state\":\"WRITES_ONLY\"}");
  }
}
