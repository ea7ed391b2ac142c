package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedProvider;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;

class ClusterViewSeedPlacesUnitTests {

  // As on Kubernetes: seeds name pods by DNS name, members announce their pods' IPs.
  private static final NodeConfig CONFIG = NodeConfig.builder()
      .dynListen(new HostPort("10.0.0.1", 8101))
      .datacenter("dc1").rack("rack1").tokens(List.of(0L))
      .seedProvider(SeedProvider.KUBERNETES).kubernetesServiceDns("dynomite-peers")
      .dynSeeds(List.of(
          SeedSpec.parse("dynomite-dc1-rack2-0.dynomite-peers:8101:rack2:dc1:0"),
          SeedSpec.parse("dynomite-dc1-rack3-0.dynomite-peers:8101:rack3:dc1:0")))
      .build();

  private static NodeInfo member(String id, String rack, String ip) {
    HostPort peer = new HostPort(ip, 8101);
    return new NodeInfo(id, "dc1", rack, List.of(Token.of(0)), new HostPort(ip, 8102), peer,
        new HostPort(ip, 22222), NodeInfo.BUS_ADDRESS_PREFIX + id, NodeState.NORMAL, 1);
  }

  @Test
  void aSeedWhosePlaceAMemberFillsIsThatMemberNotASecondPeerThatIsDown() {
    NodeInfo self = member("self", "rack1", "10.0.0.1");
    Topology t = Topology.of(self, List.of(member("b", "rack2", "10.0.0.2")), CONFIG.dynSeeds());
    ClusterView view = ClusterView.over(CONFIG, () -> t, NodeControls.of(CONFIG));

    assertThat(view.peers()).extracting(p -> p.address().toString(), ClusterView.Peer::up).containsExactly(
        org.assertj.core.groups.Tuple.tuple("10.0.0.2:8101", true),
        org.assertj.core.groups.Tuple.tuple("dynomite-dc1-rack3-0.dynomite-peers:8101", false));
  }
}
