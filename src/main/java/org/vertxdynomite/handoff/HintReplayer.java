package org.vertxdynomite.handoff;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Delivers each target's pending hints while the target is live: in batches of up to {@code
 * batchHints} in flight, handed to the delivery function in log order, at most {@code replayRate}
 * hints per second per target. A batch is acknowledged (the log's cursor advanced) up to its first
 * failed delivery; after a failure the target pauses ({@code backoffMinMs}, doubling up to {@code
 * backoffMaxMs}) and resumes from the first unacknowledged hint.
 *
 * <p>Delivery is at least once: hints after a failed one in the same batch may have been applied
 * and are delivered again, as may hints acknowledged in the last {@code hints_fsync_ms} before a
 * crash. The receiver's last-write-wins fence keeps a repeated write from undoing a newer one.
 *
 * <p>All state is kept on one Vert.x context; the public methods may be called from any thread.
 */
public final class HintReplayer {

  private static final Logger LOG = Logger.getLogger(HintReplayer.class.getName());

  /** One target's replay: whether it is live, whether a batch is under way, and its pauses. */
  private static final class TargetState {
    final RateLimiter limiter;
    boolean up;
    boolean running;
    long backoffMs;
    long retryAtNanos;
    boolean retryAtSet;

    TargetState(int rate) {
      limiter = new RateLimiter(rate);
    }
  }

  private final HintLog log;
  private final Function<Hint, Future<Void>> deliver;
  private final HandoffSettings settings;
  private final HandoffClock clock;
  private final Context context;
  private final HintCounters counters;
  private final Map<HintTarget, TargetState> states = new HashMap<>();
  private boolean stopped;

  /**
   * @param deliver sends one hint to its target; the future fails when the target did not apply
   *     it. It must complete (time out) on its own: an outstanding delivery holds up its target.
   * @param context the context the replayer keeps its state and timers on
   */
  public HintReplayer(HintLog log, Function<Hint, Future<Void>> deliver, HandoffSettings settings, HandoffClock clock,
      Context context) {
    this.log = log;
    this.deliver = deliver;
    this.settings = settings;
    this.clock = clock;
    this.context = context;
    this.counters = log.counters();
  }

  /** Starts the periodic look at the targets (every {@code retryMs}). */
  public void start() {
    context.runOnContext(v -> tick());
  }

  /** Stops replaying; deliveries in flight still complete and are acknowledged. */
  public void stop() {
    context.runOnContext(v -> stopped = true);
  }

  /** The target is live: replay its hints now (any back-off is forgotten). */
  public void targetUp(HintTarget target) {
    context.runOnContext(v -> {
      TargetState st = state(target);
      st.up = true;
      st.backoffMs = 0;
      st.retryAtSet = false;
      pump(target, st);
    });
  }

  /** The target is down: no more batches start for it until {@link #targetUp}. */
  public void targetDown(HintTarget target) {
    context.runOnContext(v -> state(target).up = false);
  }

  /** A hint was just appended for {@code target}: replay it if the target is live and idle. */
  public void hinted(HintTarget target) {
    context.runOnContext(v -> {
      TargetState st = states.get(target);
      if (st != null) {
        pump(target, st);
      }
    });
  }

  private TargetState state(HintTarget target) {
    return states.computeIfAbsent(target, t -> new TargetState(settings.replayRate()));
  }

  private void tick() {
    if (stopped) {
      return;
    }
    Set<HintTarget> busy = new HashSet<>();
    for (HintTarget t : counters.pendingByTarget().keySet()) {
      TargetState st = states.get(t);
      if (st != null) {
        pump(t, st);
        if (st.running) {
          busy.add(t);
        }
      }
    }
    log.dropExpired(clock.wallMillis(), busy);
    clock.schedule(settings.retryMs(), this::tick);
  }

  private void pump(HintTarget target, TargetState st) {
    if (stopped || !st.up || st.running || st.retryAtSet && clock.nanoTime() - st.retryAtNanos < 0) {
      return;
    }
    st.running = true;
    nextBatch(target, st);
  }

  private void nextBatch(HintTarget target, TargetState st) {
    if (stopped || !st.up) {
      st.running = false;
      return;
    }
    log.read(target, settings.batchHints(), settings.batchBytes(), clock.wallMillis()).onComplete(read -> {
      if (read.failed()) {
        backOff(target, st, read.cause());
        return;
      }
      List<StoredHint> batch = read.result();
      if (batch.isEmpty()) {
        st.running = false;
        st.backoffMs = 0;
        return;
      }
      long waitNanos = st.limiter.reserve(batch.size(), clock.nanoTime());
      if (waitNanos > 0) {
        clock.schedule((waitNanos + 999_999) / 1_000_000, () -> send(target, st, batch));
      } else {
        send(target, st, batch);
      }
    });
  }

  private void send(HintTarget target, TargetState st, List<StoredHint> batch) {
    if (stopped || !st.up) {
      st.running = false;
      return;
    }
    List<Future<Void>> results = new ArrayList<>(batch.size());
    for (StoredHint h : batch) {
      results.add(attempt(h.hint()));
    }
    Future.join(results).onComplete(all -> {
      int ok = 0;
      while (ok < results.size() && results.get(ok).succeeded()) {
        ok++;
      }
      long failures = results.stream().filter(Future::failed).count();
      counters.countReplayed(ok);
      counters.countFailed(failures);
      long upTo = ok == batch.size() ? batch.get(ok - 1).seq() + 1 : batch.get(ok).seq();
      Throwable cause = ok < batch.size() ? results.get(ok).cause() : null;
      Future<Void> ack = ok > 0 ? log.acknowledge(target, upTo) : Future.succeededFuture();
      ack.onComplete(acked -> {
        if (cause != null || acked.failed()) {
          backOff(target, st, cause != null ? cause : acked.cause());
        } else {
          st.backoffMs = 0;
          nextBatch(target, st);
        }
      });
    });
  }

  private Future<Void> attempt(Hint hint) {
    try {
      Future<Void> f = deliver.apply(hint);
      return f != null ? f : Future.failedFuture("delivery returned no future");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void backOff(HintTarget target, TargetState st, Throwable cause) {
    st.backoffMs = st.backoffMs == 0 ? settings.backoffMinMs() : Math.min(st.backoffMs * 2, settings.backoffMaxMs());
    st.retryAtNanos = clock.nanoTime() + st.backoffMs * 1_000_000;
    st.retryAtSet = true;
    st.running = false;
    long pause = st.backoffMs;
    LOG.fine(() -> "hints for " + target + ": delivery failed (" + cause + "); retrying in " + pause + " ms");
    clock.schedule(pause, () -> pump(target, st));
  }
}
