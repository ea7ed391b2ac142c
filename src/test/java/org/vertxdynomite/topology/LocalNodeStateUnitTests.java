package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalNodeStateUnitTests {

  @Test
  void movesAlongTheTableAndReportsWhereItCameFrom() {
    LocalNodeState s = new LocalNodeState(NodeState.NORMAL);

    assertThat(s.moveTo(NodeState.STANDBY)).isEqualTo(NodeState.NORMAL);
    assertThat(s.moveTo(NodeState.WRITES_ONLY)).isEqualTo(NodeState.STANDBY);
    assertThat(s.moveTo(NodeState.RESUMING)).isEqualTo(NodeState.WRITES_ONLY);
    assertThat(s.moveTo(NodeState.NORMAL)).isEqualTo(NodeState.RESUMING);
    assertThat(s.get()).isEqualTo(NodeState.NORMAL);
  }

  @Test
  void aForbiddenMoveThrowsAndLeavesTheStateAlone() {
    LocalNodeState s = new LocalNodeState(NodeState.NORMAL);

    assertThatThrownBy(() -> s.moveTo(NodeState.RESUMING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from NORMAL to RESUMING");
    assertThat(s.get()).isEqualTo(NodeState.NORMAL);
  }

  @Test
  void repeatingTheCurrentStateIsAllowed() {
    LocalNodeState s = new LocalNodeState(NodeState.STANDBY);

    assertThat(s.moveTo(NodeState.STANDBY)).isEqualTo(NodeState.STANDBY);
  }
}
