/**
 * A redis-server behind the node, through vertx-redis-client.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.datastore.redis.RedisDatastore}: the SPI implementation; one lane
 *       per Vert.x context that uses it.
 *   <li>{@code RedisLane}: the persistent connections of one event loop, each with many requests in
 *       flight; a client's requests always take the same connection (ordering); timeouts swept on
 *       the lane's clock; reconnect with back-off; ejection after {@code server_failure_limit}.
 *   <li>{@code BlockingCall}: a blocking command on a connection of its own.
 *   <li>{@code ResponseConverter}, {@code NilShape}: vertx-redis-client's {@code Response} back to
 *       the exact RESP2 bytes (nil bulk and nil array are both {@code null} there).
 *   <li>{@link org.vertxdynomite.datastore.redis.RedisSettings}: the settings from the config.
 * </ul>
 */
package org.vertxdynomite.datastore.redis;
