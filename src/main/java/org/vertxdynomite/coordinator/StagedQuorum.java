package org.vertxdynomite.coordinator;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * DC_QUORUM and DC_SAFE_QUORUM over one datacenter's replicas (the rules are {@link Quorum}'s),
 * asking the replicas in stages: a read asks a quorum first and one more replica only when the
 * outcome is still open and
 * <ul>
 *   <li>a replica asked failed (down, unreachable, timed out: a replacement is asked at once),
 *   <li>every replica asked answered but they disagree, or
 *   <li>the {@link SpeculativeDelay} passed without an outcome (a slow replica: a speculative
 *       retry, as Cassandra's), and again after each further delay.
 * </ul>
 * A replica not asked yet still counts as one that may answer, so the outcome is exactly the one
 * asking every replica at once would give; only the replicas asked differ. With three racks, a
 * read whose first two replicas agree costs two replica reads instead of three.
 *
 * <p>Replies may arrive on any thread; the client's continuation never runs holding the lock.
 */
final class StagedQuorum {

  /** Why a replica was not asked: the outcome was known without it. */
  static final RespError NOT_ASKED = new RespError("ERR Dynomite: replica not asked, the quorum was reached without it");

  /** Vert.x timers, or a test's. */
  interface Timers {
    long schedule(long delayMillis, Runnable task);

    void cancel(long id);
  }

  private final IntFunction<Future<Reply>> ask;
  private final int[] order;
  private final QuorumTally tally;
  private final boolean safe;
  private final Timers timers;
  private final SpeculativeDelay delay;
  private final Promise<ReplicaReply> result = Promise.promise();
  private final List<Promise<Reply>> replicas;
  private final boolean[] asked;
  private int started;
  private int completed;
  /** How many replicas should have been asked by now. */
  private int wanted;
  private boolean pumping;
  private boolean decided;
  private long timerId = -1;

  private StagedQuorum(int n, IntFunction<Future<Reply>> ask, int[] order, int first, ReplyComparison comparison,
      boolean safe, Timers timers, SpeculativeDelay delay) {
    if (n == 0) {
      throw new IllegalArgumentException("a datacenter needs at least one replica");
    }
    this.ask = ask;
    this.order = order;
    this.tally = new QuorumTally(n, comparison, safe);
    this.safe = safe;
    this.timers = timers;
    this.delay = delay;
    this.wanted = Math.min(n, first);
    this.asked = new boolean[n];
    this.replicas = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      replicas.add(Promise.promise());
    }
  }

  /** Every replica already asked: {@code replicas.get(i)} is replica {@code i}'s outcome. */
  static Future<ReplicaReply> all(List<Future<Reply>> replicas, ReplyComparison comparison, boolean safe) {
    int n = replicas.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    StagedQuorum q = new StagedQuorum(n, replicas::get, order, n, comparison, safe, null, null);
    q.pump();
    return q.result.future();
  }

  /**
   * A read over {@code n} replicas (0 is the local rack's): {@code ask.apply(i)} asks replica
   * {@code i}; they are asked in {@code order} (a permutation of 0..n-1), a quorum at once.
   */
  static StagedQuorum read(int n, IntFunction<Future<Reply>> ask, int[] order, ReplyComparison comparison,
      boolean safe, Timers timers, SpeculativeDelay delay) {
    StagedQuorum q = new StagedQuorum(n, ask, order, n / 2 + 1, comparison, safe, timers, delay);
    q.pump();
    q.armTimer();
    return q;
  }

  /** The client's reply. */
  Future<ReplicaReply> result() {
    return result.future();
  }

  /**
   * Each replica's outcome, by replica number: its reply or failure when it was asked, {@link
   * #NOT_ASKED} once the outcome was known without it.
   */
  List<Future<Reply>> replicas() {
    List<Future<Reply>> futures = new ArrayList<>(replicas.size());
    for (Promise<Reply> p : replicas) {
      futures.add(p.future());
    }
    return futures;
  }

  /** Asks replicas until {@link #wanted} have been; re-entrant calls leave it to the running one. */
  private void pump() {
    synchronized (this) {
      if (pumping) {
        return;
      }
      pumping = true;
    }
    while (true) {
      int replica;
      synchronized (this) {
        if (decided || started >= wanted) {
          pumping = false;
          return;
        }
        replica = order[started++];
        asked[replica] = true;
      }
      long askedAt = System.nanoTime();
      Future<Reply> f;
      try {
        f = ask.apply(replica);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> completed(replica, ar, askedAt));
    }
  }

  private void completed(int replica, AsyncResult<Reply> ar, long askedAt) {
    if (ar.succeeded() && delay != null) {
      delay.record(System.nanoTime() - askedAt);
    }
    ReplicaReply reply = null;
    Throwable failure = null;
    synchronized (this) {
      completed++;
      QuorumTally.Outcome outcome = ar.succeeded() ? tally.answered(replica, ar.result()) : tally.failed(ar.cause());
      switch (outcome) {
        case AGREED -> reply = tally.agreed();
        case NO_AGREEMENT -> {
          if (safe) {
            failure = CoordinatorErrors.NO_QUORUM;
          } else {
            reply = tally.firstAnswer();
          }
        }
        case TOO_FEW -> failure = tally.firstFailure();
        case PENDING -> {
          // A failure is replaced at once; answers that disagree call for one more.
          if (ar.failed() || (completed == started && started == wanted)) {
            wanted = Math.min(order.length, wanted + 1);
          }
        }
      }
      if (reply != null || failure != null) {
        decided = true;
      }
    }
    replicas.get(replica).handle(ar);
    if (reply != null) {
      finish();
      result.tryComplete(reply);
    } else if (failure != null) {
      finish();
      result.tryFail(failure);
    } else {
      pump();
    }
  }

  /** Once decided: no more speculation, and the replicas never asked say so. */
  private void finish() {
    long timer;
    boolean[] askedNow;
    synchronized (this) {
      timer = timerId;
      timerId = -1;
      askedNow = asked.clone(); // decided: no replica is asked from now on
    }
    if (timer >= 0) {
      timers.cancel(timer);
    }
    for (int i = 0; i < askedNow.length; i++) {
      if (!askedNow[i]) {
        replicas.get(i).tryFail(NOT_ASKED);
      }
    }
  }

  private void armTimer() {
    if (timers == null) {
      return;
    }
    synchronized (this) {
      if (decided || started >= order.length) {
        return;
      }
      timerId = timers.schedule(delay.millis(), this::speculate);
    }
  }

  /** The delay passed without an outcome: one more replica, and another delay while some remain. */
  private void speculate() {
    synchronized (this) {
      timerId = -1;
      if (decided) {
        return;
      }
      wanted = Math.min(order.length, Math.max(wanted, started) + 1);
    }
    pump();
    armTimer();
  }
}
