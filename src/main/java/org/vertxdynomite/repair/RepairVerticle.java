package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.vertxdynomite.topology.LocalNodeState;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.topology.NodeState;

/**
 * A clustered node's anti-entropy: serves its peers' repair requests ({@link RepairService}),
 * runs a repair every {@link RepairSettings#intervalMillis()} (counted from the end of the last
 * run; never when 0), and one at once when asked ({@link #begin()}, the admin port's
 * {@code /repair/start}). Only a NORMAL node repairs (a warming one is still copying).
 *
 * <p>Periodic runs compare only the groups of replicas where this node has the lowest id ({@link
 * RepairPlan}), so that each group is compared once per interval; a run asked for compares every
 * group this node is in.
 */
public final class RepairVerticle extends VerticleBase {

  /** Where the last run stands. */
  public enum Phase {
    /** None ran since this node started. */
    IDLE,
    /** One is running. */
    RUNNING,
    /** The last one went through every group (some comparisons may have failed: see its counts). */
    DONE,
    /** The last one was stopped. */
    FAILED
  }

  private static final Logger LOG = Logger.getLogger(RepairVerticle.class.getName());

  private final Membership membership;
  private final LocalNodeState state;
  private final LocalReplica local;
  private final RepairSettings settings;
  private final ReadRepair readRepair;
  private final RepairCounts totals = new RepairCounts();
  private RepairService service;
  private long timer = -1;
  private volatile boolean stopping;
  private volatile Phase phase = Phase.IDLE;
  private volatile RepairRun run;
  private volatile RepairCounts last;
  private volatile String trigger;
  private volatile String error;
  private volatile long startedAt;
  private volatile long endedAt;
  private volatile long runs;

  RepairVerticle(Membership membership, LocalNodeState state, LocalReplica local, RepairSettings settings,
      ReadRepair readRepair) {
    this.membership = membership;
    this.readRepair = readRepair;
    this.state = state;
    this.local = local;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    return RepairService.start(vertx, membership.self(), local).map(s -> {
      service = s;
      schedule();
      return s;
    });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    RepairRun r = run;
    if (r != null) {
      r.stop();
    }
    return service == null ? Future.succeededFuture() : service.close();
  }

  private void schedule() {
    if (settings.intervalMillis() > 0 && !stopping) {
      timer = vertx.setTimer(settings.intervalMillis(), id -> periodic());
    }
  }

  private void periodic() {
    Future<Void> done;
    synchronized (this) {
      done = phase == Phase.RUNNING || state.get() != NodeState.NORMAL ? null : launch(true, "periodic");
    }
    if (done == null) {
      schedule();
    } else {
      done.onComplete(ar -> schedule());
    }
  }

  /**
   * Starts a run against every peer now; its outcome shows in {@link #status()}.
   *
   * @return the status as it starts
   * @throws IllegalStateException if one is running, or this node is not NORMAL
   */
  public synchronized JsonObject begin() {
    if (phase == Phase.RUNNING) {
      throw new IllegalStateException("a repair is running already");
    }
    if (state.get() != NodeState.NORMAL) {
      throw new IllegalStateException("this node is " + state.get() + "; only a NORMAL node repairs");
    }
    launch(false, "admin");
    return status();
  }

  private Future<Void> launch(boolean lowerIdOnly, String why) {
    RepairCounts counts = new RepairCounts(totals);
    RepairRun r = new RepairRun(vertx, local, peer -> new RemoteReplica(vertx, peer, settings.requestTimeoutMillis()),
        RepairPlan.of(membership.current(), lowerIdOnly), settings, counts);
    run = r;
    last = counts;
    trigger = why;
    error = null;
    startedAt = System.currentTimeMillis();
    endedAt = 0;
    phase = Phase.RUNNING;
    return r.run().andThen(ar -> finished(r, counts, ar.failed() ? ar.cause() : null));
  }

  private synchronized void finished(RepairRun r, RepairCounts counts, Throwable failure) {
    endedAt = System.currentTimeMillis();
    runs++;
    phase = failure == null ? Phase.DONE : Phase.FAILED;
    error = failure == null ? null : String.valueOf(failure.getMessage());
    String summary = "repair (" + trigger + ") with " + r.peers() + " in " + (endedAt - startedAt) + " ms: "
        + counts.toJson().encode();
    // INFO only when something was written, conflicted or failed; differences deferred are routine under load.
    boolean changed = failure != null;
    for (RepairCounts.Kind k : RepairCounts.Kind.values()) {
      boolean routine = k == RepairCounts.Kind.COMPARED || k == RepairCounts.Kind.DIFFERING_BUCKETS
          || k == RepairCounts.Kind.DEFERRED;
      changed |= !routine && counts.get(k) > 0;
    }
    if (changed) {
      LOG.info(summary);
    } else {
      LOG.fine(summary);
    }
  }

  public Phase phase() {
    return phase;
  }

  /** Counts since this node started. */
  public RepairCounts totals() {
    return totals;
  }

  /** The node's read repair (the coordinator's {@code ReadObserver}); it does nothing when disabled. */
  public ReadRepair readRepair() {
    return readRepair;
  }

  /** Runs ended since this node started. */
  public long runs() {
    return runs;
  }

  /**
   * What the admin port's {@code /repair} shows: {@code status} (idle|running|done|failed), the
   * {@code interval_ms} and {@code keys_per_second}, {@code runs} ended, the last run ({@code
   * trigger}, {@code peers}, times, {@code failures}, its {@code counts}), {@code totals}, and
   * {@code read_repair} ({@link ReadRepair#status()}).
   */
  public JsonObject status() {
    JsonObject s = new JsonObject()
        .put("status", phase.name().toLowerCase(Locale.ROOT))
        .put("interval_ms", settings.intervalMillis())
        .put("keys_per_second", settings.keysPerSecond())
        .put("runs", runs);
    RepairRun r = run;
    RepairCounts c = last;
    if (r != null && c != null) {
      JsonObject l = new JsonObject().put("trigger", trigger).put("peers", new JsonArray(r.peers()))
          .put("started_at", startedAt);
      if (endedAt > 0) {
        l.put("ended_at", endedAt);
      }
      List<String> failed = r.failures();
      if (!failed.isEmpty()) {
        l.put("failures", new JsonArray(failed));
      }
      if (error != null) {
        l.put("error", error);
      }
      s.put("last", l.put("counts", c.toJson()));
    }
    return s.put("totals", totals.toJson()).put("read_repair", readRepair.status());
  }
}
