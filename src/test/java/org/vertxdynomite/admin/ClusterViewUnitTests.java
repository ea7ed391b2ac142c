package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;

/** A node that names seeds but has no membership: every seed is a peer not seen (down). */
class ClusterViewUnitTests {

  private static final NodeConfig CONFIG = NodeConfig.builder()
      .listen(new HostPort("0.0.0.0", 8102))
      .dynListen(new HostPort("10.0.0.1", 8101))
      .statsListen(new HostPort("127.0.0.1", 22222))
      .datacenter("dc1").rack("rack1").tokens(List.of(5L))
      .hashTag("{}")
      .dynSeeds(List.of(
          new SeedSpec("10.0.0.2", 8101, "rack2", "dc1", List.of(5L, 1005L)),
          new SeedSpec("10.0.0.3", 8101, "rack1", "dc2", List.of(7L)),
          new SeedSpec("10.0.0.3", 8201, "rack2", "dc2", List.of(7L))))
      .build();

  private final NodeControls controls = NodeControls.of(CONFIG);
  private final ClusterView view = ClusterView.of(CONFIG, Optional.empty(), controls);

  @Test
  void seedsNotSeenArePeersThatAreDown() {
    assertThat(view.peers()).extracting(p -> p.address().toString())
        .containsExactly("10.0.0.2:8101", "10.0.0.3:8101", "10.0.0.3:8201");
    assertThat(view.peers()).allMatch(p -> !p.up() && p.state().isEmpty() && !p.adminDown());
    assertThat(view.peers().get(0).tokens()).containsExactly(5L, 1005L);
  }

  @Test
  void aConfiguredNodeTheTopologyHoldsAsADownPlaceholderIsADownPeer() {
    NodeInfo self = NodeInfo.fromConfig("me", CONFIG, "dyn.node.me", NodeState.NORMAL, 1);
    NodeInfo live = new NodeInfo("live", "dc1", "rack2", List.of(Token.of(5), Token.of(1005)),
        new HostPort("10.0.0.2", 8102), new HostPort("10.0.0.2", 8101), new HostPort("10.0.0.2", 22222),
        "dyn.node.live", NodeState.NORMAL, 1);
    Topology t = Topology.of(self, List.of(live), CONFIG.dynSeeds());
    assertThat(t.downNodes()).as("the two dc2 seeds are placeholders").hasSize(2);
    ClusterView withPlaceholders = ClusterView.of(CONFIG, () -> t, controls);

    assertThat(withPlaceholders.peers()).extracting(p -> p.address() + " up=" + p.up()).containsExactly(
        "10.0.0.2:8101 up=true", "10.0.0.3:8101 up=false", "10.0.0.3:8201 up=false");
    assertThat(ClusterDescriptions.dyno(withPlaceholders)).as("self and the live peer, twice for its two tokens")
        .hasSize(3);
    assertThat(ClusterDescriptions.dyno(withPlaceholders).getJsonObject(1).getString("port")).isEqualTo("8102");
  }

  @Test
  void peersAreNamedByAddressOrByAHostNoOtherPeerShares() {
    assertThat(view.peer("10.0.0.3:8201").rack()).isEqualTo("rack2");
    assertThat(view.peer("10.0.0.2").address()).isEqualTo(new HostPort("10.0.0.2", 8101));
    assertThatThrownBy(() -> view.peer("10.0.0.3")).isInstanceOf(AdminError.class)
        .hasMessageContaining("'10.0.0.3' names 2 peers")
        .satisfies(e -> assertThat(((AdminError) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> view.peer("10.0.0.1:8101")).hasMessageContaining("is this node itself");
    assertThatThrownBy(() -> view.peer("10.0.0.9:1")).isInstanceOf(AdminError.class)
        .satisfies(e -> assertThat(((AdminError) e).status()).isEqualTo(404));
  }

  @Test
  void theNodeReportsTheStateItIsInNow() {
    controls.state().moveTo(NodeState.STANDBY);

    assertThat(view.self().state()).isEqualTo(NodeState.STANDBY);
    assertThat(NodeInfoSections.dynomite(view)).containsEntry("state", "STANDBY").containsEntry("peers", 3)
        .containsEntry("peers_up", 0L)
        .containsEntry("peer0", "addr=10.0.0.2:8101,dc=dc1,rack=rack2,tokens=5|1005,state=UNKNOWN,up=0,admin=up");
  }

  @Test
  void dynomitesDescriptionGroupsByDatacenterAndRackAndShowsDownSeeds() {
    controls.peers().markDown(new HostPort("10.0.0.3", 8201));
    JsonObject d = ClusterDescriptions.dynomite(view);

    JsonArray dcs = d.getJsonArray("dcs");
    assertThat(dcs.stream().map(x -> ((JsonObject) x).getString("name"))).containsExactly("dc1", "dc2");
    JsonArray dc1Racks = dcs.getJsonObject(0).getJsonArray("racks");
    assertThat(dc1Racks.stream().map(x -> ((JsonObject) x).getString("name"))).containsExactly("rack1", "rack2");
    JsonObject self = dc1Racks.getJsonObject(0).getJsonArray("servers").getJsonObject(0);
    assertThat(self.getString("host")).isEqualTo("10.0.0.1");
    assertThat(self.getInteger("port")).isEqualTo(8101);
    assertThat(self.getBoolean("up")).isTrue();
    JsonObject down = dcs.getJsonObject(1).getJsonArray("racks").getJsonObject(1).getJsonArray("servers")
        .getJsonObject(0);
    assertThat(down.getString("state")).isEqualTo("unknown");
    assertThat(down.getBoolean("up")).isFalse();
    assertThat(down.getString("admin")).isEqualTo("down");
  }

  @Test
  void dynoSeesOnlyMembersWithTheirClientAddressAndTheHashTag() {
    JsonArray dyno = ClusterDescriptions.dyno(view);

    assertThat(dyno).hasSize(1);
    assertThat(dyno.getJsonObject(0).getMap()).containsEntry("hostname", "10.0.0.1").containsEntry("ip", "10.0.0.1")
        .as("listening on every interface: the peer host").containsEntry("port", "8102")
        .containsEntry("token", "5").containsEntry("hashtag", "{}").containsEntry("zone", "rack1");
    assertThat(ClusterDescriptions.seeds(view))
        .isEqualTo("10.0.0.2:8101:rack2:dc1:5,1005|10.0.0.3:8101:rack1:dc2:7|10.0.0.3:8201:rack2:dc2:7");
  }
}
