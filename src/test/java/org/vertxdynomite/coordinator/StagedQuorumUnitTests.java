package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

class StagedQuorumUnitTests {

  private static final ReplyComparison EXACT = ReplyComparison.EXACT;

  /** Timers a test fires by hand. */
  private static final class ManualTimers implements StagedQuorum.Timers {
    final List<Runnable> tasks = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    final List<Long> cancelled = new ArrayList<>();

    @Override
    public long schedule(long delayMillis, Runnable task) {
      tasks.add(task);
      delays.add(delayMillis);
      return tasks.size() - 1;
    }

    @Override
    public void cancel(long id) {
      cancelled.add(id);
    }

    void fire(int i) {
      tasks.get(i).run();
    }
  }

  /** Replicas that record which were asked. */
  private static final class Asked {
    final Replicas replicas;
    final List<Integer> asked = new ArrayList<>();
    final List<Future<Reply>> futures;

    Asked(int n) {
      replicas = new Replicas(n);
      futures = replicas.futures();
    }

    Future<Reply> ask(int i) {
      asked.add(i);
      return futures.get(i);
    }
  }

  private static StagedQuorum read(Asked a, ManualTimers timers, boolean safe, int... order) {
    return StagedQuorum.read(order.length, a::ask, order, EXACT, safe, timers,
        new SpeculativeDelay(System::nanoTime));
  }

  @Test
  void aReadAsksOnlyTheLocalReplicaAndOneOtherAndAnswersWhenTheyAgree() {
    Asked a = new Asked(3);
    StagedQuorum q = read(a, new ManualTimers(), false, 0, 2, 1);
    assertThat(a.asked).containsExactly(0, 2);
    a.replicas.answer(0, "v").answer(2, "v");
    assertThat(q.result().result().reply()).isEqualTo(Replies.bulk("v"));
    assertThat(q.result().result().replica()).isZero();
    assertThat(a.asked).containsExactly(0, 2);
    assertThat(q.replicas().get(1).cause()).isSameAs(StagedQuorum.NOT_ASKED);
    assertThat(q.replicas().get(2).result()).isEqualTo(Replies.bulk("v"));
  }

  @Test
  void aReadAsksTheThirdReplicaWhenTheFirstTwoDisagreeAndReturnsTheMajority() {
    Asked a = new Asked(3);
    StagedQuorum q = read(a, new ManualTimers(), false, 0, 1, 2);
    a.replicas.answer(0, "stale").answer(1, "new");
    assertThat(a.asked).containsExactly(0, 1, 2);
    assertThat(q.result().isComplete()).isFalse();
    a.replicas.answer(2, "new");
    assertThat(q.result().result().reply()).isEqualTo(Replies.bulk("new"));
    assertThat(q.result().result().replica()).isEqualTo(1);
  }

  @Test
  void aReadAsksTheThirdReplicaAtOnceWhenOneOfTheFirstTwoFails() {
    Asked a = new Asked(3);
    StagedQuorum q = read(a, new ManualTimers(), false, 0, 1, 2);
    a.replicas.fail(1, Replicas.PEER_DOWN);
    assertThat(a.asked).containsExactly(0, 1, 2);
    a.replicas.answer(2, "v").answer(0, "v");
    assertThat(q.result().result().reply()).isEqualTo(Replies.bulk("v"));
  }

  @Test
  void aReplicaFailingBeforeTheCallReturnsIsReplacedToo() {
    Replicas r = new Replicas(3).fail(0, Replicas.STORAGE_TIMEOUT).answer(1, "v").answer(2, "v");
    List<Future<Reply>> futures = r.futures();
    List<Integer> asked = new ArrayList<>();
    StagedQuorum q = StagedQuorum.read(3, i -> {
      asked.add(i);
      return futures.get(i);
    }, new int[] {0, 1, 2}, EXACT, false, new ManualTimers(), new SpeculativeDelay(System::nanoTime));
    assertThat(asked).containsExactly(0, 1, 2);
    assertThat(q.result().result().reply()).isEqualTo(Replies.bulk("v"));
    assertThat(q.result().result().replica()).isEqualTo(1);
  }

  @Test
  void aReadAsksTheThirdReplicaWhenTheSpeculativeDelayPassesWithoutAnOutcome() {
    Asked a = new Asked(3);
    ManualTimers timers = new ManualTimers();
    StagedQuorum q = read(a, timers, false, 0, 1, 2);
    assertThat(timers.delays).containsExactly(SpeculativeDelay.INITIAL_MILLIS);
    a.replicas.answer(0, "v");
    assertThat(a.asked).containsExactly(0, 1);
    timers.fire(0);
    assertThat(a.asked).containsExactly(0, 1, 2);
    a.replicas.answer(2, "v");
    assertThat(q.result().result().reply()).isEqualTo(Replies.bulk("v"));
    assertThat(timers.tasks).as("no replica left: no further delay").hasSize(1);
  }

  @Test
  void theSpeculativeTimerIsCancelledOnceTheOutcomeIsKnown() {
    Asked a = new Asked(3);
    ManualTimers timers = new ManualTimers();
    read(a, timers, false, 0, 1, 2);
    a.replicas.answer(0, "v").answer(1, "v");
    assertThat(timers.cancelled).containsExactly(0L);
  }

  @Test
  void aTimerFiringAfterTheOutcomeAsksNobody() {
    Asked a = new Asked(3);
    ManualTimers timers = new ManualTimers();
    read(a, timers, false, 0, 1, 2);
    a.replicas.answer(0, "v").answer(1, "v");
    timers.fire(0);
    assertThat(a.asked).containsExactly(0, 1);
  }

  @Test
  void aSafeQuorumReadFailsWithNoQuorumOnlyAfterAskingEveryReplica() {
    Asked a = new Asked(3);
    StagedQuorum q = read(a, new ManualTimers(), true, 0, 1, 2);
    a.replicas.answer(0, "a").answer(1, "b");
    assertThat(q.result().isComplete()).isFalse();
    a.replicas.answer(2, "c");
    assertThat(q.result().cause()).isSameAs(CoordinatorErrors.NO_QUORUM);
  }

  @Test
  void aReadFailsWithTheFirstFailureOnceTwoOfThreeReplicasFailed() {
    Asked a = new Asked(3);
    StagedQuorum q = read(a, new ManualTimers(), false, 0, 1, 2);
    a.replicas.fail(0, Replicas.STORAGE_TIMEOUT).fail(1, Replicas.PEER_DOWN);
    assertThat(q.result().cause()).isSameAs(Replicas.STORAGE_TIMEOUT);
  }

  @Test
  void aSlowReplicaThatAnswersAfterTheOutcomeStillShowsItsReply() {
    Asked a = new Asked(3);
    ManualTimers timers = new ManualTimers();
    StagedQuorum q = read(a, timers, false, 0, 1, 2);
    timers.fire(0);
    a.replicas.answer(0, "v").answer(2, "v");
    assertThat(q.result().succeeded()).isTrue();
    assertThat(q.replicas().get(1).isComplete()).as("asked, not yet answered").isFalse();
    a.replicas.answer(1, "late");
    assertThat(q.replicas().get(1).result()).isEqualTo(Replies.bulk("late"));
  }

  @Test
  void aFiveRackReadAsksThreeAndOneMorePerDelay() {
    Asked a = new Asked(5);
    ManualTimers timers = new ManualTimers();
    read(a, timers, false, 0, 3, 4, 1, 2);
    assertThat(a.asked).containsExactly(0, 3, 4);
    timers.fire(0);
    assertThat(a.asked).containsExactly(0, 3, 4, 1);
    timers.fire(1);
    assertThat(a.asked).containsExactly(0, 3, 4, 1, 2);
    assertThat(timers.tasks).hasSize(2);
  }

  @Test
  void theSpeculativeDelayIsTheRecentNinetyNinthPercentileOfReplicaLatency() {
    AtomicLong now = new AtomicLong();
    SpeculativeDelay d = new SpeculativeDelay(now::get);
    assertThat(d.millis()).isEqualTo(SpeculativeDelay.INITIAL_MILLIS);
    for (int i = 0; i < 990; i++) {
      d.record(200_000); // 0.2 ms
    }
    for (int i = 0; i < 10; i++) {
      d.record(30_000_000); // 30 ms
    }
    assertThat(d.millis()).as("window not over yet").isEqualTo(SpeculativeDelay.INITIAL_MILLIS);
    now.addAndGet(SpeculativeDelay.WINDOW_NANOS);
    d.record(200_000);
    assertThat(d.millis()).as("p99 of 1001 samples: the 0.2 ms bucket, raised to the floor").isEqualTo(1);
    for (int i = 0; i < 300; i++) {
      d.record(i < 290 ? 5_000_000 : 40_000_000);
    }
    now.addAndGet(SpeculativeDelay.WINDOW_NANOS);
    d.record(5_000_000);
    assertThat(d.millis()).as("a fresh window: 3 of 301 at 40 ms").isBetween(40L, 48L);
  }

  @Test
  void theSpeculativeDelayKeepsItsValueOnAQuietNodeAndStaysWithinItsBounds() {
    AtomicLong now = new AtomicLong();
    SpeculativeDelay d = new SpeculativeDelay(now::get);
    now.addAndGet(10 * SpeculativeDelay.WINDOW_NANOS);
    for (int i = 0; i < SpeculativeDelay.MIN_SAMPLES - 1; i++) {
      d.record(60_000_000_000L);
    }
    assertThat(d.millis()).isEqualTo(SpeculativeDelay.INITIAL_MILLIS);
    d.record(60_000_000_000L);
    assertThat(d.millis()).isEqualTo(SpeculativeDelay.MAX_MILLIS);
  }
}
