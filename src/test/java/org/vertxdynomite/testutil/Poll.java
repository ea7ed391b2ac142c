package org.vertxdynomite.testutil;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Bounded polling for things that become true eventually (asynchronous replication, say). */
public final class Poll {

  private Poll() {}

  /**
   * Calls {@code read} every 20 ms until {@code done} accepts its value or {@code patience} has
   * passed, and returns the last value read (so the caller's assertion shows what was seen).
   */
  public static <T> T until(Duration patience, Callable<T> read, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    T v = read.call();
    while (!done.test(v) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      v = read.call();
    }
    return v;
  }

  /** A raw client's reply to {@code command}, polled until it is not a nil bulk ({@code $-1}). */
  public static String untilNotNil(RawRespClient c, Duration patience, String... command) throws Exception {
    return until(patience, () -> c.callString(command), v -> !v.equals("$-1\r\n"));
  }
}
