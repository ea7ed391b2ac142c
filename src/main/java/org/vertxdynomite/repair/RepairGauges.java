package org.vertxdynomite.repair;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.metrics.PrometheusMetrics;

/**
 * Repair's meters, read from the verticle's totals at scrape time: runs ended, keys by what
 * happened to them ({@code dynomite_repair_keys_total{kind}}), conflicts by how they were resolved
 * ({@code dynomite_repair_conflicts_total{resolution}}), failed pairs, and whether a run is going.
 */
public final class RepairGauges {

  private RepairGauges() {}

  /** Registers them with {@code metrics}. */
  public static void bind(PrometheusMetrics metrics, RepairVerticle repair) {
    FunctionCounter.builder(MetricNames.REPAIR_RUNS, repair, r -> r.runs())
        .description("Anti-entropy repair runs ended").register(metrics.registry());
    metrics.gauge(MetricNames.REPAIR_RUNNING, "1 while an anti-entropy repair runs", null, Tags.empty(),
        () -> repair.phase() == RepairVerticle.Phase.RUNNING ? 1 : 0);
    for (RepairCounts.Kind k : RepairCounts.Kind.values()) {
      String name;
      String tag;
      if (k.tag().startsWith("conflict_")) {
        name = MetricNames.REPAIR_CONFLICTS;
        tag = "resolution";
      } else if (k == RepairCounts.Kind.FAILED_COMPARISONS) {
        name = MetricNames.REPAIR_FAILED;
        tag = null;
      } else {
        name = MetricNames.REPAIR_KEYS;
        tag = "kind";
      }
      FunctionCounter.Builder<RepairCounts> b = FunctionCounter.builder(name, repair.totals(), t -> t.get(k))
          .description(description(name));
      if (tag != null) {
        b.tag(tag, k.tag().replace("conflict_", ""));
      }
      b.register(metrics.registry());
    }
  }

  private static String description(String name) {
    return switch (name) {
      case MetricNames.REPAIR_CONFLICTS -> "Anti-entropy conflicts (replicas holding different versions) by resolution";
      case MetricNames.REPAIR_FAILED -> "Anti-entropy comparisons with the peers sharing some ranges that failed";
      default -> "Anti-entropy keys by what repair did with them (compared, copied, replaced, deleted, deferred, "
          + "raced, failed) and digest buckets that differed";
    };
  }
}
