package org.vertxdynomite.config;

import java.util.Locale;

/**
 * The datastore a node fronts ({@code data_store:}). Dynomite writes {@code 0} for Redis and
 * {@code 1} for memcache; vertx-dynomite adds {@code embedded}, its in-JVM store, and also accepts
 * {@code redis} by name. Memcache is rejected.
 *
 * <p>When {@code data_store} is absent the kind follows {@code servers}: {@link #REDIS} if a server
 * is listed, {@link #EMBEDDED} otherwise.
 */
public enum DataStoreKind {
  /** A Redis server, named by the single {@code servers} entry. */
  REDIS,
  /** The embedded in-JVM store; {@code servers} must be absent. */
  EMBEDDED;

  /** The name written back in a yml file: {@code redis} or {@code embedded}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code 0}, {@code redis} or {@code embedded} (names ignoring case).
   *
   * @throws IllegalArgumentException for memcache ({@code 1}) and anything else
   */
  public static DataStoreKind parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "0":
      case "redis":
        return REDIS;
      case "embedded":
        return EMBEDDED;
      case "1":
      case "memcache":
      case "memcached":
        throw new IllegalArgumentException(
            "memcache is not supported: vertx-dynomite speaks only the Redis protocol");
      default:
        throw new IllegalArgumentException("must be 0 (redis), redis or embedded");
    }
  }
}
