package org.vertxdynomite.replication;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Reply;

/** One destination address of a {@link PeerClient}: the batch being filled and the in-flight count. */
final class Destination {

  /** A request waiting for its reply. */
  record Pending(PeerRequest request, Promise<Reply> promise, long deadlineNanos) {}

  final String address;
  /** Requests batched or sent, not yet answered. */
  int inFlight;
  /** Whether this destination is queued for the end-of-turn flush. */
  boolean flushQueued;

  private List<Pending> batch = new ArrayList<>();
  private int batchBytes;
  private long batchTimeoutMillis;

  Destination(String address) {
    this.address = address;
  }

  boolean hasBatch() {
    return !batch.isEmpty();
  }

  /** Whether a request with this timeout may join the current batch, whose send timeout is shared. */
  boolean accepts(long timeoutMillis) {
    return batch.isEmpty() || batchTimeoutMillis == timeoutMillis;
  }

  void add(Pending p, long timeoutMillis) {
    batch.add(p);
    batchBytes += p.request().encodedSizeBound();
    batchTimeoutMillis = timeoutMillis;
    inFlight++;
  }

  boolean isFull(PeerClientOptions options) {
    return batch.size() >= options.maxBatchRequests() || batchBytes >= options.maxBatchBytes();
  }

  /** Hands over the current batch and starts an empty one. */
  List<Pending> takeBatch() {
    List<Pending> taken = batch;
    batch = new ArrayList<>();
    batchBytes = 0;
    return taken;
  }
}
