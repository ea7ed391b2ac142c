package org.vertxdynomite.datastore.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * The Redis connections of one Vert.x context (one event loop), so that a request, its socket
 * write and its reply all stay on one thread.
 *
 * <p>Each of the lane's persistent connections carries many requests in flight. Requests time out
 * on the lane's own clock: a periodic sweep fails the oldest ones past their deadline (they were
 * sent first, and share one timeout: {@code timeout} × the timeout factor; right after the factor
 * is lowered, a newer request may wait until the older ones' deadline). A late reply is then
 * simply dropped: the connection
 * keeps its order. After {@code server_failure_limit} consecutive failures on a connection it is
 * closed (each connection has a client of its own, so closing it is a public operation) and
 * re-opened on demand, after a back-off that grows with consecutive failures up to
 * {@code server_retry_timeout}; until then requests fail fast with {@code ERR Storage: …}.
 *
 * <p>Every method runs on the lane's context.
 */
final class RedisLane {

  private final Context context;
  private final RedisOptions options;
  private final RedisSettings settings;
  private final IntSupplier timeoutFactor;
  private final NodeMetrics metrics;
  private final Slot[] slots;
  /** Requests sent, oldest first, until the sweep passes them (answered ones stay until then). */
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  /** Requests sent and neither answered nor timed out: what {@code maxInFlight} bounds. */
  private int unanswered;
  private final long sweepTimer;

  RedisLane(Context context, RedisOptions options, RedisSettings settings, IntSupplier timeoutFactor,
      NodeMetrics metrics) {
    this.context = context;
    this.options = options;
    this.settings = settings;
    this.timeoutFactor = timeoutFactor;
    this.metrics = metrics;
    this.slots = new Slot[settings.connections()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot();
    }
    long period = Math.max(5, Math.min(100, settings.timeoutMillis() / 10));
    this.sweepTimer = context.owner().setPeriodic(period, id -> sweep());
  }

  Context context() {
    return context;
  }

  /** Opens every connection now (the {@code preconnect} option); succeeds once all are up. */
  Future<Void> preconnect() {
    Future<?>[] all = new Future<?>[slots.length];
    for (int i = 0; i < slots.length; i++) {
      all[i] = slots[i].connection();
    }
    return Future.all(java.util.List.of(all)).mapEmpty();
  }

  /**
   * Sends {@code request}. Requests with the same {@code orderKey} share a connection, so Redis runs
   * them in the order they were sent (a client's pipelined INCR then GET must not swap).
   */
  Future<Reply> send(RespRequest request, String command, long orderKey) {
    Slot slot = slots[(int) Long.remainderUnsigned(orderKey, slots.length)];
    Future<RedisConnection> conn = slot.connection();
    if (conn.failed()) {
      return Future.failedFuture(storageFailure(conn.cause()));
    }
    if (unanswered >= settings.maxInFlight()) {
      return Future.failedFuture(new StorageError(StorageError.Reason.OVERLOADED));
    }
    unanswered++;
    Promise<Reply> promise = Promise.promise();
    long timeoutMillis = settings.timeoutMillis() * timeoutFactor.getAsInt();
    InFlight f = new InFlight(promise, System.nanoTime() + timeoutMillis * 1_000_000L, slot);
    inFlight.add(f);
    Request redisRequest = RedisRequests.toRedis(request, command);
    conn.compose(c -> c.send(redisRequest)).onComplete(ar -> {
      if (promise.future().isComplete()) {
        return; // timed out already: a late reply is dropped
      }
      unanswered--;
      if (ar.succeeded()) {
        slot.failures = 0;
        promise.complete(ResponseConverter.toReply(command, request, ar.result()));
      } else if (RedisErrors.isServerReply(ar.cause())) {
        // A Redis error reply (WRONGTYPE, syntax…) is an answer, not a storage failure.
        promise.complete(new RespError(ar.cause().getMessage()));
      } else {
        slot.failed();
        promise.fail(storageFailure(ar.cause()));
      }
    });
    return promise.future();
  }

  /** Fails requests past their deadline; closes the connection a timed-out request was stuck on. */
  private void sweep() {
    long now = System.nanoTime();
    InFlight head;
    while ((head = inFlight.peek()) != null) {
      if (head.promise.future().isComplete()) {
        inFlight.poll();
      } else if (head.deadline - now <= 0) {
        inFlight.poll();
        if (head.promise.tryFail(new StorageError(StorageError.Reason.TIMEOUT))) {
          unanswered--;
          head.slot.failed();
        }
      } else {
        break;
      }
    }
  }

  private static StorageError storageFailure(Throwable t) {
    if (t instanceof StorageError s) {
      return s;
    }
    String m = String.valueOf(t.getMessage());
    if (RedisErrors.CONNECTION_CLOSED.equals(m)) {
      return new StorageError(StorageError.Reason.CLOSED);
    }
    if (m.contains("refused")) {
      return new StorageError(StorageError.Reason.REFUSED);
    }
    return new StorageError(StorageError.Reason.CLOSED, m);
  }

  /**
   * Closes the lane's connections. Callable from any thread: it runs at shutdown, when the contexts
   * that used the lane may already be gone.
   */
  Future<Void> close() {
    context.owner().cancelTimer(sweepTimer);
    List<Future<Void>> closing = new ArrayList<>();
    for (Slot s : slots) {
      Redis c = s.client;
      if (c != null) {
        closing.add(c.close());
      }
    }
    return Future.join(closing).mapEmpty();
  }

  private record InFlight(Promise<Reply> promise, long deadline, Slot slot) {}

  /** One persistent connection with a client of its own, re-opened on demand with a back-off. */
  private final class Slot {
    private volatile Redis client;
    private Future<RedisConnection> connection;
    private int failures;
    private long retryAtNanos;
    private boolean connectedBefore;

    Future<RedisConnection> connection() {
      if (connection != null) {
        return connection;
      }
      if (System.nanoTime() - retryAtNanos < 0) {
        return Future.failedFuture(new StorageError(
            failures >= settings.failureLimit() ? StorageError.Reason.EJECTED : StorageError.Reason.REFUSED));
      }
      Redis c = Redis.createClient(context.owner(), options);
      client = c;
      Future<RedisConnection> f = c.connect();
      connection = f;
      f.onComplete(ar -> {
        if (connection != f) {
          return;
        }
        if (ar.succeeded()) {
          if (connectedBefore) {
            metrics.datastoreReconnect();
          }
          connectedBefore = true;
          ar.result().exceptionHandler(e -> drop(f)).endHandler(v -> drop(f));
        } else {
          // A connection that never opened is not kept: the next request tries again after the
          // back-off, rather than getting this failure for ever.
          connection = null;
          failed();
        }
      });
      return f;
    }

    /** Counts a failure; past the limit the connection is closed and retried after a back-off. */
    void failed() {
      failures++;
      if (connection == null || failures >= settings.failureLimit()) {
        reset();
        retryAtNanos = System.nanoTime() + backoffMillis() * 1_000_000L;
      }
    }

    private long backoffMillis() {
      // Past server_failure_limit the server is ejected for the full retry timeout (Dynomite's
      // auto_eject_hosts); before that, retry quickly with a doubling delay.
      if (failures >= settings.failureLimit()) {
        return settings.retryTimeoutMillis();
      }
      return Math.min(settings.retryTimeoutMillis(), 50L << Math.min(failures, 10));
    }

    private void drop(Future<RedisConnection> f) {
      if (connection == f) {
        reset();
      }
    }

    void reset() {
      connection = null;
      Redis c = client;
      client = null;
      if (c != null) {
        c.close();
      }
    }
  }
}
