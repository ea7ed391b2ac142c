package org.vertxdynomite.replication;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock: timestamps that follow wall-clock milliseconds, never go backwards, are
 * strictly increasing on one node, and move past every timestamp the node has seen from others.
 *
 * <p>A timestamp is {@code millis << 16 | counter}: the high 48 bits are epoch milliseconds, the
 * low 16 a counter for events within one millisecond (a counter that overflows carries into the
 * milliseconds, which keeps the order). The coordinator stamps every client write with {@link
 * #now()}; replicas {@link #observe} the stamps they receive, so a write caused by one a node has
 * seen always gets a later stamp, whatever the two wall clocks say. Safe from any thread.
 */
public final class HybridClock {

  /** Bits of a timestamp below the milliseconds. */
  public static final int LOGICAL_BITS = 16;

  private final LongSupplier wallMillis;
  private final AtomicLong last = new AtomicLong();

  /** A clock on {@link System#currentTimeMillis()}. */
  public HybridClock() {
    this(System::currentTimeMillis);
  }

  /** A clock reading {@code wallMillis} (tests pass their own). */
  public HybridClock(LongSupplier wallMillis) {
    this.wallMillis = wallMillis;
  }

  /** A new timestamp, greater than every one this clock issued or observed before. */
  public long now() {
    long physical = wallMillis.getAsLong() << LOGICAL_BITS;
    return last.accumulateAndGet(physical, (prev, p) -> Math.max(prev + 1, p));
  }

  /** Takes note of a timestamp from another node, so later {@link #now()}s exceed it. */
  public void observe(long remote) {
    if (remote > 0) {
      last.accumulateAndGet(remote, Math::max);
    }
  }

  /** The epoch milliseconds of {@code timestamp}. */
  public static long millisOf(long timestamp) {
    return timestamp >>> LOGICAL_BITS;
  }
}
