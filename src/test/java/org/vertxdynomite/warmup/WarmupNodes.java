package org.vertxdynomite.warmup;

import java.util.Arrays;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;

/** {@link NodeInfo} values for warm-up tests. */
final class WarmupNodes {

  private WarmupNodes() {}

  static NodeInfo node(String id, String dc, String rack, long startedAt, NodeState state, long... tokens) {
    return new NodeInfo(id, dc, rack, Arrays.stream(tokens).mapToObj(Token::of).toList(),
        new HostPort("127.0.0.1", 8102), new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222),
        NodeInfo.BUS_ADDRESS_PREFIX + id, state, startedAt);
  }

  static NodeInfo node(String id, String dc, String rack, long startedAt, long... tokens) {
    return node(id, dc, rack, startedAt, NodeState.NORMAL, tokens);
  }
}
