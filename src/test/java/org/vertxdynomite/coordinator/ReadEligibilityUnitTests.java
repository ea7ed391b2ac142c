package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;

class ReadEligibilityUnitTests {

  private static NodeInfo node(NodeState state) {
    return new NodeInfo("n", "dc1", "rack2", List.of(Token.of(0)), new HostPort("127.0.0.1", 8102),
        new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222), "dyn.node.n", state, 1);
  }

  @Test
  void onlyANormalNodeServesReads() {
    assertThat(ReadEligibility.servesReads(node(NodeState.NORMAL))).isTrue();
    for (NodeState s : List.of(NodeState.STANDBY, NodeState.WRITES_ONLY, NodeState.RESUMING)) {
      assertThat(ReadEligibility.servesReads(node(s))).as("%s", s).isFalse();
    }
  }

  @Test
  void theGuardFailsAtOnceForANodeThatServesNoReadsWithoutSending() {
    int[] sent = {0};
    RackRouter.NodeSend guarded = ReadEligibility.guard((n, r) -> {
      sent[0]++;
      return Future.succeededFuture(Replies.OK);
    });

    Future<Reply> refused = guarded.apply(node(NodeState.WRITES_ONLY), RespRequest.of("GET", "k"));
    Future<Reply> served = guarded.apply(node(NodeState.NORMAL), RespRequest.of("GET", "k"));

    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause().getMessage())
        .isEqualTo("ERR Peer: node dc1/rack2 127.0.0.1:8102 serves no reads in state WRITES_ONLY");
    assertThat(served.result()).isEqualTo(Replies.OK);
    assertThat(sent[0]).isEqualTo(1);
  }
}
