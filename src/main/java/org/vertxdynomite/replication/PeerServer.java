package org.vertxdynomite.replication;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * Receives {@link RequestBatch}es on one event-bus address and answers each with one {@link
 * ReplyBatch}.
 *
 * <p>The requests of a batch are handed to the handler one after the other, in order, within one
 * turn of this server's context; they then run concurrently (the handler typically pipelines them
 * to the datastore), and the reply is sent when the last one completes. So a batch's replies wait
 * for its slowest request — which is why {@link PeerClient} only batches requests issued together
 * and sends long waits (blocking pops) alone.
 *
 * <p>Order across batches holds as long as one server listens on an address: the event bus keeps
 * order per sender and consumer, but spreads the messages of an address over all its consumers.
 * Several servers on one node (one per event loop) need one address each.
 *
 * <p>A handler's failure becomes that request's failure: a {@link RespError} travels with its text,
 * anything else as {@code ERR Peer: internal error (…)}. A message that is not a well-formed batch
 * is refused as a whole ({@code Message.fail}), which the client reports as {@code ERR Peer: …}.
 */
public final class PeerServer {

  /** Failure code for a message that is not a well-formed request batch. */
  public static final int BAD_BATCH = 400;

  private static final DeliveryOptions REPLY = new DeliveryOptions().setCodecName(ReplyBatchCodec.NAME);

  private final Function<PeerRequest, Future<Reply>> handler;
  private final MessageConsumer<Object> consumer;
  private long messagesReceived;
  private long requestsReceived;

  private PeerServer(Vertx vertx, String address, Function<PeerRequest, Future<Reply>> handler) {
    this.handler = handler;
    this.consumer = vertx.eventBus().consumer(address, this::handle);
  }

  /**
   * Listens on {@code address} from the current context, handing every request to {@code handler};
   * completes once the address is registered across the cluster.
   */
  public static Future<PeerServer> start(
      Vertx vertx, String address, Function<PeerRequest, Future<Reply>> handler) {
    PeerCodecs.register(vertx);
    PeerServer server = new PeerServer(vertx, address, handler);
    return server.consumer.completion().map(server);
  }

  public String address() {
    return consumer.address();
  }

  /** Batches received so far. */
  public long messagesReceived() {
    return messagesReceived;
  }

  /** Requests received so far. */
  public long requestsReceived() {
    return requestsReceived;
  }

  /** Stops listening; requests already received are still answered. */
  public Future<Void> close() {
    return consumer.unregister();
  }

  private void handle(Message<Object> message) {
    List<PeerRequest> requests;
    try {
      if (!(message.body() instanceof RequestBatch batch)) {
        message.fail(BAD_BATCH, "not a request batch");
        return;
      }
      requests = batch.requests();
    } catch (WireFormatException e) {
      message.fail(BAD_BATCH, "bad request batch: " + e.getMessage());
      return;
    }
    messagesReceived++;
    requestsReceived += requests.size();
    int n = requests.size();
    if (n == 0) {
      message.reply(new ReplyBatch(List.of()), REPLY);
      return;
    }
    PeerReply[] replies = new PeerReply[n];
    // Handlers may complete on other threads (a datastore's own event loop): count down atomically.
    AtomicInteger left = new AtomicInteger(n);
    for (int i = 0; i < n; i++) {
      int slot = i;
      PeerRequest request = requests.get(i);
      run(request).onComplete(ar -> {
        replies[slot] = ar.succeeded() && ar.result() != null
            ? PeerReply.of(request.id(), ar.result())
            : PeerReply.failed(request.id(), asRespError(ar.cause()));
        if (left.decrementAndGet() == 0) {
          message.reply(new ReplyBatch(Arrays.asList(replies)), REPLY);
        }
      });
    }
  }

  private Future<Reply> run(PeerRequest request) {
    try {
      Future<Reply> f = handler.apply(request);
      return f != null ? f : Future.failedFuture(new IllegalStateException("handler returned no future"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static RespError asRespError(Throwable t) {
    if (t instanceof RespError e) {
      return e;
    }
    return PeerError.failed("internal error (" + (t == null ? "no reply" : t.toString()) + ")");
  }
}
