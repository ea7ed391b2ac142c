package org.vertxdynomite.repair;

import org.vertxdynomite.config.NodeConfig;

/**
 * How a node runs anti-entropy repair.
 *
 * @param intervalMillis {@code anti_entropy_interval_ms}: pause between the end of one periodic run
 *     and the start of the next; 0 = no periodic runs (the admin port can still start one)
 * @param keysPerSecond {@code anti_entropy_keys_per_second}: keys each replica scans per second
 *     during a run
 * @param batchSize keys per SCAN step
 * @param requestTimeoutMillis the timeout of each request to a peer
 * @param settleMillis writes younger than this are not judged (they may still be on their way)
 * @param bucketsPerSlice differing digest buckets listed and decided together: bounds the keys a
 *     run holds at once (each further slice costs one more scan of the ranges)
 */
public record RepairSettings(long intervalMillis, int keysPerSecond, int batchSize, long requestTimeoutMillis,
    long settleMillis, int bucketsPerSlice) {

  /** Keys per SCAN step. */
  public static final int BATCH_SIZE = 500;
  /** Repair writes per apply request. */
  public static final int WRITES_PER_REQUEST = 100;
  /** Differing buckets per slice: a sixteenth of the digest. */
  public static final int BUCKETS_PER_SLICE = Digest.BUCKETS / 16;
  /** The least request timeout, ms (as warm-up's). */
  public static final long MIN_REQUEST_TIMEOUT_MS = 5000;

  public RepairSettings {
    if (intervalMillis < 0 || keysPerSecond < 1 || batchSize < 1 || requestTimeoutMillis < 1 || settleMillis < 0
        || bucketsPerSlice < 1) {
      throw new IllegalArgumentException("bad repair settings: interval " + intervalMillis + ", rate " + keysPerSecond
          + ", batch " + batchSize + ", timeout " + requestTimeoutMillis + ", settle " + settleMillis + ", slice "
          + bucketsPerSlice);
    }
  }

  /**
   * The settings {@code config} gives: request timeout {@code timeout} but at least {@value
   * #MIN_REQUEST_TIMEOUT_MS} ms; settle time twice the peer write timeout (the shorter of {@code timeout} and {@code
   * dyn_write_timeout}, as the coordinator uses) (a write still in
   * flight has been applied or hinted by then), at least 1 s.
   */
  public static RepairSettings of(NodeConfig config) {
    long writeTimeout = Math.min(config.timeoutMs(), config.dynWriteTimeoutMs());
    return new RepairSettings(config.antiEntropyIntervalMs(), config.antiEntropyKeysPerSecond(), BATCH_SIZE,
        Math.max(MIN_REQUEST_TIMEOUT_MS, config.timeoutMs()), Math.max(1000, 2 * writeTimeout), BUCKETS_PER_SLICE);
  }
}
