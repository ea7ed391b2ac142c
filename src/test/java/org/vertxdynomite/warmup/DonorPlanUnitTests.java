package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.warmup.WarmupNodes.node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;

class DonorPlanUnitTests {

  private static final long LOW = 2147483647L;
  private static final long HIGH = Token.MAX_VALUE;

  private final NodeInfo self = node("self", "dc1", "rack1", 5000, 0);

  @Test
  void withRacksLaidOutAlikeOneDonorGivesEverythingTheOldestFirst() {
    NodeInfo young = node("young", "dc1", "rack2", 3000, 0);
    NodeInfo old = node("old", "dc1", "rack3", 1000, 0);
    DonorPlan plan = DonorPlan.of(Topology.of(self, List.of(young, old)), self);

    assertThat(plan.parts()).containsExactly(new DonorPlan.Part(HashRange.ALL, List.of(old, young)));
    assertThat(plan.assignment(Set.of(), Set.of())).containsExactly(Map.entry(old, List.of(HashRange.ALL)));
  }

  @Test
  void withAsymmetricRacksSeveralDonorsEachGiveTheirPart() {
    NodeInfo low = node("low", "dc1", "rack2", 1000, LOW);
    NodeInfo high = node("high", "dc1", "rack2", 1000, HIGH);
    DonorPlan plan = DonorPlan.of(Topology.of(self, List.of(low, high)), self);

    assertThat(plan.assignment(Set.of(), Set.of())).containsExactly(
        Map.entry(low, List.of(new HashRange(0, LOW))),
        Map.entry(high, List.of(new HashRange(LOW + 1, HIGH))));
  }

  @Test
  void onlyTheReceiversOwnRangesArePlanned() {
    NodeInfo mate = node("mate", "dc1", "rack1", 1000, HIGH);
    NodeInfo me = node("me", "dc1", "rack1", 5000, LOW);
    NodeInfo other = node("other", "dc1", "rack2", 1000, 0);
    DonorPlan plan = DonorPlan.of(Topology.of(me, List.of(mate, other)), me);

    assertThat(plan.parts()).containsExactly(new DonorPlan.Part(new HashRange(0, LOW), List.of(other)));
  }

  @Test
  void theLocalDatacenterComesBeforeAnOlderRemoteReplica() {
    NodeInfo remote = node("remote", "dc2", "rack1", 1, 0);
    NodeInfo local = node("local", "dc1", "rack2", 9000, 0);
    DonorPlan plan = DonorPlan.of(Topology.of(self, List.of(remote, local)), self);

    assertThat(plan.parts().get(0).candidates()).containsExactly(local, remote);
  }

  @Test
  void replicasNotServingReadsOrDownAreNoDonors() {
    NodeInfo warming = node("warming", "dc1", "rack2", 1000, NodeState.WRITES_ONLY, 0);
    SeedSpec gone = new SeedSpec("127.0.0.1", 9999, "rack3", "dc1", List.of(0L));
    Topology t = Topology.of(self, List.of(warming), List.of(gone));
    DonorPlan plan = DonorPlan.of(t, self);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.uncovered()).containsExactly(HashRange.ALL);
  }

  @Test
  void aFailedDonorsPiecesGoToTheNextReplicaAndDonePiecesAreNotAskedAgain() {
    NodeInfo low = node("low", "dc1", "rack2", 1000, LOW);
    NodeInfo high = node("high", "dc1", "rack2", 1000, HIGH);
    NodeInfo whole = node("whole", "dc1", "rack3", 2000, 0);
    DonorPlan plan = DonorPlan.of(Topology.of(self, List.of(low, high, whole)), self);

    Set<HashRange> done = Set.of(new HashRange(0, LOW));
    assertThat(plan.assignment(Set.of("high"), done))
        .containsExactly(Map.entry(whole, List.of(new HashRange(LOW + 1, HIGH))));
    assertThat(plan.orphaned(Set.of("high"), done)).isEmpty();
    assertThat(plan.orphaned(Set.of("high", "whole"), done)).containsExactly(new HashRange(LOW + 1, HIGH));
  }

  @Test
  void aLoneRackHasNothingToWarmFrom() {
    assertThat(DonorPlan.of(Topology.alone(self), self).isEmpty()).isTrue();
  }
}
