package org.vertxdynomite.replication;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.replication.Destination.Pending;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * Sends {@link PeerRequest}s to other nodes' {@link PeerServer}s over the event bus, many per
 * message.
 *
 * <p><b>Batching.</b> Requests to one address issued in the same event-loop turn travel as one
 * {@link RequestBatch} message, sent at the end of the turn, or earlier once the batch reaches
 * {@link PeerClientOptions#maxBatchRequests()} or {@link PeerClientOptions#maxBatchBytes()}. A
 * lone request is sent at the end of its turn: batching never waits for company.
 *
 * <p><b>Timeouts.</b> Each message carries one explicit send timeout, the smallest time left of
 * its requests; requests with different timeouts never share a batch, so none is cut short by a
 * neighbour. A message that gets no reply in time fails each of its requests with {@code ERR
 * Peer: Connection timed out}.
 *
 * <p><b>Order.</b> Requests to one address reach its server in the order they were sent here: the
 * event bus keeps order from one sender to one consumer, and batches are sent in order.
 *
 * <p><b>Threading.</b> A client belongs to the context that created it (one per coordinator
 * verticle instance); call it only from that context. Futures complete on it too.
 */
public final class PeerClient {

  private final ContextInternal context;
  private final EventBus eventBus;
  private final PeerClientOptions options;
  private final NodeMetrics metrics;
  private final Map<String, Destination> destinations = new HashMap<>();
  private final ArrayDeque<Destination> toFlush = new ArrayDeque<>();
  private boolean flushScheduled;
  private long messagesSent;
  private long requestsSent;

  /** A client owned by the current context (or a new one if called outside any). */
  public PeerClient(Vertx vertx, PeerClientOptions options) {
    this(vertx, options, NodeMetrics.NONE);
  }

  /** A client owned by the current context that reports each message's batch size to {@code metrics}. */
  public PeerClient(Vertx vertx, PeerClientOptions options, NodeMetrics metrics) {
    PeerCodecs.register(vertx);
    this.context = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
    this.eventBus = vertx.eventBus();
    this.options = options;
    this.metrics = metrics;
  }

  /** The context this client must be called from. */
  public Context context() {
    return context;
  }

  /**
   * Sends {@code request} to the {@link PeerServer} at {@code address}, batched with other requests
   * to the same address, and completes with the remote reply (error replies included). Fails with
   * a {@link PeerError} when the peer cannot be reached or does not answer in time, or with a
   * {@link RemoteError} when the remote node failed to produce a reply.
   *
   * @param timeoutMillis how long to wait for the reply; must be positive
   */
  public Future<Reply> send(String address, PeerRequest request, long timeoutMillis) {
    return enqueue(address, request, timeoutMillis, false);
  }

  /**
   * Like {@link #send} but in a message of its own, sent at once (after any batch already waiting
   * for that address, to keep order). For requests that may wait long at the receiver, such as
   * blocking pops, which would otherwise hold back the replies of the batch they share.
   */
  public Future<Reply> sendAlone(String address, PeerRequest request, long timeoutMillis) {
    return enqueue(address, request, timeoutMillis, true);
  }

  /** Requests to {@code address} that await a reply. */
  public int inFlight(String address) {
    Destination d = destinations.get(address);
    return d == null ? 0 : d.inFlight;
  }

  /** Event-bus messages sent so far. */
  public long messagesSent() {
    return messagesSent;
  }

  /** Requests sent so far; divided by {@link #messagesSent()}, the mean batch size. */
  public long requestsSent() {
    return requestsSent;
  }

  private Future<Reply> enqueue(String address, PeerRequest request, long timeoutMillis, boolean alone) {
    if (!context.inThread()) {
      throw new IllegalStateException("a PeerClient must be called from the context that created it");
    }
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
    }
    Destination d = destinations.computeIfAbsent(address, Destination::new);
    if (d.inFlight >= options.maxInFlight()) {
      return Future.failedFuture(PeerError.OVERLOADED);
    }
    if (alone || !d.accepts(timeoutMillis)) {
      flush(d);
    }
    Promise<Reply> promise = Promise.promise();
    d.add(new Pending(request, promise, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)),
        timeoutMillis);
    if (alone || d.isFull(options)) {
      flush(d);
    } else if (!d.flushQueued) {
      d.flushQueued = true;
      toFlush.add(d);
      scheduleFlush();
    }
    return promise.future();
  }

  /** Flushes every destination with a batch once the current turn's tasks are done. */
  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        Destination d;
        while ((d = toFlush.poll()) != null) {
          d.flushQueued = false;
          flush(d);
        }
      });
    }
  }

  private void flush(Destination d) {
    if (!d.hasBatch()) {
      return;
    }
    List<Pending> batch = d.takeBatch();
    List<PeerRequest> requests = new ArrayList<>(batch.size());
    long earliest = Long.MAX_VALUE;
    for (Pending p : batch) {
      requests.add(p.request());
      earliest = Math.min(earliest, p.deadlineNanos());
    }
    long leftMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest - System.nanoTime() + 999_999));
    DeliveryOptions delivery = new DeliveryOptions().setCodecName(RequestBatchCodec.NAME).setSendTimeout(leftMillis);
    messagesSent++;
    requestsSent += batch.size();
    metrics.peerBatchSent(batch.size());
    eventBus.<Object>request(d.address, new RequestBatch(requests), delivery)
        .onComplete(ar -> complete(d, batch, ar));
  }

  private void complete(Destination d, List<Pending> batch, AsyncResult<Message<Object>> ar) {
    d.inFlight -= batch.size();
    if (ar.failed()) {
      failAll(batch, failureOf(ar.cause(), d.address));
      return;
    }
    ReplyBatch replies;
    try {
      // Decoding is lazy: a malformed reply surfaces here.
      if (!(ar.result().body() instanceof ReplyBatch rb)) {
        failAll(batch, PeerError.protocol("not a reply batch"));
        return;
      }
      replies = rb;
    } catch (WireFormatException e) {
      failAll(batch, PeerError.protocol(e.getMessage()));
      return;
    }
    if (replies.replies().size() != batch.size()) {
      failAll(batch, PeerError.protocol(replies.replies().size() + " replies to " + batch.size() + " requests"));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      PeerReply r = replies.replies().get(i);
      if (r.id() != p.request().id()) {
        p.promise().fail(PeerError.protocol("reply " + r.id() + " to request " + p.request().id()));
      } else if (r.isFailure()) {
        p.promise().fail(r.failure());
      } else {
        p.promise().complete(r.value());
      }
    }
  }

  private static void failAll(List<Pending> batch, RespError error) {
    for (Pending p : batch) {
      p.promise().fail(error);
    }
  }

  /** The event bus's failure as a peer error, by its failure type, never by its text. */
  static PeerError failureOf(Throwable cause, String address) {
    if (cause instanceof ReplyException re) {
      switch (re.failureType()) {
        case TIMEOUT:
          return PeerError.TIMEOUT;
        case NO_HANDLERS:
          return PeerError.noRoute(address);
        case RECIPIENT_FAILURE:
        case ERROR:
        default:
          return PeerError.failed(String.valueOf(re.getMessage()));
      }
    }
    return PeerError.failed(String.valueOf(cause));
  }
}
