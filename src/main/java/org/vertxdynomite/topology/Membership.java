package org.vertxdynomite.topology;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster as this node sees it, kept current: {@link #current()} is an immutable {@link
 * Topology}, replaced in one volatile write whenever the membership changes.
 *
 * <p>It listens to the cluster manager's node events (it takes the manager's single {@link
 * NodeListener} slot; Vert.x HA, which would want it too, is off). Each event only schedules a
 * rebuild; a rebuild reads the whole member list ({@code getNodes()}) and every member's
 * metadata ({@code getNodeInfo()}), so it is idempotent and events arriving in a burst are
 * coalesced into one. A member's metadata is stored by that member while its event bus starts,
 * which is after Hazelcast has announced it; until it is readable the member is left out and the
 * rebuild is retried with back-off ({@value #RETRY_MIN_MS} ms doubling to {@value #RETRY_MAX_MS}
 * ms) for as long as the member stays. Metadata that does not parse ({@link NodeInfo#fromJson})
 * leaves that member out, logged once; it never stops the node.
 *
 * <p>A member's metadata is written once, when it joins; its later state changes arrive through
 * {@link #applyState} (from {@link StateBroadcast}) and are laid over the metadata on every rebuild
 * until the member leaves.
 *
 * <p>Everything but {@link #current()} runs on one Vert.x context; change listeners are called on
 * it, after the new snapshot is in place, only when the snapshot actually changed.
 */
public final class Membership {

  /** Delay that gathers a burst of node events into one rebuild, ms. */
  public static final long COALESCE_MS = 20;
  /** First retry delay while a member's metadata is not readable yet, ms. */
  public static final long RETRY_MIN_MS = 50;
  /** Longest retry delay while a member's metadata is not readable yet, ms. */
  public static final long RETRY_MAX_MS = 1000;
  /** A member whose metadata stays unreadable this long is reported once at WARNING, ms. */
  public static final long MISSING_WARN_MS = 10_000;

  private static final Logger LOG = Logger.getLogger(Membership.class.getName());

  /** A change listener's registration. */
  @FunctionalInterface
  public interface Registration {
    /** Stops the listener from being called. */
    void cancel();
  }

  // One member's metadata lookup: the node, or why it is missing and whether to look again.
  private record Lookup(String id, NodeInfo node, String problem, boolean retry) {}

  private final Vertx vertx;
  private final Context context;
  private final ClusterManager clusterManager;
  private volatile NodeInfo self;
  private final List<org.vertxdynomite.config.SeedSpec> configured;
  private final List<Consumer<Topology>> listeners = new CopyOnWriteArrayList<>();
  private volatile Topology current;

  // Confined to the context.
  private boolean scheduled;
  private boolean running;
  private boolean dirty;
  private boolean closed;
  private long retryDelay = RETRY_MIN_MS;
  private long retryTimer = -1;
  private final List<Promise<Topology>> waitingForRebuild = new ArrayList<>();
  private final Set<String> reportedMalformed = new HashSet<>();
  private final Map<String, Long> missingSince = new HashMap<>();
  private final Set<String> reportedMissing = new HashSet<>();
  /** States members reported after joining, by id: they override the state in their metadata. */
  private final Map<String, NodeState> reportedStates = new HashMap<>();

  private Membership(Vertx vertx, ClusterManager clusterManager, NodeInfo self,
      List<org.vertxdynomite.config.SeedSpec> configured) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.clusterManager = clusterManager;
    this.self = self;
    this.configured = List.copyOf(configured);
    this.current = Topology.of(self, List.of(), this.configured);
  }

  /**
   * Starts following the cluster {@code vertx} belongs to through {@code clusterManager}; this
   * node is the one that announced {@code announcement}. Completes after a first rebuild, so {@link
   * #current()} then holds every member whose metadata was already readable.
   *
   * @throws IllegalArgumentException if {@code announcement} is not valid metadata
   */
  public static Future<Membership> start(Vertx vertx, ClusterManager clusterManager, JsonObject announcement) {
    return start(vertx, clusterManager, announcement, List.of());
  }

  /**
   * {@link #start(Vertx, ClusterManager, JsonObject)} for a node whose configuration names
   * {@code configured} nodes ({@code dyn_seeds}): those not live stay on the rings, marked down
   * (see {@link Topology#of(NodeInfo, Collection, Collection)}).
   */
  public static Future<Membership> start(Vertx vertx, ClusterManager clusterManager, JsonObject announcement,
      List<org.vertxdynomite.config.SeedSpec> configured) {
    NodeInfo self = NodeInfo.fromJson(clusterManager.getNodeId(), announcement);
    Membership m = new Membership(vertx, clusterManager, self, configured);
    clusterManager.nodeListener(new NodeListener() {
      @Override
      public void nodeAdded(String nodeId) {
        m.context.runOnContext(v -> m.requestRebuild());
      }

      @Override
      public void nodeLeft(String nodeId) {
        m.context.runOnContext(v -> {
          m.reportedStates.remove(nodeId);
          m.requestRebuild();
        });
      }
    });
    return m.refresh().map(m);
  }

  /** The latest snapshot. Cheap: a volatile read. */
  public Topology current() {
    return current;
  }

  /** This node as it announced itself, in the state it last {@linkplain #applyState applied}. */
  public NodeInfo self() {
    return self;
  }

  /**
   * Records that member {@code id} (this node included) is now in {@code state}, and rebuilds so
   * that the topology shows it. A report about a member not (yet) seen is kept for when it is.
   */
  public void applyState(String id, NodeState state) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    context.runOnContext(v -> {
      if (closed || state == reportedStates.put(id, state)) {
        return;
      }
      if (id.equals(self.id())) {
        self = self.withReportedState(state);
      }
      requestRebuild();
    });
  }

  /**
   * Calls {@code listener} with each new snapshot, on this membership's context, from now on.
   */
  public Registration onChange(Consumer<Topology> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Rebuilds now (after the usual coalescing delay); completes with the snapshot that rebuild made. */
  public Future<Topology> refresh() {
    Promise<Topology> done = Promise.promise();
    context.runOnContext(v -> {
      if (closed) {
        done.fail(new IllegalStateException("membership closed"));
        return;
      }
      waitingForRebuild.add(done);
      requestRebuild();
    });
    return done.future();
  }

  /**
   * The first snapshot, current or coming, that satisfies {@code condition}; fails with a {@link
   * TimeoutException} if none does within {@code timeout}. For start-up ("wait for the seeds") and
   * tests.
   */
  public Future<Topology> until(Predicate<Topology> condition, Duration timeout) {
    Promise<Topology> result = Promise.promise();
    Registration registration = onChange(t -> {
      if (condition.test(t)) {
        result.tryComplete(t);
      }
    });
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> result.tryFail(
        new TimeoutException("no topology matched within " + timeout + "; last: " + current)));
    Topology now = current;
    if (condition.test(now)) {
      result.tryComplete(now);
    }
    return result.future().andThen(ar -> {
      registration.cancel();
      vertx.cancelTimer(timer);
    });
  }

  /** Stops following the cluster: no more rebuilds or listener calls. Does not leave the cluster. */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      clusterManager.nodeListener(null);
      vertx.cancelTimer(retryTimer);
      listeners.clear();
      waitingForRebuild.forEach(p -> p.tryFail(new IllegalStateException("membership closed")));
      waitingForRebuild.clear();
      done.complete();
    });
    return done.future();
  }

  private void requestRebuild() {
    dirty = true;
    if (!running && !scheduled && !closed) {
      scheduled = true;
      vertx.setTimer(COALESCE_MS, id -> {
        scheduled = false;
        rebuild();
      });
    }
  }

  private void rebuild() {
    if (closed) {
      return;
    }
    List<String> ids;
    try {
      ids = clusterManager.getNodes();
    } catch (RuntimeException e) {
      // The cluster manager is stopping or not yet connected: try again later.
      LOG.log(Level.WARNING, "cannot list the cluster members", e);
      scheduleRetry();
      return;
    }
    running = true;
    dirty = false;
    List<Promise<Topology>> waiting = List.copyOf(waitingForRebuild);
    waitingForRebuild.clear();
    List<Future<Lookup>> lookups = new ArrayList<>();
    for (String id : ids) {
      if (!id.equals(self.id())) {
        lookups.add(lookUp(id));
      }
    }
    Future.join(lookups).onComplete(ar -> context.runOnContext(v -> finish(lookups, waiting)));
  }

  private Future<Lookup> lookUp(String id) {
    Promise<io.vertx.core.spi.cluster.NodeInfo> info = Promise.promise();
    clusterManager.getNodeInfo(id, info);
    return info.future().transform(ar -> {
      if (ar.failed()) {
        return Future.succeededFuture(new Lookup(id, null, String.valueOf(ar.cause().getMessage()), true));
      }
      try {
        return Future.succeededFuture(new Lookup(id, NodeInfo.fromJson(id, ar.result().metadata()), null, false));
      } catch (IllegalArgumentException e) {
        return Future.succeededFuture(new Lookup(id, null, e.getMessage(), false));
      }
    });
  }

  private void finish(List<Future<Lookup>> lookups, List<Promise<Topology>> waiting) {
    running = false;
    if (closed) {
      waiting.forEach(p -> p.tryFail(new IllegalStateException("membership closed")));
      return;
    }
    List<NodeInfo> members = new ArrayList<>();
    Set<String> missing = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Future<Lookup> f : lookups) {
      Lookup l = f.result();
      seen.add(l.id());
      if (l.node() != null) {
        NodeState reported = reportedStates.get(l.id());
        members.add(reported == null ? l.node() : l.node().withReportedState(reported));
      } else if (l.retry()) {
        missing.add(l.id());
      } else if (reportedMalformed.add(l.id())) {
        LOG.severe("node " + self.id() + " ignores cluster member " + l.id() + ": " + l.problem());
      }
    }
    reportedMalformed.retainAll(seen);
    noteMissing(missing);
    publish(Topology.of(self, members, configured));
    waiting.forEach(p -> p.tryComplete(current));
    if (!missing.isEmpty()) {
      scheduleRetry();
    } else {
      retryDelay = RETRY_MIN_MS;
    }
    if (dirty) {
      requestRebuild();
    }
  }

  private void noteMissing(Set<String> missing) {
    long now = System.currentTimeMillis();
    missingSince.keySet().retainAll(missing);
    reportedMissing.retainAll(missing);
    for (String id : missing) {
      long since = missingSince.computeIfAbsent(id, k -> now);
      if (now - since >= MISSING_WARN_MS && reportedMissing.add(id)) {
        LOG.warning("cluster member " + id + " has published no metadata for " + (now - since)
            + " ms; left out until it does");
      }
    }
  }

  private void scheduleRetry() {
    if (retryTimer >= 0) {
      return;
    }
    long delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    retryTimer = vertx.setTimer(delay, id -> {
      retryTimer = -1;
      requestRebuild();
    });
  }

  private void publish(Topology next) {
    Topology previous = current;
    if (next.equals(previous)) {
      return;
    }
    current = next;
    LOG.info("topology changed: " + next);
    for (Topology.Exclusion e : next.excluded()) {
      if (!previous.excluded().contains(e)) {
        LOG.severe(e.describe());
      }
    }
    for (Consumer<Topology> listener : listeners) {
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "topology listener failed", e);
      }
    }
  }
}
