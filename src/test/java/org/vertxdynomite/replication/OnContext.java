package org.vertxdynomite.replication;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs test code on a Vert.x context and waits for it, as clients must be called from their own. */
final class OnContext {

  private OnContext() {}

  static <T> T call(Context context, Supplier<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        result.complete(action.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  /** Waits for a future, returning the failure (or null) instead of throwing it. */
  static Throwable failureOf(Future<?> f) throws Exception {
    CompletableFuture<Throwable> result = new CompletableFuture<>();
    f.onComplete(ar -> result.complete(ar.cause()));
    return result.get(10, TimeUnit.SECONDS);
  }
}
