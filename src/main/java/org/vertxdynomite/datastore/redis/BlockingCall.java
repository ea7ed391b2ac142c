package org.vertxdynomite.datastore.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.vertxdynomite.command.BlockingTimeout;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * One blocking command (BLPOP, BLMOVE, BZMPOP …) on a connection of its own, so its wait holds up
 * no other client. The connection is closed when the reply arrives, when the client goes away
 * (Redis then stops waiting too), or at the deadline: the command's own timeout plus the node's
 * request timeout; a timeout of 0 waits as long as the client does.
 */
final class BlockingCall {

  private BlockingCall() {}

  static Future<Reply> run(Vertx vertx, RedisOptions options, long timeoutMillis, RespRequest request,
      String command, Future<?> cancelled) {
    Promise<Reply> promise = Promise.promise();
    Redis client = Redis.createClient(vertx, options);
    double blockSeconds = BlockingTimeout.seconds(request, command);
    long timer = blockSeconds > 0
        ? vertx.setTimer(timeoutMillis + (long) Math.ceil(blockSeconds * 1000),
            id -> promise.tryFail(new StorageError(StorageError.Reason.TIMEOUT)))
        : -1;
    cancelled.onComplete(ar -> promise.tryFail(new StorageError(StorageError.Reason.CLOSED, "client went away")));
    client.connect()
        .compose(c -> c.send(RedisRequests.toRedis(request, command)))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            promise.tryComplete(ResponseConverter.toReply(command, request, ar.result()));
          } else if (RedisErrors.isServerReply(ar.cause())) {
            promise.tryComplete(new RespError(ar.cause().getMessage()));
          } else if (RedisErrors.CONNECTION_CLOSED.equals(ar.cause().getMessage())) {
            promise.tryFail(new StorageError(StorageError.Reason.CLOSED));
          } else {
            promise.tryFail(new StorageError(StorageError.Reason.REFUSED, String.valueOf(ar.cause().getMessage())));
          }
        });
    return promise.future().andThen(ar -> {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      client.close();
    });
  }
}
