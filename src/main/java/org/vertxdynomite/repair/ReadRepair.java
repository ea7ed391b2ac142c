package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Logger;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.coordinator.ReadObserver;
import org.vertxdynomite.coordinator.ReplyComparison;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.Topology;

/**
 * Read repair ({@code read_repairs_enabled}): when the local replicas' replies to a single-key
 * quorum read disagree, the key is repaired on its replicas in the background ({@link KeyRepair}:
 * anti-entropy's resolution rule and fenced writes, for that one key). The client's reply does not
 * wait for it and is not changed by it.
 *
 * <p>Bounded: at most {@link #MAX_IN_FLIGHT} repairs at a time on this node (beyond that a
 * disagreeing read is {@link Event#DROPPED dropped}, and counted), and never two of the same key
 * (a repeat while one is in flight is {@link Event#COALESCED coalesced}). Every request to a peer
 * has its own timeout ({@link RemoteReplica}); nothing blocks: the observer only adds a listener
 * to the replies.
 */
public final class ReadRepair implements ReadObserver {

  /** Read repairs in flight at most, per node. */
  public static final int MAX_IN_FLIGHT = 64;

  private static final Logger LOG = Logger.getLogger(ReadRepair.class.getName());

  /** What became of disagreeing reads. */
  public enum Event {
    /** A repair of the key started. */
    STARTED,
    /** Not repaired: {@link #MAX_IN_FLIGHT} repairs were in flight already. */
    DROPPED,
    /** Not repaired again: a repair of the same key was in flight. */
    COALESCED,
    /** A repair that failed: a replica did not answer in time, or its datastore failed. */
    FAILED;

    /** Lower-case name for JSON and metric tags. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Repairs one key on its replicas in a topology. */
  @FunctionalInterface
  interface Repairer {
    Future<Void> repair(Topology t, byte[] key);
  }

  private final boolean enabled;
  private final int maxInFlight;
  private final Repairer repairer;
  private final RepairCounts keys;
  private final AtomicLongArray events = new AtomicLongArray(Event.values().length);
  private final AtomicInteger running = new AtomicInteger();
  private final Set<String> keysInFlight = ConcurrentHashMap.newKeySet();

  /**
   * @param enabled {@code read_repairs_enabled}; when false, reads are not even looked at
   * @param keys where the repairs' outcomes (copied, replaced, deleted, deferred, raced, conflicts)
   *     are counted: the one the {@code repairer} counts in
   */
  ReadRepair(boolean enabled, int maxInFlight, Repairer repairer, RepairCounts keys) {
    this.enabled = enabled;
    this.maxInFlight = maxInFlight;
    this.repairer = repairer;
    this.keys = keys;
  }

  @Override
  public void observe(Topology t, RespRequest request, CommandInfo info, List<String> racks,
      List<Future<Reply>> replies) {
    if (!enabled || replies.size() < 2) {
      return;
    }
    int[] positions = info.keyPositions(request);
    if (positions.length != 1) {
      // Multi-key reads (MGET of several keys) are left to anti-entropy.
      return;
    }
    byte[] key = request.arg(positions[0]);
    ReplyComparison comparison = ReplyComparison.forCommand(info);
    Future.join(replies).onComplete(ar -> {
      if (disagree(replies, comparison)) {
        start(t, key);
      }
    });
  }

  /**
   * Whether two of the replies that came are different answers. Failures and {@code ERR} replies
   * (a replica's datastore or peer link failing) are no answers; other errors (WRONGTYPE) are.
   */
  static boolean disagree(List<Future<Reply>> replies, ReplyComparison comparison) {
    Reply first = null;
    for (Future<Reply> f : replies) {
      if (!f.succeeded() || f.result() instanceof RespError e && "ERR".equals(e.code())) {
        continue;
      }
      if (first == null) {
        first = f.result();
      } else if (!comparison.matches(first, f.result())) {
        return true;
      }
    }
    return false;
  }

  private void start(Topology t, byte[] key) {
    String k = Keys.of(key);
    if (!keysInFlight.add(k)) {
      add(Event.COALESCED);
      return;
    }
    if (running.incrementAndGet() > maxInFlight) {
      running.decrementAndGet();
      keysInFlight.remove(k);
      add(Event.DROPPED);
      return;
    }
    add(Event.STARTED);
    Future<Void> done;
    try {
      done = repairer.repair(t, key);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(ar -> {
      keysInFlight.remove(k);
      running.decrementAndGet();
      if (ar.failed()) {
        add(Event.FAILED);
        LOG.fine("read repair of " + k + " failed: " + ar.cause().getMessage());
      }
    });
  }

  private void add(Event e) {
    events.incrementAndGet(e.ordinal());
  }

  /** How many disagreeing reads came to {@code e} since this node started. */
  public long count(Event e) {
    return events.get(e.ordinal());
  }

  /** Repairs in flight now. */
  public int inFlight() {
    return running.get();
  }

  /** What the repairs did with the keys, since this node started. */
  public RepairCounts keys() {
    return keys;
  }

  public boolean enabled() {
    return enabled;
  }

  /** For {@code /repair}: enabled, the bound, in flight, the events and the keys' counts that apply. */
  public JsonObject status() {
    JsonObject s = new JsonObject().put("enabled", enabled).put("max_in_flight", maxInFlight)
        .put("in_flight", inFlight());
    for (Event e : Event.values()) {
      s.put(e.tag(), count(e));
    }
    JsonObject k = new JsonObject();
    for (RepairCounts.Kind kind : RepairCounts.Kind.values()) {
      if (appliesToReadRepair(kind)) {
        k.put(kind.tag(), keys.get(kind));
      }
    }
    return s.put("keys", k);
  }

  /** The counts a read repair moves: all but a run's digest figures and failed comparisons. */
  static boolean appliesToReadRepair(RepairCounts.Kind kind) {
    return kind != RepairCounts.Kind.COMPARED && kind != RepairCounts.Kind.DIFFERING_BUCKETS
        && kind != RepairCounts.Kind.FAILED_COMPARISONS;
  }
}
