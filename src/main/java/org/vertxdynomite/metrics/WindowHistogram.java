package org.vertxdynomite.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A distribution of non-negative whole numbers whose percentiles and max cover the last few
 * minutes, and whose mean covers its whole life; cheap to record into from any thread.
 *
 * <p>Values fall into log-linear buckets: exact below 32, then 32 buckets per power of two, so a
 * percentile is within about 3 % of the true value (it is reported as the highest value its bucket
 * holds, never above the max seen). The window is {@link #SLOTS} slots of equal length; a value is
 * counted in the current slot only (one atomic increment), and a slot is cleared when it comes
 * round again. Readings merge the slots still inside the window, so they cover between
 * {@code SLOTS - 1} and {@code SLOTS} slot lengths.
 */
final class WindowHistogram {

  /** Slots the window is split into. */
  static final int SLOTS = 5;
  /** Exact below 32, then 32 buckets per power of two. */
  private static final LogLinearBuckets LAYOUT = new LogLinearBuckets(5);
  static final int BUCKETS = LAYOUT.count();

  private final long slotMillis;
  private final LongSupplier clockMillis;
  private final Slot[] slots = new Slot[SLOTS];
  private final LongAdder count = new LongAdder();
  private final LongAdder sum = new LongAdder();

  WindowHistogram(long windowMillis, LongSupplier clockMillis) {
    this.slotMillis = Math.max(1, windowMillis / SLOTS);
    this.clockMillis = clockMillis;
    for (int i = 0; i < SLOTS; i++) {
      slots[i] = new Slot();
    }
  }

  /** Counts {@code value} (negative values count as 0). */
  void record(long value) {
    long v = Math.max(0, value);
    count.increment();
    sum.add(v);
    long period = clockMillis.getAsLong() / slotMillis;
    Slot slot = slots[(int) (period % SLOTS)];
    if (slot.period != period) {
      slot.startPeriod(period);
    }
    slot.counts.incrementAndGet(bucket(v));
    long max;
    while (v > (max = slot.max.get()) && !slot.max.compareAndSet(max, v)) {
      // another thread raised the max: compare again
    }
  }

  /** The figures: max, 99.9th, 99th, 95th percentile over the window; mean over the whole life. */
  InfoWindows.Figures figures() {
    long period = clockMillis.getAsLong() / slotMillis;
    long[] merged = new long[BUCKETS];
    long total = 0;
    long max = 0;
    for (Slot s : slots) {
      if (s.period > period - SLOTS && s.period <= period) {
        for (int i = 0; i < BUCKETS; i++) {
          long c = s.counts.get(i);
          merged[i] += c;
          total += c;
        }
        max = Math.max(max, s.max.get());
      }
    }
    long n = count.sum();
    long mean = n == 0 ? 0 : sum.sum() / n;
    return new InfoWindows.Figures(max, percentile(merged, total, 0.999, max), percentile(merged, total, 0.99, max),
        percentile(merged, total, 0.95, max), mean);
  }

  private static long percentile(long[] counts, long total, double q, long max) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(max, highestIn(i));
      }
    }
    return max;
  }

  /** The bucket of {@code v}: itself below 32, else its power of two and top bits. */
  static int bucket(long v) {
    return LAYOUT.bucket(v);
  }

  /** The highest value bucket {@code i} holds. */
  static long highestIn(int i) {
    return LAYOUT.highestIn(i);
  }

  /** One slot's counts, for the period it was last started for. */
  private static final class Slot {
    final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    final AtomicLong max = new AtomicLong();
    volatile long period = -1;

    synchronized void startPeriod(long p) {
      if (period >= p) {
        return; // another thread started it
      }
      for (int i = 0; i < BUCKETS; i++) {
        counts.set(i, 0);
      }
      max.set(0);
      period = p;
    }
  }
}
