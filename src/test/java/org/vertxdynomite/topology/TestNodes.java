package org.vertxdynomite.topology;

import java.util.Arrays;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;

/** Builds {@link NodeInfo} values for tests. */
final class TestNodes {

  private TestNodes() {}

  /** Node {@code id} in {@code dc/rack}, started at {@code startedAt}, holding {@code tokens}. */
  static NodeInfo started(long startedAt, String id, String dc, String rack, long... tokens) {
    return new NodeInfo(id, dc, rack, Arrays.stream(tokens).mapToObj(Token::of).toList(),
        new HostPort("127.0.0.1", 8102), new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222),
        NodeInfo.BUS_ADDRESS_PREFIX + id, NodeState.NORMAL, startedAt);
  }

  /** Node {@code id} in {@code dc/rack}, started at time 1000, holding {@code tokens}. */
  static NodeInfo node(String id, String dc, String rack, long... tokens) {
    return started(1000, id, dc, rack, tokens);
  }
}
