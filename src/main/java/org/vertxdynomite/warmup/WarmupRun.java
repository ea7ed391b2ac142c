package org.vertxdynomite.warmup;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * One warm-up attempt: plans the donors ({@link DonorPlan}), estimates the keys to copy, then
 * streams each donor's share batch by batch ({@link DonorService}) and restores the copies here
 * without REPLACE, through the {@link WarmupGuard}. One batch is in flight at a time and batches are
 * paced to {@link WarmupSettings#keysPerSecond()}.
 *
 * <p>A batch request that fails {@value WarmupSettings#ATTEMPTS} times in a row fails its donor: its
 * pieces not finished go to their next candidates and are scanned again from the start, which is
 * harmless (restores never overwrite, and keys written here are skipped). The run fails when a piece
 * has no donor left, or a copy cannot be restored at all.
 *
 * <p>Each restored copy hands the donor's knowledge of its key to this node's {@link WriteFence}:
 * a replayed hint the copy already holds is void here ({@link WriteFence#copied}), and so is any
 * write older than the donor's newest whole-value write of the key. A batch read at a donor that
 * had not yet applied a FLUSHALL/FLUSHDB started here during the warm-up is not restored ({@link
 * WarmupGuard#claim(byte[], long)}).
 *
 * <p>A key that got only merging writes here is replaced by its copy when the copy holds them (the
 * donor's newest write to it is not older than the newest applied here); otherwise it is asked
 * again, by name, once every range is copied — up to {@value #RETRIES} times, {@value #RETRY_MS} ms
 * apart, while the donor catches up — and then left as it is (counted as written here).
 */
final class WarmupRun {

  private static final Logger LOG = Logger.getLogger(WarmupRun.class.getName());
  private static final CommandTable TABLE = CommandTable.get();
  private static final byte[] RESTORE = "RESTORE".getBytes();
  private static final byte[] ABSTTL = "ABSTTL".getBytes();
  private static final byte[] REPLACE = "REPLACE".getBytes();
  /** Rounds of asking again for copies that lacked a write applied here. */
  static final int RETRIES = 5;
  /** The wait before each such round, ms. */
  static final long RETRY_MS = 200;

  /** A key whose copy from {@code donor} lacked a write applied here: asked again at the end. */
  private record Deferred(NodeInfo donor, byte[] key) {}

  private final Vertx vertx;
  private final Topology topology;
  private final NodeInfo self;
  private final Datastore store;
  private final WarmupGuard guard;
  private final WriteFence fence;
  private final WarmupSettings settings;
  private final WarmupProgress progress;
  private final Set<String> failed = new HashSet<>();
  private final Set<HashRange> done = new HashSet<>();
  private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
  private final long startNanos = System.nanoTime();
  private volatile boolean stopped;
  private volatile String donor = "";
  private long sent;

  /**
   * @param store this node's datastore <em>without</em> the guard in front (the restores must not
   *     count as writes made during the warm-up)
   */
  WarmupRun(Vertx vertx, Topology topology, Datastore store, WarmupGuard guard, WriteFence fence,
      WarmupSettings settings, WarmupProgress progress) {
    this.fence = fence;
    this.vertx = vertx;
    this.topology = topology;
    this.self = topology.self();
    this.store = store;
    this.guard = guard;
    this.settings = settings;
    this.progress = progress;
  }

  /** The donor being streamed from now, {@code dc/rack host:port}, or empty. */
  String donor() {
    return donor;
  }

  /** Makes the run fail at its next step. */
  void stop() {
    stopped = true;
  }

  /** Runs to the end; fails with a {@link WarmupFailure}. */
  Future<Void> run() {
    DonorPlan plan = DonorPlan.of(topology, self);
    if (plan.isEmpty()) {
      return Future.failedFuture(new WarmupFailure("no replica in another rack can give this node's ranges "
          + "(none is live and NORMAL)", true));
    }
    if (!plan.uncovered().isEmpty()) {
      return Future.failedFuture(new WarmupFailure("no live NORMAL replica holds the ranges " + plan.uncovered(),
          true));
    }
    LOG.info("warm-up of " + self.dc() + "/" + self.rack() + " " + self.peerAddress() + ": " + plan);
    return estimate(plan).compose(v -> next(plan));
  }

  /** Sums each donor's DBSIZE times the share of its ranges this node takes. */
  private Future<Void> estimate(DonorPlan plan) {
    List<Future<Long>> shares = new ArrayList<>();
    for (Map.Entry<NodeInfo, List<HashRange>> e : plan.assignment(failed, done).entrySet()) {
      NodeInfo d = e.getKey();
      long owned = HashRange.totalLength(HashRange.owned(topology.ring(d.dc(), d.rack()), n -> n.id().equals(d.id())));
      double share = owned == 0 ? 0 : (double) HashRange.totalLength(e.getValue()) / owned;
      shares.add(request(d, new JsonObject().put("op", "size"))
          .map(r -> Math.round(r.getLong("keys") * share))
          .otherwise(0L));
    }
    return Future.join(shares).map(all -> {
      progress.estimate(shares.stream().mapToLong(Future::result).sum());
      return null;
    });
  }

  private Future<Void> next(DonorPlan plan) {
    if (stopped) {
      return Future.failedFuture(new WarmupFailure("stopped", true));
    }
    List<HashRange> orphaned = plan.orphaned(failed, done);
    if (!orphaned.isEmpty()) {
      return Future.failedFuture(new WarmupFailure("every replica of " + orphaned + " failed: " + failed, true));
    }
    Map<NodeInfo, List<HashRange>> work = plan.assignment(failed, done);
    if (work.isEmpty()) {
      donor = "";
      return retryDeferred(1);
    }
    Map.Entry<NodeInfo, List<HashRange>> first = work.entrySet().iterator().next();
    NodeInfo d = first.getKey();
    List<HashRange> pieces = first.getValue();
    donor = d.dc() + "/" + d.rack() + " " + d.peerAddress();
    List<HashRange> merged = new ArrayList<>();
    pieces.forEach(p -> HashRange.add(merged, p));
    LOG.info("warm-up: copying " + merged + " from " + donor);
    return batches(d, merged, "0").transform(ar -> {
      if (ar.succeeded()) {
        done.addAll(pieces);
      } else if (ar.cause() instanceof WarmupFailure f && f.fatal()) {
        return Future.failedFuture(f);
      } else {
        failed.add(d.id());
        LOG.warning("warm-up: donor " + donor + " failed (" + ar.cause().getMessage()
            + "); its ranges go to the next replica and are scanned again");
      }
      return next(plan);
    });
  }

  private Future<Void> batches(NodeInfo d, List<HashRange> ranges, String cursor) {
    if (stopped) {
      return Future.failedFuture(new WarmupFailure("stopped", true));
    }
    JsonObject ask = new JsonObject().put("op", "batch").put("cursor", cursor).put("count", settings.batchSize())
        .put("ranges", DonorService.toJson(ranges));
    return attempt(d, ask, 1).compose(reply -> {
      JsonArray entries = reply.getJsonArray("entries");
      progress.scanned(reply.getLong("scanned"));
      return restore(d, entries, reply.getLong("flushed", 0L)).compose(v -> {
        String next = reply.getString("cursor");
        if ("0".equals(next)) {
          return Future.succeededFuture();
        }
        return pace(entries.size()).compose(w -> batches(d, ranges, next));
      });
    });
  }

  private Future<JsonObject> attempt(NodeInfo d, JsonObject ask, int n) {
    return request(d, ask).recover(e -> n >= WarmupSettings.ATTEMPTS ? Future.failedFuture(e) : attempt(d, ask, n + 1));
  }

  private Future<JsonObject> request(NodeInfo d, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(DonorService.address(d), body,
        new DeliveryOptions().setSendTimeout(settings.requestTimeoutMillis())).map(m -> m.body());
  }

  /** Waits as long as needed to keep to the rate limit, having just received {@code keys} more. */
  private Future<Void> pace(int keys) {
    sent += keys;
    if (settings.keysPerSecond() == 0) {
      return Future.succeededFuture();
    }
    long dueNanos = startNanos + sent * 1_000_000_000L / settings.keysPerSecond();
    long waitMs = (dueNanos - System.nanoTime()) / 1_000_000;
    if (waitMs < 1) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(waitMs, id -> p.complete());
    return p.future();
  }

  /** Asks the donors again for the copies that lacked a write applied here, round {@code round}. */
  private Future<Void> retryDeferred(int round) {
    if (deferred.isEmpty()) {
      return Future.succeededFuture();
    }
    if (round > RETRIES || stopped) {
      LOG.warning("warm-up: " + deferred.size() + " keys merged into here kept without their older content: "
          + "their copies never held every write applied here");
      deferred.forEach(x -> progress.skippedWritten());
      deferred.clear();
      return Future.succeededFuture();
    }
    Map<NodeInfo, JsonArray> byDonor = new java.util.LinkedHashMap<>();
    for (Deferred x; (x = deferred.poll()) != null; ) {
      byDonor.computeIfAbsent(x.donor(), k -> new JsonArray()).add(x.key());
    }
    Promise<Void> wait = Promise.promise();
    vertx.setTimer(RETRY_MS, id -> wait.complete());
    return wait.future().compose(w -> {
      List<Future<Void>> all = new ArrayList<>();
      byDonor.forEach((d, keys) -> all.add(request(d, new JsonObject().put("op", "keys").put("keys", keys))
          .compose(reply -> restore(d, reply.getJsonArray("entries"), reply.getLong("flushed", 0L)))
          .recover(e -> {
            LOG.warning("warm-up: donor " + d.peerAddress() + " could not give " + keys.size() + " keys again: "
                + e.getMessage());
            keys.forEach(k -> progress.skippedWritten());
            return Future.succeededFuture();
          })));
      return Future.all(all);
    }).compose(v -> retryDeferred(round + 1));
  }

  private Future<Void> restore(NodeInfo d, JsonArray entries, long donorFlushedAt) {
    List<Future<Void>> all = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonArray e = entries.getJsonArray(i);
      // A donor of an earlier version sends no fence knowledge: 0, nothing known.
      WriteFence.Remembered known = e.size() < 5 ? WriteFence.Remembered.NOTHING
          : new WriteFence.Remembered(e.getLong(3), e.getLong(4));
      all.add(restore(d, e.getBinary(0), e.getBinary(1), e.getLong(2), known, donorFlushedAt));
    }
    return Future.all(all).mapEmpty();
  }

  /**
   * Restores one copy unless a whole-value write reached its key here or a newer flush ran here;
   * replaces an existing key only when merging writes alone reached it here and the copy holds them
   * (otherwise the key is deferred).
   */
  private Future<Void> restore(NodeInfo d, byte[] key, byte[] payload, long expireAt, WriteFence.Remembered known,
      long donorFlushedAt) {
    WarmupGuard.Claim claim = guard.claim(key, donorFlushedAt);
    if (claim == null) {
      if (guard.flushedSince(donorFlushedAt)) {
        progress.skippedFlushed();
      } else {
        progress.skippedWritten();
      }
      return Future.succeededFuture();
    }
    if (claim.replace() && known.newest() < fence.remembered(key).newest()) {
      // Merging writes reached the key here that the copy may not hold yet: ask again later.
      claim.release(false);
      deferred.add(new Deferred(d, key));
      return Future.succeededFuture();
    }
    // Marked before the RESTORE: a hint arriving meanwhile passes the fence before it waits for the claim.
    fence.copied(key, known.newest());
    RespRequest request = new RespRequest(restoreArgs(key, payload, expireAt, claim.replace()));
    return store.execute(request, TABLE.lookup(request)).andThen(ar -> {
      boolean restored = ar.succeeded() && !(ar.result() instanceof RespError);
      if (restored) {
        fence.applied(new byte[][] {key}, known.newestOverwrite(), true);
      } else {
        fence.notCopied(key, known.newest());
      }
      claim.release(restored);
    }).compose(reply -> {
      if (!(reply instanceof RespError err)) {
        progress.copied(payload.length);
        return Future.<Void>succeededFuture();
      }
      if ("BUSYKEY".equals(err.code())) {
        progress.skippedExisting();
        return Future.<Void>succeededFuture();
      }
      return Future.<Void>failedFuture(new WarmupFailure("cannot restore a copy here: " + err.getMessage(), true));
    });
  }

  /** {@code RESTORE key <expireAt|0> payload [REPLACE] [ABSTTL]}. */
  private static byte[][] restoreArgs(byte[] key, byte[] payload, long expireAt, boolean replace) {
    List<byte[]> args = new ArrayList<>(List.of(RESTORE, key, expireAt > 0 ? Long.toString(expireAt).getBytes()
        : "0".getBytes(), payload));
    if (replace) {
      args.add(REPLACE);
    }
    if (expireAt > 0) {
      args.add(ABSTTL);
    }
    return args.toArray(new byte[0][]);
  }
}
