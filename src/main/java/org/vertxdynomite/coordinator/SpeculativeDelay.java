package org.vertxdynomite.coordinator;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.vertxdynomite.metrics.LogLinearBuckets;

/**
 * How long a quorum read waits for the replicas it asked before asking one more
 * ({@link StagedQuorum}): the 99th percentile of this node's recent replica read latencies, so
 * that about one read in a hundred asks an extra replica when nothing is wrong, and a read whose
 * replica stalls (a paused process, a long GC) is answered after about that long instead of the
 * peer timeout. Kept between {@link #MIN_MILLIS} and {@link #MAX_MILLIS}.
 *
 * <p>Latencies are counted in log-linear buckets (four per power of two, so within 25 %); the
 * percentile is taken again once a window holds {@link #MIN_SAMPLES} and has lasted
 * {@link #WINDOW_NANOS}, and the window starts afresh. Cheap from any thread: one atomic
 * increment per latency.
 */
final class SpeculativeDelay {

  static final long MIN_MILLIS = 1;
  static final long MAX_MILLIS = 1000;
  /** Until the first window is full: about a loaded machine's p99 (docs/BENCHMARKS.md). */
  static final long INITIAL_MILLIS = 10;
  static final int MIN_SAMPLES = 200;
  static final long WINDOW_NANOS = 1_000_000_000L;
  private static final LogLinearBuckets LAYOUT = new LogLinearBuckets(2);
  private static final int BUCKETS = LAYOUT.count();

  private final LongSupplier clockNanos;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final AtomicBoolean updating = new AtomicBoolean();
  private volatile long windowStart;
  private volatile long millis = INITIAL_MILLIS;

  SpeculativeDelay(LongSupplier clockNanos) {
    this.clockNanos = clockNanos;
    this.windowStart = clockNanos.getAsLong();
  }

  /** The current delay, in milliseconds. */
  long millis() {
    return millis;
  }

  /** Counts one replica's read latency. */
  void record(long nanos) {
    counts.incrementAndGet(LAYOUT.bucket(Math.max(0, nanos) / 1000));
    long now = clockNanos.getAsLong();
    if (now - windowStart >= WINDOW_NANOS && updating.compareAndSet(false, true)) {
      try {
        update(now);
      } finally {
        updating.set(false);
      }
    }
  }

  private void update(long now) {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    if (total < MIN_SAMPLES) {
      return; // a quiet node: the window goes on until it holds enough
    }
    long rank = (long) Math.ceil(total * 0.99);
    long seen = 0;
    long p99Micros = -1;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.getAndSet(i, 0);
      if (seen >= rank && p99Micros < 0) {
        p99Micros = LAYOUT.highestIn(i);
      }
    }
    millis = Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, (p99Micros + 999) / 1000));
    windowStart = now;
  }
}
