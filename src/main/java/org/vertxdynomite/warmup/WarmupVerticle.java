package org.vertxdynomite.warmup;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.LocalNodeState;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.StateBroadcast;
import org.vertxdynomite.topology.Topology;

/**
 * A clustered node's warm-up: serves other nodes as a donor ({@link DonorService}), and fills this
 * node from its replicas when it starts empty ({@code warmup: auto}) or when an operator asks
 * ({@link #begin()}, the admin port's {@code /warmup/start}).
 *
 * <p>With {@code warmup: auto} the node starts in STANDBY ({@link
 * org.vertxdynomite.topology.StartState}) and decides at once: NORMAL when its datastore holds data
 * or no replica has any to give, otherwise a warm-up. An empty node first waits to hear every
 * member's state ({@link StateBroadcast#heardFromEveryMember}, at most {@value #PEERS_WAIT_MS} ms),
 * since only NORMAL replicas may give data.
 *
 * <p>A warm-up moves the node STANDBY → WRITES_ONLY, copies ({@link WarmupRun}), then RESUMING →
 * NORMAL. From its first step the {@link WarmupGuard} records the keys written here, and keeps
 * recording after a failure, until a warm-up succeeds or an operator sets the node NORMAL. A failed
 * warm-up leaves the node in STANDBY, reported here ({@link #status()}), in the log at SEVERE and in
 * the metrics; it can be started again.
 *
 * <p>Progress is logged every {@value #LOG_EVERY_MS} ms while it runs.
 */
public final class WarmupVerticle extends VerticleBase {

  /** Where the last warm-up stands. */
  public enum Phase {
    /** None ran since this node started. */
    IDLE,
    /** One is running. */
    RUNNING,
    /** The last one copied everything; the node went NORMAL. */
    DONE,
    /** The last one stopped without finishing; see the error. */
    FAILED
  }

  /** How often a running warm-up logs its progress, ms. */
  public static final long LOG_EVERY_MS = 5000;
  /** How long an empty node waits at most to hear its peers' states before deciding, ms. */
  public static final long PEERS_WAIT_MS = StateBroadcast.REPEAT_MS + 1000;

  private static final Logger LOG = Logger.getLogger(WarmupVerticle.class.getName());

  private final Membership membership;
  private final StateBroadcast states;
  private final LocalNodeState state;
  private final Datastore store;
  private final WarmupGuard guard;
  private final Partitioner partitioner;
  private final WarmupSettings settings;
  private final WriteFence fence;
  private DonorService donor;
  private volatile Phase phase = Phase.IDLE;
  private volatile WarmupProgress progress;
  private volatile WarmupRun run;
  private volatile String error;
  private volatile long startedAt;
  private volatile long endedAt;

  /**
   * @param store this node's datastore without the guard in front
   * @param guard the guard in front of the datastore every write goes through ({@link GuardedDatastore})
   * @param fence this node's write fence: what a donor tells of its keys, and what copies restored
   *     here hold
   */
  public WarmupVerticle(Membership membership, StateBroadcast states, LocalNodeState state, Datastore store,
      WarmupGuard guard, Partitioner partitioner, WarmupSettings settings, WriteFence fence) {
    this.fence = fence;
    this.membership = membership;
    this.states = states;
    this.state = state;
    this.store = store;
    this.guard = guard;
    this.partitioner = partitioner;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    state.onChange(s -> {
      if (s == NodeState.NORMAL && phase != Phase.RUNNING) {
        // An operator declared the node complete: nothing left for the guard to protect.
        guard.deactivate();
      }
    });
    return DonorService.start(vertx, membership.self(), store, partitioner, fence).compose(d -> {
      donor = d;
      return settings.mode() == WarmupMode.AUTO ? autoStart() : Future.succeededFuture();
    });
  }

  @Override
  public Future<?> stop() {
    WarmupRun r = run;
    if (r != null) {
      r.stop();
    }
    return donor == null ? Future.succeededFuture() : donor.close();
  }

  /**
   * Starts a warm-up at once when this node's datastore is empty and a replica that could give its
   * ranges has data, and otherwise makes the node NORMAL; completes once decided (not when the
   * warm-up ends). A node that cannot decide (its datastore does not answer) goes NORMAL, as it
   * would have without a warm-up.
   */
  private Future<Void> autoStart() {
    return dbSize(store).<Boolean>compose(size -> {
      // Writes and hints may reach the node before it decides; the guard, active from the start,
      // counts their keys, so a datastore holding only those still counts as having started empty.
      int written = guard.writtenKeys();
      if (size > written) {
        LOG.info("warm-up: the datastore holds " + size + " keys; none needed");
        return Future.succeededFuture(false);
      }
      if (size > 0) {
        LOG.info("warm-up: the datastore holds " + size + " keys, all written since the node started");
      }
      return states.heardFromEveryMember(PEERS_WAIT_MS).compose(v -> {
        Topology t = membership.current();
        DonorPlan plan = DonorPlan.of(t, t.self());
        if (plan.isEmpty()) {
          LOG.info("warm-up: the datastore is empty, and no replica in another rack is there to give data");
          return Future.succeededFuture(false);
        }
        return anyHasData(plan).andThen(has -> {
          if (!has.result()) {
            LOG.info("warm-up: the datastore is empty, and so are its replicas; none needed");
          }
        });
      });
    }).recover(e -> {
      LOG.warning("warm-up: could not decide whether to warm up, so none: " + e.getMessage());
      return Future.succeededFuture(false);
    }).map(warm -> {
      if (warm) {
        begin();
      } else {
        serve();
      }
      return null;
    });
  }

  /** No warm-up needed: the node serves reads from now on. */
  private void serve() {
    try {
      state.moveTo(NodeState.NORMAL);
    } catch (IllegalStateException e) {
      LOG.warning("warm-up: none needed, but the node's state was changed to " + state.get() + " meanwhile; left as it is");
    }
  }

  private Future<Boolean> anyHasData(DonorPlan plan) {
    List<Future<Long>> sizes = new ArrayList<>();
    for (NodeInfo d : plan.assignment(java.util.Set.of(), java.util.Set.of()).keySet()) {
      sizes.add(vertx.eventBus().<JsonObject>request(DonorService.address(d), new JsonObject().put("op", "size"),
          new DeliveryOptions().setSendTimeout(settings.requestTimeoutMillis()))
          .map(m -> m.body().getLong("keys")).otherwise(0L));
    }
    return Future.join(sizes).map(all -> sizes.stream().anyMatch(f -> f.result() > 0));
  }

  private static Future<Long> dbSize(Datastore store) {
    RespRequest r = RespRequest.of("DBSIZE");
    return store.execute(r, CommandTable.get().lookup(r)).map(reply -> ((IntegerReply) reply).value());
  }

  /**
   * Starts a warm-up now; its outcome shows in {@link #status()}.
   *
   * @return the status as it starts
   * @throws IllegalStateException if one is running already
   */
  public synchronized JsonObject begin() {
    if (phase == Phase.RUNNING) {
      throw new IllegalStateException("a warm-up is running already");
    }
    guard.activate();
    if (state.get() != NodeState.STANDBY) {
      state.moveTo(NodeState.STANDBY);
    }
    state.moveTo(NodeState.WRITES_ONLY);
    WarmupProgress p = new WarmupProgress(System::currentTimeMillis);
    WarmupRun r = new WarmupRun(vertx, membership.current(), store, guard, fence, settings, p);
    progress = p;
    run = r;
    error = null;
    startedAt = System.currentTimeMillis();
    endedAt = 0;
    phase = Phase.RUNNING;
    long timer = vertx.setPeriodic(LOG_EVERY_MS, id -> LOG.info("warm-up: " + p.snapshot().describe()
        + (r.donor().isEmpty() ? "" : ", from " + r.donor())));
    r.run().onComplete(ar -> {
      vertx.cancelTimer(timer);
      finished(p, ar.failed() ? ar.cause() : null);
    });
    return status();
  }

  private synchronized void finished(WarmupProgress p, Throwable failure) {
    p.end();
    endedAt = System.currentTimeMillis();
    if (failure == null) {
      phase = Phase.DONE;
      try {
        state.moveTo(NodeState.RESUMING);
        state.moveTo(NodeState.NORMAL);
      } catch (IllegalStateException e) {
        LOG.warning("warm-up: copied everything, but the node's state was changed to " + state.get()
            + " meanwhile; left as it is");
      }
      guard.deactivate();
      LOG.info("warm-up done: " + p.snapshot().describe());
    } else {
      phase = Phase.FAILED;
      error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
      state.moveTo(NodeState.STANDBY);
      LOG.severe("warm-up FAILED, the node stays in STANDBY (serving no reads): " + error + "; "
          + p.snapshot().describe());
    }
  }

  public Phase phase() {
    return phase;
  }

  /** The progress of the running or last warm-up, if any ran. */
  public Optional<WarmupProgress.Snapshot> progress() {
    WarmupProgress p = progress;
    return p == null ? Optional.empty() : Optional.of(p.snapshot());
  }

  /** Keys recorded as written here during the warm-up (the ones its copies skip). */
  public int guardedKeys() {
    return guard.writtenKeys();
  }

  /**
   * What the admin port's {@code /warmup} shows: {@code status} (idle|running|done|failed), the node
   * {@code state}, {@code mode}, the current {@code donor}, {@code error} after a failure, start and
   * end times, and {@code progress} ({@link WarmupProgress.Snapshot#toJson()}).
   */
  public JsonObject status() {
    JsonObject s = new JsonObject()
        .put("status", phase.name().toLowerCase(Locale.ROOT))
        .put("state", state.get().name())
        .put("mode", settings.mode().configName())
        .put("guard_active", guard.active());
    WarmupRun r = run;
    if (r != null && phase == Phase.RUNNING) {
      s.put("donor", r.donor());
    }
    if (error != null) {
      s.put("error", error);
    }
    if (startedAt > 0) {
      s.put("started_at", startedAt);
    }
    if (endedAt > 0) {
      s.put("ended_at", endedAt);
    }
    progress().ifPresent(p -> s.put("progress", p.toJson()));
    return s;
  }
}
