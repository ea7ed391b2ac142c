package org.vertxdynomite.datastore.redis;

/**
 * How the node talks to its redis-server.
 *
 * @param host server address
 * @param port server port
 * @param connections persistent connections per event loop ({@code datastore_connections})
 * @param timeoutMillis per-request timeout ({@code timeout})
 * @param retryTimeoutMillis longest back-off before reconnecting ({@code server_retry_timeout})
 * @param failureLimit consecutive failures before a connection is closed and the server treated as
 *     down for {@code retryTimeoutMillis} ({@code server_failure_limit})
 * @param maxInFlight requests in flight per event loop before new ones fail fast
 * @param password the server's password ({@code redis_requirepass}), or null for none
 */
public record RedisSettings(
    String host, int port, int connections, long timeoutMillis, long retryTimeoutMillis, int failureLimit,
    int maxInFlight, String password) {

  public static final int DEFAULT_MAX_IN_FLIGHT = 16_384;

  /** Settings for a server without a password. */
  public RedisSettings(String host, int port, int connections, long timeoutMillis, long retryTimeoutMillis,
      int failureLimit, int maxInFlight) {
    this(host, port, connections, timeoutMillis, retryTimeoutMillis, failureLimit, maxInFlight, null);
  }

  public RedisSettings {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1");
    }
    if (timeoutMillis < 1 || retryTimeoutMillis < 0 || failureLimit < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("timeouts, failure limit and in-flight bound must be positive");
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "RedisSettings[" + host + ":" + port + ", connections=" + connections + ", timeoutMillis=" + timeoutMillis
        + ", retryTimeoutMillis=" + retryTimeoutMillis + ", failureLimit=" + failureLimit + ", maxInFlight="
        + maxInFlight + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
