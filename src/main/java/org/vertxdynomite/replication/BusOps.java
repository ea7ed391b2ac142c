package org.vertxdynomite.replication;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Answers an event-bus request that names its operation in {@code op}: with the operation's JSON
 * result, or a failure carrying its message (also for an operation that throws, or one not known).
 * Shared by the services peers call with JSON (warm-up donors, anti-entropy repair).
 */
public final class BusOps {

  private BusOps() {}

  /** Runs {@code operation} on {@code msg}'s body and replies with its outcome. */
  public static void answer(Message<JsonObject> msg, Function<JsonObject, Future<JsonObject>> operation) {
    Future<JsonObject> reply;
    try {
      reply = operation.apply(msg.body());
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result());
      } else {
        msg.fail(1, String.valueOf(ar.cause().getMessage()));
      }
    });
  }
}
