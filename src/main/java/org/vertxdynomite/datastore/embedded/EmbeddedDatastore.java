package org.vertxdynomite.datastore.embedded;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * The {@link Datastore} backed by an {@link EmbeddedStore} in this JVM: the default, so that one
 * {@code java -jar} runs a working node with nothing else installed.
 *
 * <p>{@link #execute} runs the command on the caller's thread and returns an already-completed
 * future. A blocked command (BLPOP…) returns a pending future that is completed on the caller's
 * own Vert.x context when served or timed out; {@link #executeCancellable} also gives a handle to
 * stop waiting when the client disconnects. Active expiry runs on a periodic Vert.x timer.
 */
public final class EmbeddedDatastore implements Datastore {

  private final Vertx vertx;
  private final EmbeddedStore store;
  private long expireTimer = -1;

  public EmbeddedDatastore(Vertx vertx, EmbeddedOptions options) {
    this.vertx = vertx;
    this.store = new EmbeddedStore(options, this::schedule);
  }

  /** The store itself, for tools that move keys (warm-up) and for statistics. */
  public EmbeddedStore store() {
    return store;
  }

  @Override
  public Future<Void> start() {
    long period = store.options().activeExpirePeriodMillis();
    if (period > 0 && expireTimer < 0) {
      expireTimer = vertx.setPeriodic(period, id -> store.activeExpireCycle());
    }
    return Future.succeededFuture();
  }

  /** Commands run one at a time in arrival order, so every {@code orderKey} is kept in order. */
  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
    // The common case skips the promise, callback and cancel handle a blocked command needs.
    Reply now = store.executeUnlessBlocking(request);
    return now != null ? Future.succeededFuture(now) : executeCancellable(request).future();
  }

  /** A blocked command stops waiting (and takes nothing) once {@code cancelled} completes. */
  @Override
  public Future<Reply> executeBlocking(RespRequest request, CommandInfo info, Future<?> cancelled) {
    Pending p = executeCancellable(request);
    if (!p.future().isComplete()) {
      cancelled.onComplete(ar -> p.cancel());
    }
    return p.future();
  }

  /** As {@link #execute}, with a way to cancel a blocked command. */
  public Pending executeCancellable(RespRequest request) {
    Context ctx = Vertx.currentContext();
    Promise<Reply> promise = Promise.promise();
    Submission s = store.submit(request, reply -> {
      if (ctx == null || ctx == Vertx.currentContext()) {
        promise.tryComplete(reply);
      } else {
        ctx.runOnContext(v -> promise.tryComplete(reply));
      }
    });
    Reply now = s.immediate();
    return new Pending(now != null ? Future.succeededFuture(now) : promise.future(), () -> {
      if (!s.cancel()) {
        return false;
      }
      promise.tryFail(CANCELLED);
      return true;
    });
  }

  private static final RespError CANCELLED = RespError.err("Storage: blocked command cancelled");

  /** A command's future reply and the handle that stops it waiting. */
  public static final class Pending {
    private final Future<Reply> future;
    private final java.util.function.BooleanSupplier canceller;

    private Pending(Future<Reply> future, java.util.function.BooleanSupplier canceller) {
      this.future = future;
      this.canceller = canceller;
    }

    public Future<Reply> future() {
      return future;
    }

    /**
     * Stops a blocked command (e.g. its client disconnected): its future fails with
     * {@code ERR Storage: blocked command cancelled}. Returns whether it was still blocked.
     */
    public boolean cancel() {
      return canceller.getAsBoolean();
    }
  }

  @Override
  public Future<Void> close() {
    if (expireTimer >= 0) {
      vertx.cancelTimer(expireTimer);
      expireTimer = -1;
    }
    return Future.succeededFuture();
  }

  /** Timers start on the caller's context (the blocked client's event loop) when there is one. */
  private Runnable schedule(long delayMillis, Runnable task) {
    long id = vertx.setTimer(Math.max(1, delayMillis), t -> task.run());
    return () -> vertx.cancelTimer(id);
  }
}
