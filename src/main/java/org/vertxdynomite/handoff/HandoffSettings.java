package org.vertxdynomite.handoff;

import java.nio.file.Path;
import org.vertxdynomite.config.NodeConfig;

/**
 * How the hint log and its replayer behave. {@link #from(NodeConfig)} takes the configurable part
 * from the node's configuration ({@code data_dir}, {@code hints_max_bytes}, {@code hint_window_ms},
 * {@code hints_fsync_ms}, {@code hints_replay_rate}); the rest are the {@code DEFAULT_*} constants.
 *
 * @param directory where the log lives: {@code <data_dir>/hints}
 * @param maxBytes the most bytes all targets' segment files may hold together
 * @param windowMs how long a hint may wait for delivery before it is dropped
 * @param fsyncMs how often appended bytes are forced to the device
 * @param replayRate the most hints per second replayed to one target
 * @param batchHints the most hints in flight to one target at once
 * @param batchBytes the most hint bytes read for one batch (at least one hint is always read)
 * @param segmentBytes the size at which a segment file is closed and a new one started
 * @param retryMs how often targets are looked at again: pending hints of a live target whose
 *     delivery stopped, expired hints of any target
 * @param backoffMinMs the pause after a failed delivery; doubled after each further failure
 * @param backoffMaxMs the longest pause
 */
public record HandoffSettings(Path directory, long maxBytes, long windowMs, long fsyncMs, int replayRate,
    int batchHints, int batchBytes, int segmentBytes, long retryMs, long backoffMinMs, long backoffMaxMs) {

  /** Bytes of hints that may wait in memory for the log's I/O thread: 32 MiB; beyond, appends are refused. */
  public static final long DEFAULT_QUEUE_BYTES = 32L << 20;
  /** Hints in flight to one target at once. */
  public static final int DEFAULT_BATCH_HINTS = 64;
  /** Hint bytes read for one batch: 1 MiB. */
  public static final int DEFAULT_BATCH_BYTES = 1 << 20;
  /** Segment file size: 8 MiB, so an acknowledged prefix is given back in steps of that size. */
  public static final int DEFAULT_SEGMENT_BYTES = 8 << 20;
  /** How often targets are looked at again: 1 s. */
  public static final long DEFAULT_RETRY_MS = 1000;
  /** First pause after a failed delivery: 1 s. */
  public static final long DEFAULT_BACKOFF_MIN_MS = 1000;
  /** Longest pause after failed deliveries: 30 s. */
  public static final long DEFAULT_BACKOFF_MAX_MS = 30_000;

  public HandoffSettings {
    positive(maxBytes, "maxBytes");
    positive(windowMs, "windowMs");
    positive(fsyncMs, "fsyncMs");
    positive(replayRate, "replayRate");
    positive(batchHints, "batchHints");
    positive(batchBytes, "batchBytes");
    positive(segmentBytes, "segmentBytes");
    positive(retryMs, "retryMs");
    positive(backoffMinMs, "backoffMinMs");
    if (backoffMaxMs < backoffMinMs) {
      throw new IllegalArgumentException("backoffMaxMs must be at least backoffMinMs");
    }
  }

  /** The node's settings: the log under {@code <data_dir>/hints}. */
  public static HandoffSettings from(NodeConfig config) {
    return new HandoffSettings(config.dataDir().resolve("hints"), config.hintsMaxBytes(), config.hintWindowMs(),
        config.hintsFsyncMs(), config.hintsReplayRate(), DEFAULT_BATCH_HINTS, DEFAULT_BATCH_BYTES,
        DEFAULT_SEGMENT_BYTES, DEFAULT_RETRY_MS, DEFAULT_BACKOFF_MIN_MS, DEFAULT_BACKOFF_MAX_MS);
  }

  /** The expiry of a hint made at wall-clock time {@code nowMillis}. */
  public long expiresAt(long nowMillis) {
    return nowMillis + windowMs;
  }

  private static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
