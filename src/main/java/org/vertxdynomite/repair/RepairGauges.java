package org.vertxdynomite.repair;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.metrics.PrometheusMetrics;

/**
 * Repair's meters, read from the verticle's totals at scrape time: runs ended, keys by what
 * happened to them ({@code dynomite_repair_keys_total{kind}}), conflicts by how they were resolved
 * ({@code dynomite_repair_conflicts_total{resolution}}), failed pairs, and whether a run is going;
 * and read repair's, alike ({@code dynomite_read_repair_*}), with its disagreeing reads by outcome
 * ({@code dynomite_read_repairs_total{outcome}}) and the repairs in flight.
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
      if (k == RepairCounts.Kind.FAILED_COMPARISONS) {
        FunctionCounter.builder(MetricNames.REPAIR_FAILED, repair.totals(), t -> t.get(k))
            .description(description(MetricNames.REPAIR_FAILED)).register(metrics.registry());
      } else {
        counter(metrics, MetricNames.REPAIR_KEYS, MetricNames.REPAIR_CONFLICTS, repair.totals(), k);
      }
    }
    bindReadRepair(metrics, repair.readRepair());
  }

  private static void bindReadRepair(PrometheusMetrics metrics, ReadRepair read) {
    for (ReadRepair.Event e : ReadRepair.Event.values()) {
      FunctionCounter.builder(MetricNames.READ_REPAIRS, read, r -> r.count(e)).tag("outcome", e.tag())
          .description(description(MetricNames.READ_REPAIRS)).register(metrics.registry());
    }
    metrics.gauge(MetricNames.READ_REPAIRS_IN_FLIGHT, "Read repairs in flight", null, Tags.empty(), read::inFlight);
    for (RepairCounts.Kind k : RepairCounts.Kind.values()) {
      if (ReadRepair.appliesToReadRepair(k)) {
        counter(metrics, MetricNames.READ_REPAIR_KEYS, MetricNames.READ_REPAIR_CONFLICTS, read.keys(), k);
      }
    }
  }

  /** Count {@code k} of {@code counts}: a conflict under {@code conflicts}{resolution}, else under {@code keys}{kind}. */
  private static void counter(PrometheusMetrics metrics, String keys, String conflicts, RepairCounts counts,
      RepairCounts.Kind k) {
    boolean conflict = k.tag().startsWith("conflict_");
    String name = conflict ? conflicts : keys;
    FunctionCounter.builder(name, counts, t -> t.get(k)).description(description(name))
        .tag(conflict ? "resolution" : "kind", k.tag().replace("conflict_", "")).register(metrics.registry());
  }

  private static String description(String name) {
    return switch (name) {
      case MetricNames.REPAIR_CONFLICTS -> "Anti-entropy conflicts (replicas holding different versions) by resolution";
      case MetricNames.REPAIR_FAILED -> "Anti-entropy comparisons with the peers sharing some ranges that failed";
      case MetricNames.READ_REPAIRS -> "Quorum reads whose replicas disagreed, by what became of their read repair";
      case MetricNames.READ_REPAIR_KEYS -> "Read repair: keys by what it did with them (copied, replaced, deleted, "
          + "deferred, raced, failed)";
      case MetricNames.READ_REPAIR_CONFLICTS -> "Read repair: conflicts (replicas holding different versions) by "
          + "resolution";
      default -> "Anti-entropy keys by what repair did with them (compared, copied, replaced, deleted, deferred, "
          + "raced, failed) and digest buckets that differed";
    };
  }
}
