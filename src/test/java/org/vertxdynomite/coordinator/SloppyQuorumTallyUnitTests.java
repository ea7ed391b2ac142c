package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Replies;

/** How hinted acceptances ({@link Hinted}) count in write quorums. */
class SloppyQuorumTallyUnitTests {

  private static final ReplyComparison EXACT = ReplyComparison.EXACT;

  @Test
  void aHintedRackCountsTowardsTheQuorumAndTheReplyIsTheRealReplicas() {
    Replicas r = new Replicas(2);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.answer(1, Hinted.INSTANCE);
    assertThat(f.isComplete()).isFalse();
    r.answer(0, ":3");
    assertThat(f.result().reply()).isEqualTo(Replies.bulk(":3"));
    assertThat(f.result().replica()).isZero();
  }

  @Test
  void aHintedRackAgreesWithAnyAnswerUnderSafeQuorum() {
    Replicas r = new Replicas(3).answer(0, Hinted.INSTANCE).answer(2, "v");
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    assertThat(f.result().reply()).isEqualTo(Replies.bulk("v"));
    assertThat(f.result().replica()).isEqualTo(2);
  }

  @Test
  void onlyHintedAcceptancesAreNotEnoughForAReply() {
    Replicas r = new Replicas(2).answer(0, Hinted.INSTANCE).answer(1, Hinted.INSTANCE);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    assertThat(f.cause()).isSameAs(CoordinatorErrors.ONLY_HINTED);
  }

  @Test
  void hintedPlusAFailureStillFailsWithTheFailure() {
    Replicas r = new Replicas(3).answer(0, Hinted.INSTANCE).fail(1, Replicas.STORAGE_TIMEOUT);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.fail(2, Replicas.STORAGE_TIMEOUT);
    assertThat(f.cause()).isSameAs(Replicas.STORAGE_TIMEOUT);
  }

  @Test
  void aHintedRackDoesNotMakeTwoDisagreeingAnswersAgree() {
    Replicas r = new Replicas(4).answer(0, "a").answer(1, "b").answer(2, Hinted.INSTANCE);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    assertThat(f.isComplete()).isFalse();
    r.answer(3, "a");
    assertThat(f.result().reply()).isEqualTo(Replies.bulk("a"));
  }
}
