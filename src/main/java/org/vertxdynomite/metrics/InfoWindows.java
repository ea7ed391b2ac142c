package org.vertxdynomite.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The distributions Dynomite's {@code /info} reports as max, 99.9th, 99th, 95th percentile and
 * mean: client latency, request payload size, datastore latency, cross-rack and cross-datacenter
 * latency. Latencies in microseconds, sizes in bytes, as in Dynomite.
 *
 * <p>Percentiles and the max cover roughly the last {@link #WINDOW} (Dynomite resets its
 * histograms every five minutes); the mean covers the node's whole life. Kept in a registry of
 * their own, because client-side percentiles are not aggregatable and do not belong in
 * Prometheus's output.
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

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<Kind, DistributionSummary> summaries = new EnumMap<>(Kind.class);

  InfoWindows() {
    for (Kind k : Kind.values()) {
      summaries.put(k, DistributionSummary.builder("info." + k.name().toLowerCase(java.util.Locale.ROOT))
          .publishPercentiles(0.95, 0.99, 0.999)
          .percentilePrecision(2)
          .distributionStatisticExpiry(WINDOW)
          .distributionStatisticBufferLength(5)
          .register(registry));
    }
  }

  void record(Kind kind, double value) {
    summaries.get(kind).record(value);
  }

  void recordNanos(Kind kind, long nanos) {
    summaries.get(kind).record(nanos / 1000.0);
  }

  /** The current figures of {@code kind}. */
  public Figures figures(Kind kind) {
    DistributionSummary s = summaries.get(kind);
    HistogramSnapshot snap = s.takeSnapshot();
    long p95 = 0;
    long p99 = 0;
    long p999 = 0;
    for (ValueAtPercentile v : snap.percentileValues()) {
      if (v.percentile() == 0.95) {
        p95 = (long) v.value();
      } else if (v.percentile() == 0.99) {
        p99 = (long) v.value();
      } else if (v.percentile() == 0.999) {
        p999 = (long) v.value();
      }
    }
    return new Figures((long) snap.max(), p999, p99, p95, (long) snap.mean());
  }
}
