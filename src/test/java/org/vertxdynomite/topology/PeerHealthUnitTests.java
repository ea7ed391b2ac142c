package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;

class PeerHealthUnitTests {

  private final AtomicLong now = new AtomicLong(1000);
  private final Set<HostPort> marked = new java.util.HashSet<>();
  private final PeerHealth health = new PeerHealth(true, 3, 500, now::get, marked::contains);

  private static NodeInfo node(int port) {
    return new NodeInfo("id" + port, "dc1", "r1", List.of(Token.of(0)), new HostPort("127.0.0.1", port + 1),
        new HostPort("127.0.0.1", port), new HostPort("127.0.0.1", port + 2), "dyn.node.id" + port,
        NodeState.NORMAL, 1);
  }

  @Test
  void aPeerIsEjectedAfterTheFailureLimitInARowAndForTheRetryTimeout() {
    NodeInfo peer = node(8101);
    health.failed(peer);
    health.failed(peer);
    assertThat(health.isDown(peer)).isFalse();
    health.failed(peer);
    assertThat(health.isDown(peer)).isTrue();
    assertThat(health.ejected()).containsExactly(peer.name());
    now.addAndGet(501);
    assertThat(health.isDown(peer)).isFalse();
  }

  @Test
  void afterTheRetryTimeoutOneMoreFailureEjectsAgainAndASuccessClears() {
    NodeInfo peer = node(8101);
    for (int i = 0; i < 3; i++) {
      health.failed(peer);
    }
    now.addAndGet(501);
    health.failed(peer);
    assertThat(health.isDown(peer)).isTrue();
    health.succeeded(peer);
    assertThat(health.isDown(peer)).isFalse();
  }

  @Test
  void aSuccessBetweenFailuresStartsTheCountAgain() {
    NodeInfo peer = node(8101);
    health.failed(peer);
    health.failed(peer);
    health.succeeded(peer);
    health.failed(peer);
    health.failed(peer);
    assertThat(health.isDown(peer)).isFalse();
  }

  @Test
  void withoutAutoEjectAFailingPeerStaysInRouting() {
    PeerHealth noEject = new PeerHealth(false, 1, 500, now::get, p -> false);
    NodeInfo peer = node(8101);
    noEject.failed(peer);
    noEject.failed(peer);
    assertThat(noEject.isDown(peer)).isFalse();
  }

  @Test
  void aPeerAnOperatorMarkedDownIsDownUntilMarkedUp() {
    NodeInfo peer = node(8101);
    marked.add(peer.peerAddress());
    assertThat(health.isDown(peer)).isTrue();
    marked.clear();
    assertThat(health.isDown(peer)).isFalse();
  }

  @Test
  void aConfiguredNodeThatIsNotLiveIsDown() {
    NodeInfo placeholder = NodeInfo.configured(new SeedSpec("127.0.0.1", 8201, "r2", "dc1", List.of(0L)));
    assertThat(health.isDown(placeholder)).isTrue();
  }

  @Test
  void aRestartedPeerWithANewClusterIdStartsHealthy() {
    NodeInfo before = node(8101);
    for (int i = 0; i < 3; i++) {
      health.failed(before);
    }
    NodeInfo restarted = new NodeInfo("another-id", before.dc(), before.rack(), before.tokens(),
        before.clientAddress(), before.peerAddress(), before.adminAddress(), "dyn.node.other", NodeState.NORMAL, 2);
    assertThat(restarted.name()).isEqualTo(before.name());
    assertThat(health.isDown(before)).isTrue();
    assertThat(health.isDown(restarted)).isFalse();
  }
}
