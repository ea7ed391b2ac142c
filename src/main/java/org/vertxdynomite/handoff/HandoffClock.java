package org.vertxdynomite.handoff;

import io.vertx.core.Vertx;

/**
 * Time as the replayer sees it: wall-clock time for hint expiry, a monotonic clock for the rate
 * limit and back-off, and timers. Tests substitute a clock they advance by hand.
 */
public interface HandoffClock {

  /** Wall-clock time, ms since the epoch (hint expiry survives restarts, so it is wall-clock). */
  long wallMillis();

  /** A monotonic time in ns, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Runs {@code task} after {@code delayMs}, on the context this is called from. */
  void schedule(long delayMs, Runnable task);

  /** The system clocks and Vert.x timers. */
  static HandoffClock system(Vertx vertx) {
    return new HandoffClock() {
      @Override
      public long wallMillis() {
        return System.currentTimeMillis();
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void schedule(long delayMs, Runnable task) {
        vertx.setTimer(Math.max(1, delayMs), id -> task.run());
      }
    };
  }
}
