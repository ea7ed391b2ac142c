package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.topology.NodeState.NORMAL;
import static org.vertxdynomite.topology.NodeState.RESUMING;
import static org.vertxdynomite.topology.NodeState.STANDBY;
import static org.vertxdynomite.topology.NodeState.WRITES_ONLY;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeStateUnitTests {

  // The documented table, written out independently of the implementation's.
  private static final Map<NodeState, Set<NodeState>> ALLOWED = Map.of(
      STANDBY, EnumSet.of(STANDBY, WRITES_ONLY, NORMAL),
      WRITES_ONLY, EnumSet.of(WRITES_ONLY, RESUMING, STANDBY),
      RESUMING, EnumSet.of(RESUMING, NORMAL, STANDBY),
      NORMAL, EnumSet.of(NORMAL, STANDBY, WRITES_ONLY));

  @Test
  void everyPairOfStatesFollowsTheDocumentedTable() {
    for (NodeState from : NodeState.values()) {
      for (NodeState to : NodeState.values()) {
        boolean allowed = ALLOWED.get(from).contains(to);
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
        if (allowed) {
          assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.moveTo(to)).as("%s -> %s", from, to)
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining(from + " to " + to);
        }
      }
    }
  }

  @Test
  void theWarmUpPathLeadsFromStandbyToNormal() {
    assertThat(STANDBY.moveTo(WRITES_ONLY).moveTo(RESUMING).moveTo(NORMAL)).isEqualTo(NORMAL);
  }

  @Test
  void aStandbyNodeCannotResumeWithoutWarmingUp() {
    assertThatThrownBy(() -> STANDBY.moveTo(RESUMING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may go to [WRITES_ONLY, NORMAL]");
  }

  @Test
  void adminNamesAreDynomitesLowerCasePaths() {
    assertThat(WRITES_ONLY.adminName()).isEqualTo("writes_only");
    assertThat(NORMAL.adminName()).isEqualTo("normal");
  }
}
