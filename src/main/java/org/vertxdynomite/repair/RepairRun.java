package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.warmup.HashRange;

/**
 * One repair run of this node against its peers ({@link RepairPlan}), one pair after the other.
 * For a pair: both replicas digest the shared ranges ({@link Digest}, scanned in paced steps, in
 * parallel); if buckets differ, both list the keys of those buckets with their values and fence
 * timestamps, the peer's fence is asked about keys only this node has, each key is decided ({@link
 * Resolution}), and the writes go to the replica that needs them ({@link RepairWrite}, applied
 * only if its fence has not moved since). A pair that fails (timeout, peer gone) is counted and
 * the run goes on with the next.
 */
final class RepairRun {

  private static final Logger LOG = Logger.getLogger(RepairRun.class.getName());

  private final Vertx vertx;
  private final LocalReplica local;
  private final Function<NodeInfo, Replica> remote;
  private final List<RepairPlan.Pair> pairs;
  private final RepairSettings settings;
  private final RepairCounts counts;
  private final List<String> failedPairs = new ArrayList<>();
  private volatile boolean stopped;

  RepairRun(Vertx vertx, LocalReplica local, Function<NodeInfo, Replica> remote, List<RepairPlan.Pair> pairs,
      RepairSettings settings, RepairCounts counts) {
    this.vertx = vertx;
    this.local = local;
    this.remote = remote;
    this.pairs = List.copyOf(pairs);
    this.settings = settings;
    this.counts = counts;
  }

  /** The peers compared with, {@code dc/rack host:port}. */
  List<String> peers() {
    return pairs.stream().map(p -> p.peer().dc() + "/" + p.peer().rack() + " " + p.peer().peerAddress()).toList();
  }

  /** The pairs that failed so far, with why. */
  synchronized List<String> failedPairs() {
    return List.copyOf(failedPairs);
  }

  /** Makes the run end after the step in flight. */
  void stop() {
    stopped = true;
  }

  /** Runs every pair; fails only when stopped. */
  Future<Void> run() {
    Future<Void> chain = Future.succeededFuture();
    for (RepairPlan.Pair p : pairs) {
      Replica peer = remote.apply(p.peer());
      chain = chain.compose(v -> pair(peer, p.ranges()).recover(e -> {
        if (stopped) {
          return Future.failedFuture(e);
        }
        counts.add(RepairCounts.Kind.FAILED_PAIRS, 1);
        synchronized (this) {
          failedPairs.add(peer.name() + ": " + e.getMessage());
        }
        LOG.warning("repair with " + peer.name() + " failed: " + e.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain;
  }

  private Future<Void> pair(Replica peer, List<HashRange> ranges) {
    Future<Scanned> mine = scanAll(local, ranges, null);
    Future<Scanned> theirs = scanAll(peer, ranges, null);
    return Future.all(mine, theirs).compose(v -> {
      counts.add(RepairCounts.Kind.COMPARED, mine.result().digest.keys());
      List<Integer> differing = mine.result().digest.differing(theirs.result().digest);
      if (differing.isEmpty()) {
        return Future.succeededFuture();
      }
      counts.add(RepairCounts.Kind.DIFFERING_BUCKETS, differing.size());
      Set<Integer> buckets = new HashSet<>(differing);
      Future<Scanned> a = scanAll(local, ranges, buckets);
      Future<Scanned> b = scanAll(peer, ranges, buckets);
      return Future.all(a, b).compose(w -> reconcile(peer, a.result(), b.result()));
    });
  }

  /** Decides every key of the differing buckets and sends the writes. */
  private Future<Void> reconcile(Replica peer, Scanned a, Scanned b) {
    List<byte[]> onlyHere = new ArrayList<>();
    a.entries.keySet().stream().filter(k -> !b.entries.containsKey(k)).forEach(k -> onlyHere.add(Keys.bytes(k)));
    List<byte[]> onlyThere = new ArrayList<>();
    b.entries.keySet().stream().filter(k -> !a.entries.containsKey(k)).forEach(k -> onlyThere.add(Keys.bytes(k)));
    Future<Map<String, KeyVersion>> peerKnows = onlyHere.isEmpty() ? Future.succeededFuture(Map.of())
        : peer.remembered(onlyHere);
    Future<Map<String, KeyVersion>> iKnow = local.remembered(onlyThere);
    return Future.all(peerKnows, iKnow).compose(v -> {
      Map<String, KeyVersion> atA = new LinkedHashMap<>(iKnow.result());
      atA.putAll(a.entries);
      Map<String, KeyVersion> atB = new LinkedHashMap<>(peerKnows.result());
      atB.putAll(b.entries);
      long settledBefore = (System.currentTimeMillis() - settings.settleMillis()) << HybridClock.LOGICAL_BITS;
      Map<Decision.Action, List<RepairWrite>> here = new EnumMap<>(Decision.Action.class);
      Map<Decision.Action, List<RepairWrite>> there = new EnumMap<>(Decision.Action.class);
      Set<String> keys = new LinkedHashSet<>(atA.keySet());
      keys.addAll(atB.keySet());
      for (String key : keys) {
        KeyVersion va = atA.get(key);
        KeyVersion vb = atB.get(key);
        Decision d = Resolution.decide(va, a.flushedAt, vb, b.flushedAt, settledBefore);
        count(d);
        if (d.action() != Decision.Action.NONE) {
          KeyVersion target = d.atA() ? va : vb;
          KeyVersion source = d.atA() ? vb : va;
          RepairWrite w = new RepairWrite(d.action(), Keys.bytes(key), source.payload(), source.expireAt(),
              target.newest(), d.atA() ? a.flushedAt : b.flushedAt, d.stamp());
          (d.atA() ? here : there).computeIfAbsent(d.action(), x -> new ArrayList<>()).add(w);
        }
      }
      return send(local, here).compose(x -> send(peer, there));
    });
  }

  private void count(Decision d) {
    if (d.outcome() == Decision.Outcome.DEFERRED) {
      counts.add(RepairCounts.Kind.DEFERRED, 1);
    }
    RepairCounts.Kind conflict = RepairCounts.conflictOf(d.outcome());
    if (conflict != null) {
      counts.add(conflict, 1);
    }
  }

  /** Applies the writes for {@code to}, action by action, {@value RepairSettings#WRITES_PER_REQUEST} per request. */
  private Future<Void> send(Replica to, Map<Decision.Action, List<RepairWrite>> writes) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<Decision.Action, List<RepairWrite>> e : writes.entrySet()) {
      List<RepairWrite> all = e.getValue();
      RepairCounts.Kind done = switch (e.getKey()) {
        case COPY -> RepairCounts.Kind.COPIED;
        case REPLACE -> RepairCounts.Kind.REPLACED;
        default -> RepairCounts.Kind.DELETED;
      };
      for (int from = 0; from < all.size(); from += RepairSettings.WRITES_PER_REQUEST) {
        List<RepairWrite> part = all.subList(from, Math.min(all.size(), from + RepairSettings.WRITES_PER_REQUEST));
        chain = chain.compose(v -> to.apply(part)).map(r -> {
          counts.add(done, r.applied());
          counts.add(RepairCounts.Kind.RACED, r.raced());
          counts.add(RepairCounts.Kind.FAILED, r.failed());
          return null;
        });
      }
    }
    return chain;
  }

  /** What one replica's complete scan found. */
  private static final class Scanned {
    final Digest digest = new Digest();
    final Map<String, KeyVersion> entries = new LinkedHashMap<>();
    long flushedAt;
    long scanned;
  }

  /** Scans {@code ranges} of {@code r} from the start, step by step, paced to the rate. */
  private Future<Scanned> scanAll(Replica r, List<HashRange> ranges, Set<Integer> buckets) {
    return step(r, ranges, buckets, "0", new Scanned(), System.nanoTime());
  }

  private Future<Scanned> step(Replica r, List<HashRange> ranges, Set<Integer> buckets, String cursor, Scanned acc,
      long startNanos) {
    if (stopped) {
      return Future.failedFuture("repair stopped");
    }
    return r.scan(cursor, settings.batchSize(), ranges, buckets).compose(s -> {
      if ("0".equals(cursor)) {
        // The first step's: a flush during the scan then makes the writes based on it fail (raced).
        acc.flushedAt = s.flushedAt();
      }
      acc.scanned += s.scanned();
      if (s.digest() != null) {
        acc.digest.merge(s.digest());
      } else {
        acc.entries.putAll(s.entries());
      }
      if ("0".equals(s.cursor())) {
        return Future.succeededFuture(acc);
      }
      return pace(startNanos, acc.scanned).compose(v -> step(r, ranges, buckets, s.cursor(), acc, startNanos));
    });
  }

  /** Waits as long as keeps the scan of one replica at {@link RepairSettings#keysPerSecond()}. */
  private Future<Void> pace(long startNanos, long scanned) {
    long dueNanos = startNanos + scanned * 1_000_000_000L / settings.keysPerSecond();
    long waitMs = (dueNanos - System.nanoTime()) / 1_000_000;
    if (waitMs < 1) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(waitMs, id -> p.complete());
    return p.future();
  }
}
