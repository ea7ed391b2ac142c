package org.vertxdynomite.warmup;

import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.metrics.PrometheusMetrics;

/** The warm-up's gauges ({@code dynomite_warmup_*}), read from the verticle at scrape time. */
public final class WarmupGauges {

  private WarmupGauges() {}

  /** Registers them with {@code metrics}. */
  public static void bind(PrometheusMetrics metrics, WarmupVerticle warmup) {
    keys(metrics, warmup, "copied", WarmupProgress.Snapshot::copiedKeys);
    keys(metrics, warmup, "skipped_written", WarmupProgress.Snapshot::skippedWritten);
    keys(metrics, warmup, "skipped_existing", WarmupProgress.Snapshot::skippedExisting);
    keys(metrics, warmup, "skipped_flushed", WarmupProgress.Snapshot::skippedFlushed);
    keys(metrics, warmup, "estimated", WarmupProgress.Snapshot::estimatedKeys);
    metrics.gauge(MetricNames.WARMUP_BYTES, "Warm-up: bytes of copies restored", "bytes", Tags.empty(),
        () -> warmup.progress().map(WarmupProgress.Snapshot::copiedBytes).orElse(0L));
    metrics.gauge(MetricNames.WARMUP_RATE, "Warm-up: keys copied per second so far", null, Tags.empty(),
        () -> warmup.progress().map(WarmupProgress.Snapshot::keysPerSecond).orElse(0.0));
    metrics.gauge(MetricNames.WARMUP_ETA, "Warm-up: seconds left at the rate so far, -1 unknown", "seconds",
        Tags.empty(), () -> warmup.phase() != WarmupVerticle.Phase.RUNNING ? 0
            : warmup.progress().map(WarmupProgress.Snapshot::etaSeconds).orElse(-1L));
    for (WarmupVerticle.Phase p : WarmupVerticle.Phase.values()) {
      metrics.gauge(MetricNames.WARMUP_STATUS, "1 for where the last warm-up stands", null,
          Tags.of("status", p.name().toLowerCase(Locale.ROOT)), () -> warmup.phase() == p ? 1 : 0);
    }
  }

  private static void keys(PrometheusMetrics metrics, WarmupVerticle warmup, String kind,
      ToLongFunction<WarmupProgress.Snapshot> value) {
    metrics.gauge(MetricNames.WARMUP_KEYS, "Warm-up keys of the running or last warm-up", null,
        Tags.of("kind", kind), () -> warmup.progress().map(value::applyAsLong).orElse(0L));
  }
}
