package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.replication.LateWrites;
import org.vertxdynomite.replication.PeerFlags;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * This node's datastore as a replica: every write, whoever coordinated it, passes the node's
 * {@link WriteFence} with its timestamp before it runs, so a write that comes too late (older than
 * the key's newest whole-value write, or a hint already applied) is voided instead of undoing
 * newer data. Reads and unstamped requests go straight to the datastore.
 */
final class ReplicaStore {

  private final Datastore datastore;
  private final WriteFence fence;

  ReplicaStore(Datastore datastore, WriteFence fence) {
    this.datastore = datastore;
    this.fence = fence;
  }

  Datastore datastore() {
    return datastore;
  }

  WriteFence fence() {
    return fence;
  }

  /** Runs {@code request} here; a write stamped {@code timestamp} only if the fence admits it. */
  Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey, long timestamp, int flags) {
    if (timestamp <= 0 || !info.isWrite()) {
      return datastore.execute(request, info, orderKey);
    }
    String name = info.name();
    if (name.equals("flushall") || name.equals("flushdb")) {
      // Known before it runs, so a warm-up can tell copies read before it (WARMUP.md).
      fence.flushStarting(timestamp);
      return datastore.execute(request, info, orderKey).andThen(ar -> {
        if (ar.succeeded() && !(ar.result() instanceof RespError)) {
          fence.flushed(timestamp);
        }
      });
    }
    int[] positions = info.keyPositions(request);
    if (positions.length == 0) {
      return datastore.execute(request, info, orderKey);
    }
    byte[][] keys = new byte[positions.length][];
    for (int i = 0; i < positions.length; i++) {
      keys[i] = request.arg(positions[i]);
    }
    boolean replayed = PeerFlags.has(flags, PeerFlags.HINTED);
    if (replayed && fence.stillApplying(keys, timestamp)) {
      // Its original copy is still on its way to the datastore: a duplicate if it lands, needed if
      // it fails. The replayer tries again after its back-off, when that is known.
      return Future.failedFuture(new StorageError(StorageError.Reason.IN_PROGRESS));
    }
    // Admitted and remembered in one step (a late write racing a newer one is voided here); if the
    // datastore then fails, the write is taken back, so its hint is not mistaken for a duplicate.
    if (!fence.admit(keys, timestamp, LateWrites.overwrites(name, request), replayed)) {
      return Future.succeededFuture(LateWrites.voidedReply(name));
    }
    return datastore.execute(request, info, orderKey).andThen(ar -> {
      if (ar.succeeded()) {
        fence.confirmed(keys, timestamp);
      } else {
        fence.notApplied(keys, timestamp);
      }
    });
  }
}
