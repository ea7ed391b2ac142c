package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.RespError;

class QuorumUnitTests {

  private static final ReplyComparison EXACT = ReplyComparison.EXACT;

  private static void assertReply(Future<ReplicaReply> f, String bulk, int replica) {
    assertThat(f.succeeded()).as("succeeded: %s", f.cause()).isTrue();
    assertThat(f.result().reply()).isEqualTo(Replies.bulk(bulk));
    assertThat(f.result().replica()).isEqualTo(replica);
  }

  @Test
  void dcOneAnswersWithTheLocalRackWithoutWaitingForTheOthers() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.combine(Consistency.DC_ONE, r.futures(), EXACT);
    r.answer(1, "other");
    assertThat(f.isComplete()).isFalse();
    r.answer(0, "local");
    assertReply(f, "local", 0);
  }

  @Test
  void dcOnePassesOnTheLocalRackFailureEvenWhenOthersAnswer() {
    Replicas r = new Replicas(3).answer(1, "v").answer(2, "v");
    Future<ReplicaReply> f = Quorum.combine(Consistency.DC_ONE, r.futures(), EXACT);
    r.fail(0, Replicas.STORAGE_TIMEOUT);
    assertThat(f.cause()).isSameAs(Replicas.STORAGE_TIMEOUT);
  }

  @Test
  void quorumCompletesAsSoonAsAMajorityAgreeWithoutWaitingForTheLast() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.answer(2, "v");
    assertThat(f.isComplete()).isFalse();
    r.answer(1, "v");
    assertReply(f, "v", 1);
  }

  @Test
  void quorumWaitsForTheThirdReplicaWhenTheFirstTwoDisagreeAndReturnsTheMajorityValue() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.answer(0, "diverged").answer(1, "majority");
    assertThat(f.isComplete()).isFalse();
    r.answer(2, "majority");
    assertReply(f, "majority", 1);
  }

  @Test
  void quorumReturnsTheLowestNumberedAnswerWhenNoMajorityAgrees() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.answer(2, "c").answer(1, "b").answer(0, "a");
    assertReply(f, "a", 0);
  }

  @Test
  void quorumWithOneFailureAndTwoDifferentAnswersReturnsTheFirstAnswer() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.fail(0, Replicas.PEER_DOWN).answer(2, "c");
    assertThat(f.isComplete()).isFalse();
    r.answer(1, "b");
    assertReply(f, "b", 1);
  }

  @Test
  void quorumFailsFastWithTheFirstFailureOnceAMajorityCannotAnswer() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.fail(1, Replicas.PEER_DOWN);
    assertThat(f.isComplete()).isFalse();
    r.fail(2, Replicas.STORAGE_TIMEOUT);
    assertThat(f.cause()).isSameAs(Replicas.PEER_DOWN);
  }

  @Test
  void quorumKeepsWaitingForAQuorumOfAnswersWhenAgreementIsAlreadyImpossible() {
    Replicas r = new Replicas(5);
    Future<ReplicaReply> f = Quorum.quorum(r.futures(), EXACT);
    r.answer(0, "a").answer(1, "b").fail(2, Replicas.PEER_DOWN).fail(3, Replicas.PEER_DOWN);
    assertThat(f.isComplete()).isFalse();
    r.answer(4, "c");
    assertReply(f, "a", 0);
  }

  @Test
  void errorRepliesAreAnswersAndCanFormTheQuorum() {
    RespError wrongType = new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, wrongType).answer(1, new RespError(wrongType.getMessage()));
    assertThat(f.succeeded()).isTrue();
    assertThat(f.result().reply()).isSameAs(wrongType);
  }

  @Test
  void safeQuorumAnswersTheDynomiteQuorumErrorWhenNoMajorityAgrees() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, "a").answer(1, "b");
    assertThat(f.isComplete()).isFalse();
    r.answer(2, "c");
    assertThat(f.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
  }

  @Test
  void theQuorumErrorIsWordedAsDynomiteWordsIt() {
    assertThat(CoordinatorErrors.NO_QUORUM.toBuffer().toString()).isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
  }

  @Test
  void safeQuorumCompletesEarlyOnceTheLaterRepliesAgree() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, "diverged").answer(1, "v");
    assertThat(f.isComplete()).isFalse();
    r.answer(2, "v");
    assertReply(f, "v", 1);
  }

  @Test
  void safeQuorumFailsAsSoonAsAgreementBecomesImpossibleWhilePlainQuorumWaits() {
    Replicas safe = new Replicas(5);
    Replicas plain = new Replicas(5);
    Future<ReplicaReply> s = Quorum.safeQuorum(safe.futures(), EXACT);
    Future<ReplicaReply> p = Quorum.quorum(plain.futures(), EXACT);
    for (Replicas r : List.of(safe, plain)) {
      r.answer(0, "a").answer(1, "b").fail(2, Replicas.PEER_DOWN).fail(3, Replicas.PEER_DOWN);
    }
    assertThat(s.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
    assertThat(p.isComplete()).isFalse();
  }

  @Test
  void safeQuorumWithTooManyFailuresPassesOnTheFirstFailure() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, "a").fail(2, Replicas.STORAGE_TIMEOUT).fail(1, Replicas.PEER_DOWN);
    assertThat(f.cause()).isSameAs(Replicas.STORAGE_TIMEOUT);
  }

  @Test
  void safeQuorumWithOneFailureAndTwoDifferentAnswersIsTheQuorumError() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, "a").fail(1, Replicas.PEER_DOWN).answer(2, "b");
    assertThat(f.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
  }

  @Test
  void safeQuorumAgreesOnSetMembersInAnyOrder() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), ReplyComparison.forCommand("smembers"));
    r.answer(1, Replies.array(Replies.bulk("x"), Replies.bulk("y")));
    r.answer(2, Replies.array(Replies.bulk("y"), Replies.bulk("x")));
    assertThat(f.succeeded()).isTrue();
    assertThat(f.result().replica()).isEqualTo(1);
  }

  @Test
  void theAgreedReplyComesFromTheLowestNumberedReplicaOfTheMajority() {
    Replicas r = new Replicas(5);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(4, "v").answer(0, "other").answer(3, "v").answer(2, "v");
    assertReply(f, "v", 2);
  }

  @Test
  void aSingleRackIsItsOwnQuorum() {
    Replicas r = new Replicas(1);
    Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
    r.answer(0, "v");
    assertReply(f, "v", 0);
  }

  @Test
  void twoRacksNeedBothForAQuorum() {
    Replicas r = new Replicas(2);
    Future<ReplicaReply> safe = Quorum.safeQuorum(r.futures(), EXACT);
    Future<ReplicaReply> plain = Quorum.quorum(r.futures(), EXACT);
    r.answer(1, "b");
    assertThat(safe.isComplete()).isFalse();
    assertThat(plain.isComplete()).isFalse();
    r.answer(0, "a");
    assertThat(safe.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
    assertReply(plain, "a", 0);
  }

  @Test
  void eachSafeQuorumAnswersWithTheLocalReplyWhenEveryDatacenterAgrees() {
    Replicas local = new Replicas(3);
    Replicas remote = new Replicas(2);
    Future<ReplicaReply> f = Quorum.combine(Consistency.DC_EACH_SAFE_QUORUM, local.futures(),
        List.of(remote.futures()), EXACT);
    local.answer(0, "v").answer(2, "v");
    assertThat(f.isComplete()).isFalse();
    remote.answer(0, "v").answer(1, "v");
    assertReply(f, "v", 0);
  }

  @Test
  void eachSafeQuorumFailsAtOnceWhenARemoteDatacenterIsUnreachable() {
    Replicas local = new Replicas(3);
    Replicas remote = new Replicas(3);
    Future<ReplicaReply> f = Quorum.eachSafeQuorum(local.futures(), List.of(remote.futures()), EXACT);
    remote.fail(0, Replicas.PEER_DOWN).fail(1, Replicas.PEER_DOWN);
    assertThat(f.cause()).isSameAs(Replicas.PEER_DOWN);
  }

  @Test
  void eachSafeQuorumFailsWhenOneDatacenterCannotAgree() {
    Replicas local = new Replicas(1);
    Replicas remote = new Replicas(3);
    Future<ReplicaReply> f = Quorum.eachSafeQuorum(local.futures(), List.of(remote.futures()), EXACT);
    local.answer(0, "v");
    remote.answer(0, "a").answer(1, "b").answer(2, "c");
    assertThat(f.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
  }

  @Test
  void eachSafeQuorumFailsWhenDatacentersAgreeOnDifferentReplies() {
    Replicas local = new Replicas(1);
    Replicas remote = new Replicas(1);
    Future<ReplicaReply> f = Quorum.eachSafeQuorum(local.futures(), List.of(remote.futures()), EXACT);
    remote.answer(0, "old");
    local.answer(0, "new");
    assertThat(f.cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
  }

  @Test
  void eachSafeQuorumWithoutRemoteDatacentersIsASafeQuorum() {
    Replicas r = new Replicas(3);
    Future<ReplicaReply> f = Quorum.eachSafeQuorum(r.futures(), List.of(), EXACT);
    r.answer(0, "v").answer(1, "v");
    assertReply(f, "v", 0);
  }

  @Test
  void levelsOtherThanEachSafeQuorumIgnoreRemoteDatacenters() {
    Replicas local = new Replicas(1);
    Replicas remote = new Replicas(1);
    Future<ReplicaReply> f = Quorum.combine(Consistency.DC_SAFE_QUORUM, local.futures(),
        List.of(remote.futures()), EXACT);
    local.answer(0, "v");
    assertReply(f, "v", 0);
  }

  @Test
  void repliesArrivingOnManyThreadsAtOnceDecideExactlyOnceAndCorrectly() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      for (int round = 0; round < 300; round++) {
        Replicas r = new Replicas(5);
        Future<ReplicaReply> f = Quorum.safeQuorum(r.futures(), EXACT);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          int replica = i;
          String value = replica % 2 == 0 ? "v" : "x" + replica;
          done.add(pool.submit(() -> {
            start.await();
            r.answer(replica, value);
            return null;
          }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> d : done) {
          d.get(5, TimeUnit.SECONDS);
        }
        ReplicaReply result = f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result.reply()).isEqualTo(Replies.bulk("v"));
        assertThat(result.replica()).isIn(0, 2, 4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDatacenterWithoutReplicasIsAProgrammingError() {
    assertThatThrownBy(() -> Quorum.quorum(List.of(), EXACT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quorum.one(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
