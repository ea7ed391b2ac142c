package org.vertxdynomite.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The distributions Dynomite's {@code /info} reports as max, 99.9th, 99th, 95th percentile and
 * mean: client latency, request payload size, datastore latency, cross-rack and cross-datacenter
 * latency. Latencies in microseconds, sizes in bytes, as in Dynomite.
 *
 * <p>Percentiles and the max cover roughly the last {@link #WINDOW} (Dynomite resets its
 * histograms every five minutes); the mean covers the node's whole life. Kept apart from the
 * Prometheus registry, because client-side percentiles are not aggregatable and do not belong in
 * its output; each is a {@link WindowHistogram}, one atomic increment per value, since every
 * request records into several of them.
 */
public final class InfoWindows {

  /** How far back percentiles and the max look. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** The distributions. */
  public enum Kind {
    LATENCY, PAYLOAD_SIZE, SERVER_LATENCY, CROSS_ZONE_LATENCY, CROSS_REGION_LATENCY
  }

  /** One distribution's figures, rounded down to whole units; all 0 before any sample. */
  public record Figures(long max, long p999, long p99, long p95, long mean) {}

  private final WindowHistogram[] histograms = new WindowHistogram[Kind.values().length];

  InfoWindows() {
    this(System::currentTimeMillis);
  }

  InfoWindows(LongSupplier clockMillis) {
    for (Kind k : Kind.values()) {
      histograms[k.ordinal()] = new WindowHistogram(WINDOW.toMillis(), clockMillis);
    }
  }

  void record(Kind kind, long value) {
    histograms[kind.ordinal()].record(value);
  }

  void recordNanos(Kind kind, long nanos) {
    histograms[kind.ordinal()].record(nanos / 1000);
  }

  /** The current figures of {@code kind}. */
  public Figures figures(Kind kind) {
    return histograms[kind.ordinal()].figures();
  }
}
