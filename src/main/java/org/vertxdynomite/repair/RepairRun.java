package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.handoff.RateLimiter;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.warmup.HashRange;

/**
 * One repair run of this node against its peers ({@link RepairPlan}), one group after the other.
 * For a group: every replica digests the shared ranges ({@link Digest}, scanned in paced steps, in
 * parallel); if any bucket differs from this node's, every replica lists the keys of those buckets
 * with their values and fence timestamps, each is asked what its fence remembers of the keys it
 * lacks, each key is decided ({@link Resolution}), and the writes go to the replicas that need them
 * ({@link RepairWrite}, applied only if their fence has not moved since). A group that fails
 * (timeout, peer gone) is counted and the run goes on with the next.
 */
final class RepairRun {

  private static final Logger LOG = Logger.getLogger(RepairRun.class.getName());

  private final Vertx vertx;
  private final LocalReplica local;
  private final Function<NodeInfo, Replica> remote;
  private final List<RepairPlan.Group> groups;
  private final RepairSettings settings;
  private final RepairCounts counts;
  private final List<String> failed = new ArrayList<>();
  private volatile boolean stopped;

  RepairRun(Vertx vertx, LocalReplica local, Function<NodeInfo, Replica> remote, List<RepairPlan.Group> groups,
      RepairSettings settings, RepairCounts counts) {
    this.vertx = vertx;
    this.local = local;
    this.remote = remote;
    this.groups = List.copyOf(groups);
    this.settings = settings;
    this.counts = counts;
  }

  /** The peers compared with, {@code dc/rack host:port}. */
  List<String> peers() {
    return groups.stream().flatMap(g -> g.peers().stream()).distinct()
        .map(p -> p.dc() + "/" + p.rack() + " " + p.peerAddress()).toList();
  }

  /** The comparisons that failed so far, with why. */
  synchronized List<String> failures() {
    return List.copyOf(failed);
  }

  /** Makes the run end after the step in flight. */
  void stop() {
    stopped = true;
  }

  /** Runs every group; fails only when stopped. */
  Future<Void> run() {
    Future<Void> chain = Future.succeededFuture();
    for (RepairPlan.Group g : groups) {
      List<Replica> replicas = new ArrayList<>();
      replicas.add(local);
      g.peers().forEach(p -> replicas.add(remote.apply(p)));
      String names = replicas.stream().skip(1).map(Replica::name).toList().toString();
      chain = chain.compose(v -> group(replicas, g.ranges()).recover(e -> {
        if (stopped) {
          return Future.failedFuture(e);
        }
        counts.add(RepairCounts.Kind.FAILED_COMPARISONS, 1);
        synchronized (this) {
          failed.add(names + ": " + e.getMessage());
        }
        LOG.warning("repair with " + names + " failed: " + e.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain;
  }

  /** Compares this node ({@code replicas} 0) with its peers over {@code ranges}. */
  private Future<Void> group(List<Replica> replicas, List<HashRange> ranges) {
    List<Future<Scanned>> digests = new ArrayList<>();
    replicas.forEach(r -> digests.add(scanAll(r, ranges, null)));
    return Future.all(digests).compose(v -> {
      Digest mine = digests.get(0).result().digest;
      counts.add(RepairCounts.Kind.COMPARED, mine.keys());
      Set<Integer> differing = new TreeSet<>();
      digests.stream().skip(1).forEach(d -> differing.addAll(mine.differing(d.result().digest)));
      if (differing.isEmpty()) {
        return Future.succeededFuture();
      }
      counts.add(RepairCounts.Kind.DIFFERING_BUCKETS, differing.size());
      List<Integer> all = new ArrayList<>(differing);
      Future<Void> chain = Future.succeededFuture();
      for (int from = 0; from < all.size(); from += settings.bucketsPerSlice()) {
        Set<Integer> slice = new TreeSet<>(all.subList(from, Math.min(all.size(), from + settings.bucketsPerSlice())));
        chain = chain.compose(x -> slice(replicas, ranges, slice));
      }
      return chain;
    });
  }

  /** Lists, decides and repairs the keys of {@code buckets}, on every replica. */
  private Future<Void> slice(List<Replica> replicas, List<HashRange> ranges, Set<Integer> buckets) {
    List<Future<Scanned>> lists = new ArrayList<>();
    replicas.forEach(r -> lists.add(scanAll(r, ranges, buckets)));
    return Future.all(lists).compose(w -> reconcile(replicas, lists.stream().map(Future::result).toList()));
  }

  /** Decides every key of the differing buckets and sends the writes. */
  private Future<Void> reconcile(List<Replica> replicas, List<Scanned> scans) {
    Set<String> keys = new LinkedHashSet<>();
    scans.forEach(s -> keys.addAll(s.entries.keySet()));
    List<Future<Map<String, KeyVersion>>> lacking = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      Map<String, KeyVersion> held = scans.get(i).entries;
      List<byte[]> missing = keys.stream().filter(k -> !held.containsKey(k)).map(Keys::bytes).toList();
      lacking.add(missing.isEmpty() ? Future.succeededFuture(Map.of()) : replicas.get(i).remembered(missing));
    }
    return Future.all(lacking).compose(v -> {
      long settledBefore = (System.currentTimeMillis() - settings.settleMillis()) << HybridClock.LOGICAL_BITS;
      long[] flushed = scans.stream().mapToLong(s -> s.flushedAt).toArray();
      RepairWrites writes = new RepairWrites(flushed);
      for (String key : keys) {
        List<KeyVersion> versions = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
          KeyVersion held = scans.get(i).entries.get(key);
          versions.add(held != null ? held : lacking.get(i).result().get(key));
        }
        Decision d = Resolution.decide(versions, flushed, settledBefore);
        noted(LOG, "", key, d, replicas, versions, counts);
        writes.add(key, d, versions);
      }
      return writes.send(replicas, counts);
    });
  }

  /**
   * Counts decision {@code d} about {@code key} in {@code counts} and, unless the replicas were
   * equal or it was deferred, logs it on {@code log} at verbosity 7 after {@code prefix}.
   */
  static void noted(Logger log, String prefix, String key, Decision d, List<Replica> replicas,
      List<KeyVersion> versions, RepairCounts counts) {
    counts.decided(d);
    if (d.outcome() != Decision.Outcome.EQUAL && d.outcome() != Decision.Outcome.DEFERRED
        && log.isLoggable(Level.FINE)) {
      log.fine(prefix + describe(key, d, replicas, versions));
    }
  }

  /**
   * One decided key for the log (verbosity 7): the outcome, then per replica what it was sent, its
   * payload size and what its fence remembers (ms of the hybrid timestamps), so a wrong decision
   * can be traced to the rule that took it.
   */
  static String describe(String key, Decision d, List<Replica> replicas, List<KeyVersion> versions) {
    StringBuilder b = new StringBuilder("repair ").append(key).append(": ").append(d.outcome());
    for (int i = 0; i < replicas.size(); i++) {
      KeyVersion v = versions.get(i);
      b.append("; ").append(replicas.get(i).name()).append(' ').append(d.actions().get(i))
          .append(v.present() ? " holds " + v.payload().length + " B" : " lacks it")
          .append(", newest ").append(v.newest() >> HybridClock.LOGICAL_BITS)
          .append(", forgotten before ").append(v.forgottenBefore() >> HybridClock.LOGICAL_BITS)
          .append(v.settling() ? ", settling" : "");
    }
    return b.toString();
  }

  /** What one replica's complete scan found. */
  private static final class Scanned {
    final Digest digest = new Digest();
    final Map<String, KeyVersion> entries = new LinkedHashMap<>();
    long flushedAt;
  }

  /** Scans {@code ranges} of {@code r} from the start, step by step, paced to the rate. */
  private Future<Scanned> scanAll(Replica r, List<HashRange> ranges, Set<Integer> buckets) {
    return step(r, ranges, buckets, "0", new Scanned(), new RateLimiter(settings.keysPerSecond()));
  }

  private Future<Scanned> step(Replica r, List<HashRange> ranges, Set<Integer> buckets, String cursor, Scanned acc,
      RateLimiter pace) {
    if (stopped) {
      return Future.failedFuture("repair stopped");
    }
    return r.scan(cursor, settings.batchSize(), ranges, buckets).compose(s -> {
      if ("0".equals(cursor)) {
        // The first step's: a flush during the scan then makes the writes based on it fail (raced).
        acc.flushedAt = s.flushedAt();
      }
      if (s.digest() != null) {
        acc.digest.merge(s.digest());
      } else {
        acc.entries.putAll(s.entries());
      }
      if ("0".equals(s.cursor())) {
        return Future.succeededFuture(acc);
      }
      return waitNanos(pace.reserve(s.scanned(), System.nanoTime()))
          .compose(v -> step(r, ranges, buckets, s.cursor(), acc, pace));
    });
  }

  /** Waits {@code nanos}, on a timer (never blocking the event loop). */
  private Future<Void> waitNanos(long nanos) {
    long ms = nanos / 1_000_000;
    if (ms < 1) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, id -> p.complete());
    return p.future();
  }
}
