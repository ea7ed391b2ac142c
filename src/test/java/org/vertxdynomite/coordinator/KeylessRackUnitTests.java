package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;

/** Which rack's nodes answer DBSIZE, KEYS, SCAN and RANDOMKEY for the cluster. */
class KeylessRackUnitTests {

  private static NodeInfo node(String id, String rack, NodeState state, long token) {
    return new NodeInfo(id, "dc1", rack, List.of(Token.of(token)), new HostPort("127.0.0.1", 8102),
        new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222), NodeInfo.BUS_ADDRESS_PREFIX + id, state,
        1000);
  }

  private static final long LOW = 2147483647L;

  private final NodeInfo self = node("self", "rack1", NodeState.NORMAL, LOW);

  @Test
  void theOwnRackAnswersWhenEveryNodeOfItServesReads() {
    NodeInfo other = node("other", "rack2", NodeState.NORMAL, 0);

    assertThat(KeylessCommands.liveRack(Topology.of(self, List.of(other)))).containsExactly(self);
  }

  @Test
  void aRackWithANodeWarmingUpIsPassedOverForAWholeOne() {
    NodeInfo warming = node("warming", "rack1", NodeState.WRITES_ONLY, Token.MAX_VALUE);
    NodeInfo whole = node("whole", "rack2", NodeState.NORMAL, 0);

    assertThat(KeylessCommands.liveRack(Topology.of(self, List.of(warming, whole)))).containsExactly(whole);
    assertThat(KeylessCommands.liveRack(Topology.of(self, List.of(node("up", "rack1", NodeState.NORMAL,
        Token.MAX_VALUE), whole)))).as("the own rack once its node is NORMAL").hasSize(2);
  }

  @Test
  void withNoWholeRackTheOwnRackAnswersAnyway() {
    NodeInfo warming = node("warming", "rack1", NodeState.STANDBY, Token.MAX_VALUE);
    NodeInfo resuming = node("resuming", "rack2", NodeState.RESUMING, 0);

    assertThat(KeylessCommands.liveRack(Topology.of(self, List.of(warming, resuming))))
        .containsExactlyInAnyOrder(self, warming);
  }
}
