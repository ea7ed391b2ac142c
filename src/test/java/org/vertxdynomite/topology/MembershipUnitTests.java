package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.topology.TestNodes.node;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Membership over a cluster manager the test drives (a local, non-clustered Vert.x). */
class MembershipUnitTests {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NodeInfo self = node("self", "dc1", "rack1", 0);
  private final FakeClusterManager cluster = new FakeClusterManager("self");
  private LogCapture log;
  private Vertx vertx;
  private Membership membership;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    log = LogCapture.of(Membership.class);
  }

  @AfterEach
  void tearDown() throws Exception {
    log.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private Membership start() throws Exception {
    membership = Membership.start(vertx, cluster, self.toJson()).await(5, TimeUnit.SECONDS);
    return membership;
  }

  private Topology await(java.util.function.Predicate<Topology> condition) throws Exception {
    return membership.until(condition, WAIT).await(WAIT.toSeconds() + 1, TimeUnit.SECONDS);
  }

  @Test
  void startingBuildsTheTopologyFromTheMembersAlreadyThere() throws Exception {
    NodeInfo other = node("other", "dc1", "rack2", 0);
    cluster.join("other", other.toJson());
    start();

    assertThat(membership.current().size()).isEqualTo(2);
    assertThat(membership.current().node("other")).contains(other);
    assertThat(membership.self()).isEqualTo(self);
    assertThat(cluster.listener).as("registered as the node listener").isNotNull();
  }

  @Test
  void aJoiningAndALeavingNodeChangeTheTopologyAndTellTheListeners() throws Exception {
    start();
    List<Topology> seen = new CopyOnWriteArrayList<>();
    membership.onChange(seen::add);

    cluster.join("b", node("b", "dc1", "rack2", 0).toJson());
    assertThat(await(t -> t.size() == 2).node("b")).isPresent();
    cluster.leave("b");
    assertThat(await(t -> t.size() == 1).node("b")).isEmpty();

    assertThat(seen).extracting(Topology::size).containsExactly(2, 1);
  }

  @Test
  void aBurstOfNodeEventsIsCoalescedIntoOneRebuild() throws Exception {
    start();
    int before = cluster.getNodesCalls.get();
    for (int i = 0; i < 50; i++) {
      cluster.join("n" + i, node("n" + i, "dc1", "rack" + (i + 2), 0).toJson());
    }
    await(t -> t.size() == 51);

    assertThat(cluster.getNodesCalls.get() - before).as("rebuilds for 50 events").isBetween(1, 2);
  }

  @Test
  void aMemberWhoseMetadataIsNotStoredYetIsAddedOnceItIs() throws Exception {
    start();
    cluster.join("late");
    membership.refresh().await(5, TimeUnit.SECONDS);
    assertThat(membership.current().size()).isEqualTo(1);

    // No node event follows: the retry alone must find it.
    cluster.publish("late", node("late", "dc1", "rack2", 0).toJson());
    assertThat(await(t -> t.size() == 2).node("late")).isPresent();
  }

  @Test
  void malformedMetadataLeavesTheMemberOutAndIsLoggedOnce() throws Exception {
    start();
    List<Topology> seen = new CopyOnWriteArrayList<>();
    membership.onChange(seen::add);
    cluster.join("bad", new JsonObject().put("v", 7));
    for (int i = 0; i < 3; i++) {
      membership.refresh().await(5, TimeUnit.SECONDS);
    }

    assertThat(membership.current().size()).isEqualTo(1);
    assertThat(seen).as("nothing changed").isEmpty();
    assertThat(log.containing("ignores cluster member bad")).singleElement()
        .satisfies(r -> assertThat(r.getMessage()).contains("metadata format version 7"));
  }

  @Test
  void aTokenCollisionIsLoggedAndTheNewerNodeLeftOut() throws Exception {
    start();
    cluster.join("clash", TestNodes.started(5000, "clash", "dc1", "rack1", 0).toJson());

    Topology t = await(x -> !x.excluded().isEmpty());
    assertThat(t.excluded()).extracting(e -> e.node().id()).containsExactly("clash");
    assertThat(t.selfInRing()).isTrue();
    assertThat(log.containing("node clash (dc1/rack1) is left out")).hasSize(1);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthers() throws Exception {
    start();
    List<Topology> seen = new CopyOnWriteArrayList<>();
    membership.onChange(t -> {
      throw new IllegalStateException("boom");
    });
    membership.onChange(seen::add);
    cluster.join("b", node("b", "dc1", "rack2", 0).toJson());

    await(t -> t.size() == 2);
    assertThat(seen).hasSize(1);
  }

  @Test
  void aCancelledListenerIsNotCalledAgain() throws Exception {
    start();
    List<Topology> seen = new CopyOnWriteArrayList<>();
    Membership.Registration r = membership.onChange(seen::add);
    cluster.join("b", node("b", "dc1", "rack2", 0).toJson());
    await(t -> t.size() == 2);
    r.cancel();
    cluster.join("c", node("c", "dc1", "rack3", 0).toJson());
    await(t -> t.size() == 3);

    assertThat(seen).extracting(Topology::size).containsExactly(2);
  }

  @Test
  void untilFailsWithATimeoutWhenNoTopologyMatches() throws Exception {
    start();
    assertThatThrownBy(() -> membership.until(t -> t.size() == 9, Duration.ofMillis(200)).await(5, TimeUnit.SECONDS))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("no topology matched");
  }

  @Test
  void aFailedMemberListIsRetried() throws Exception {
    start();
    cluster.getNodesFailure = new IllegalStateException("hazelcast instance is not active");
    cluster.join("b", node("b", "dc1", "rack2", 0).toJson());

    assertThat(await(t -> t.size() == 2).node("b")).isPresent();
  }

  @Test
  void closingStopsFollowingAndReleasesTheNodeListener() throws Exception {
    start();
    membership.close().await(5, TimeUnit.SECONDS);

    assertThat(cluster.listener).isNull();
    assertThatThrownBy(() -> membership.refresh().await(5, TimeUnit.SECONDS))
        .hasMessageContaining("membership closed");
  }

  @Test
  void theSelfAnnouncementMustBeValid() {
    assertThatThrownBy(() -> Membership.start(vertx, cluster, new JsonObject()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
