package org.vertxdynomite.warmup;

import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.WarmupMode;

/**
 * How a node warms up.
 *
 * @param mode {@code warmup}: by itself at start ({@link WarmupMode#AUTO}) or only when asked
 * @param batchSize {@code warmup_batch_size}: keys a donor scans per batch
 * @param keysPerSecond {@code warmup_keys_per_second}: copy rate limit; 0 means none
 * @param requestTimeoutMillis how long one batch request to a donor may take before it is tried
 *     again ({@value #ATTEMPTS} attempts, then the next donor)
 */
public record WarmupSettings(WarmupMode mode, int batchSize, int keysPerSecond, long requestTimeoutMillis) {

  /** Attempts of one batch request at one donor before it counts as failed. */
  public static final int ATTEMPTS = 3;
  /** {@link #requestTimeoutMillis()} unless told otherwise. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 5000;

  public WarmupSettings {
    if (batchSize < 1 || keysPerSecond < 0 || requestTimeoutMillis < 1) {
      throw new IllegalArgumentException("bad warm-up settings: batch " + batchSize + ", rate " + keysPerSecond
          + ", timeout " + requestTimeoutMillis);
    }
  }

  /** The settings {@code config} gives; the request timeout is {@code timeout}, at least the default. */
  public static WarmupSettings of(NodeConfig config) {
    return new WarmupSettings(config.warmup(), config.warmupBatchSize(), config.warmupKeysPerSecond(),
        Math.max(DEFAULT_REQUEST_TIMEOUT_MS, config.timeoutMs()));
  }
}
