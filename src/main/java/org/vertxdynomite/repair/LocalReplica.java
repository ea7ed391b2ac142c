package org.vertxdynomite.repair;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.warmup.HashRange;

/**
 * This node's datastore and write fence as a replica: scans with the datastore's own SCAN, DUMP and
 * PTTL (so Redis and the embedded store work alike, as warm-up's donor does), and applies repair
 * writes only after its {@link WriteFence} agrees ({@link WriteFence#repair}).
 */
final class LocalReplica implements Replica {

  private static final CommandTable TABLE = CommandTable.get();
  private static final byte[] RESTORE = "RESTORE".getBytes(StandardCharsets.US_ASCII);

  private final String name;
  private final Datastore datastore;
  private final WriteFence fence;
  private final Partitioner partitioner;
  private final long settleMillis;

  LocalReplica(String name, Datastore datastore, WriteFence fence, Partitioner partitioner) {
    this(name, datastore, fence, partitioner, 0);
  }

  /**
   * @param settleMillis how long after this node admitted a write of a key the key is reported as
   *     too recent to judge (see {@link #newest})
   */
  LocalReplica(String name, Datastore datastore, WriteFence fence, Partitioner partitioner, long settleMillis) {
    this.name = name;
    this.datastore = datastore;
    this.fence = fence;
    this.partitioner = partitioner;
    this.settleMillis = settleMillis;
  }

  /**
   * Whether this node admitted a write of {@code key} within the settle time: the fence remembers a
   * write once admitted, while its datastore may still be applying it (a replayed hint with an old
   * timestamp, say), and the datastore's value would otherwise be judged by a timestamp it does not
   * hold yet. A flag, not a made-up timestamp: a stamp of the moment would look, once the settle
   * time had passed on the deciding node, like a write newer than the others' — and win for an
   * old value.
   */
  private boolean settling(byte[] key) {
    return settleMillis > 0 && fence.touchedAt(key) > System.currentTimeMillis() - settleMillis;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Future<ScanStep> scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets) {
    // Read before SCAN: a flush after it moves the fence, and the writes the repair sends here fail.
    long flushedAt = fence.flushedAt();
    return run(RespRequest.of("SCAN", cursor, "COUNT", Integer.toString(count))).compose(r -> {
      List<Reply> parts = ((ArrayReply) r).items();
      String next = new String(((BulkReply) parts.get(0)).value(), StandardCharsets.US_ASCII);
      List<Reply> keys = ((ArrayReply) parts.get(1)).items();
      List<byte[]> wanted = new ArrayList<>();
      List<Long> tokens = new ArrayList<>();
      for (Reply k : keys) {
        byte[] key = ((BulkReply) k).value();
        long token = partitioner.token(key);
        if (HashRange.anyContains(ranges, token) && (buckets == null || buckets.contains(Digest.bucketOf(token)))) {
          wanted.add(key);
          tokens.add(token);
        }
      }
      return buckets == null
          ? digest(wanted, tokens).map(d -> new ScanStep(next, keys.size(), flushedAt, d, null))
          : entries(wanted).map(e -> new ScanStep(next, keys.size(), flushedAt, null, e));
    });
  }

  private Future<Digest> digest(List<byte[]> keys, List<Long> tokens) {
    List<Future<Reply>> dumps = new ArrayList<>(keys.size());
    keys.forEach(k -> dumps.add(run(new RespRequest(new byte[][] {"DUMP".getBytes(), k}))));
    return Future.all(dumps).map(v -> {
      Digest d = new Digest();
      for (int i = 0; i < keys.size(); i++) {
        if (dumps.get(i).result() instanceof BulkReply payload) {
          d.add(tokens.get(i), keys.get(i), payload.value());
        }
      }
      return d;
    });
  }

  private Future<Map<String, KeyVersion>> entries(List<byte[]> keys) {
    List<Future<KeyVersion>> reads = new ArrayList<>(keys.size());
    keys.forEach(k -> reads.add(read(k)));
    return Future.all(reads).map(v -> {
      Map<String, KeyVersion> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        if (reads.get(i).result() != null) {
          out.put(Keys.of(keys.get(i)), reads.get(i).result());
        }
      }
      return out;
    });
  }

  /** The key's DUMP, expiry and fence timestamps; null when it is gone. */
  private Future<KeyVersion> read(byte[] key) {
    long now = System.currentTimeMillis();
    Future<Reply> dump = run(new RespRequest(new byte[][] {"DUMP".getBytes(), key}));
    Future<Reply> pttl = run(new RespRequest(new byte[][] {"PTTL".getBytes(), key}));
    return Future.all(dump, pttl).map(v -> {
      if (!(dump.result() instanceof BulkReply payload) || !(pttl.result() instanceof IntegerReply ttl)
          || ttl.value() == -2) {
        return null;
      }
      // The fence is read after the value: a write landing in between shows as a newer timestamp
      // (deferred as too recent) rather than as an old timestamp on a new value.
      return KeyVersion.present(payload.value(), ttl.value() < 0 ? 0 : now + ttl.value(), fence.newest(key),
          fence.newestOverwrite(key), fence.forgottenBefore(key), settling(key));
    });
  }

  @Override
  public Future<Map<String, KeyVersion>> remembered(List<byte[]> keys) {
    Map<String, KeyVersion> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(Keys.of(k), absent(k)));
    return Future.succeededFuture(out);
  }

  /** What the fence remembers of {@code key}, which this replica lacks. */
  private KeyVersion absent(byte[] key) {
    return KeyVersion.absent(fence.newest(key), fence.newestOverwrite(key), fence.forgottenBefore(key), settling(key));
  }

  @Override
  public Future<KeyVersions> versions(List<byte[]> keys) {
    // Read before the keys, as a scan does: a flush after it makes the repair writes based on them fail.
    long flushedAt = fence.flushedAt();
    List<Future<KeyVersion>> reads = new ArrayList<>(keys.size());
    keys.forEach(k -> reads.add(read(k)));
    return Future.all(reads).map(v -> {
      Map<String, KeyVersion> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        KeyVersion held = reads.get(i).result();
        out.put(Keys.of(keys.get(i)), held != null ? held : absent(keys.get(i)));
      }
      return new KeyVersions(flushedAt, out);
    });
  }

  @Override
  public Future<ApplyResult> apply(List<RepairWrite> writes) {
    List<Future<ApplyResult>> all = new ArrayList<>(writes.size());
    writes.forEach(w -> all.add(apply(w)));
    return Future.all(all).map(v -> all.stream().map(Future::result)
        .reduce(new ApplyResult(0, 0, 0), ApplyResult::plus));
  }

  private Future<ApplyResult> apply(RepairWrite w) {
    if (!fence.repair(w.key(), w.expectNewest(), w.expectFlushedAt(), w.stamp())) {
      return Future.succeededFuture(new ApplyResult(0, 1, 0));
    }
    RespRequest request = request(w);
    return datastore.execute(request, TABLE.lookup(request)).map(reply -> {
      if (reply instanceof RespError e) {
        return "BUSYKEY".equals(e.code()) ? new ApplyResult(0, 1, 0) : new ApplyResult(0, 0, 1);
      }
      return new ApplyResult(1, 0, 0);
    }).recover(e -> {
      fence.notApplied(new byte[][] {w.key()}, w.stamp());
      return Future.succeededFuture(new ApplyResult(0, 0, 1));
    });
  }

  /** RESTORE (with REPLACE when replacing; absolute TTL kept) or DEL. */
  static RespRequest request(RepairWrite w) {
    if (w.action() == Decision.Action.DELETE) {
      return new RespRequest(new byte[][] {"DEL".getBytes(), w.key()});
    }
    List<byte[]> args = new ArrayList<>(List.of(RESTORE, w.key(),
        Long.toString(w.expireAt()).getBytes(StandardCharsets.US_ASCII), w.payload()));
    if (w.action() == Decision.Action.REPLACE) {
      args.add("REPLACE".getBytes(StandardCharsets.US_ASCII));
    }
    if (w.expireAt() > 0) {
      args.add("ABSTTL".getBytes(StandardCharsets.US_ASCII));
    }
    return new RespRequest(args.toArray(new byte[0][]));
  }

  private Future<Reply> run(RespRequest request) {
    return datastore.execute(request, TABLE.lookup(request))
        .compose(r -> r instanceof RespError e ? Future.failedFuture(e) : Future.succeededFuture(r));
  }
}
