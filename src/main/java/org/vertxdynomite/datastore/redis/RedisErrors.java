package org.vertxdynomite.datastore.redis;

import io.vertx.redis.client.impl.types.ErrorType;

/**
 * How vertx-redis-client's failures read: a Redis error reply (WRONGTYPE, syntax…) arrives as an
 * {@link ErrorType} and is an answer; but the client also fails the requests still waiting on a
 * connection that closed with an {@link ErrorType} of its own, {@code CONNECTION_CLOSED}, which is
 * no reply of the server's: that request may or may not have been applied, a storage failure.
 */
final class RedisErrors {

  /** vertx-redis-client's error for the requests pending on a closed connection. */
  static final String CONNECTION_CLOSED = "CONNECTION_CLOSED";

  private RedisErrors() {}

  /** Whether {@code t} is an error reply the server sent (not a failure to get one). */
  static boolean isServerReply(Throwable t) {
    return t instanceof ErrorType && !CONNECTION_CLOSED.equals(t.getMessage());
  }
}
