package org.vertxdynomite.handoff;

/**
 * An even pace of so many permits per second, without bursts beyond one reservation: each
 * reservation of {@code n} permits pushes the next free moment {@code n} intervals ahead, and says
 * how long to wait until the reserved permits may be used. Not thread-safe.
 */
public final class RateLimiter {

  private final long intervalNanos;
  private long nextFreeNanos;
  private boolean started;

  /** A pace of {@code perSecond} permits per second. */
  public RateLimiter(int perSecond) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    this.intervalNanos = Math.max(1, 1_000_000_000L / perSecond);
  }

  /** Reserves {@code permits} at monotonic time {@code nowNanos}; returns the ns to wait before using them. */
  public long reserve(int permits, long nowNanos) {
    if (!started || nextFreeNanos - nowNanos < 0) {
      nextFreeNanos = nowNanos; // idle time is not saved up as a burst
      started = true;
    }
    long wait = nextFreeNanos - nowNanos;
    nextFreeNanos += permits * intervalNanos;
    return wait;
  }
}
