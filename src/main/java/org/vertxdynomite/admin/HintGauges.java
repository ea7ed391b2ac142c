package org.vertxdynomite.admin;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vertxdynomite.handoff.HintStats;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.metrics.PrometheusMetrics;

/**
 * The hinted-handoff meters, read from {@link HintStats} at scrape time: hints pending (in all and
 * per target) and a counter per outcome. Bound once, when the node has its handoff service.
 */
public final class HintGauges {

  /** Each {@code outcome} tag of {@link MetricNames#HINTS} and the count it reads. */
  private static final Map<String, ToDoubleFunction<HintStats>> OUTCOMES = Map.of(
      "written", HintStats::written,
      "replayed", HintStats::replayed,
      "expired", HintStats::expired,
      "failed", HintStats::failed,
      "refused", HintStats::refused,
      "corrupt", HintStats::corrupt);

  private HintGauges() {}

  /** Registers them with {@code metrics}. */
  public static void bind(PrometheusMetrics metrics, HintStats stats) {
    metrics.gauge(MetricNames.HINTS_PENDING, "Hints stored and not yet delivered", null, Tags.empty(),
        stats::pending);
    MultiGauge perTarget = metrics.multiGauge(MetricNames.HINTS_TARGET_PENDING,
        "Hints stored and not yet delivered, per target");
    metrics.beforeScrape(() -> {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      stats.pendingByTarget().forEach((target, n) -> rows.add(MultiGauge.Row.of(Tags.of("target", target.id()), n)));
      perTarget.register(rows, true);
    });
    OUTCOMES.forEach((outcome, count) -> FunctionCounter.builder(MetricNames.HINTS, stats, count)
        .description("Hints by what became of them").tag("outcome", outcome).register(metrics.registry()));
  }
}
