package org.vertxdynomite.fault;

import java.time.Duration;

/**
 * How long each part of a fault scenario runs and how much load it carries. The short plan fits
 * the CI budget; the long one ({@code -Dfault.long=true}) gives the figures of docs/RELIABILITY.md.
 *
 * @param warmUp load before the fault
 * @param faultFor how long the fault lasts before recovery starts (a restart adds its own time)
 * @param afterFor load after recovery, before the load stops
 * @param convergeWithin the longest wait for every replica to hold the same value of every key
 * @param writersPerNode write connections per node taking client load
 * @param keysPerWriter each writer's own keys, overwritten in turn
 * @param maxWritesPerWriter the bound on each writer's writes
 * @param readPauseMillis pause between one reader's reads, so reads do not starve writes of CPU
 */
public record FaultPlan(Duration warmUp, Duration faultFor, Duration afterFor, Duration convergeWithin,
    int writersPerNode, int keysPerWriter, int maxWritesPerWriter, int readPauseMillis) {

  /**
   * The plan for CI: a few seconds per phase. Convergence may take up to 20 s: a peer that timed
   * out is ejected for {@code server_retry_timeout} (10 s by default) from its last failure, and
   * its hints are handed off once it is taken back (docs/FAILURES.md).
   */
  public static final FaultPlan SHORT = new FaultPlan(Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(2), Duration.ofSeconds(20), 1, 100, 20_000, 5);

  /** The plan behind the published figures: a longer fault, more keys, more writers. */
  public static final FaultPlan LONG = new FaultPlan(Duration.ofSeconds(10), Duration.ofSeconds(45),
      Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 500, 200_000, 2);

  /** {@link #LONG} when the system property {@code fault.long} is {@code true}, else {@link #SHORT}. */
  public static FaultPlan fromSystemProperties() {
    return Boolean.getBoolean("fault.long") ? LONG : SHORT;
  }

  /** The longest one write or read may wait for its reply: a node paused or dead must not hang a client. */
  public static final int CLIENT_TIMEOUT_MILLIS = 5_000;
}
