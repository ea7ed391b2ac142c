package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.handoff.HintStats;
import org.vertxdynomite.handoff.HintTarget;
import org.vertxdynomite.metrics.PrometheusMetrics;
import org.vertxdynomite.testutil.PrometheusText;

class HintGaugesUnitTests {

  /** Fixed figures, each a different number so a swapped binding shows. */
  private static final class FixedStats implements HintStats {
    volatile Map<HintTarget, Long> pending = Map.of(HintTarget.node("dc1/r1/127.0.0.1:8101"), 3L,
        HintTarget.datacenter("dc2"), 4L);

    @Override public long pending() {
      return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override public Map<HintTarget, Long> pendingByTarget() {
      return pending;
    }

    @Override public long written() {
      return 11;
    }

    @Override public long replayed() {
      return 12;
    }

    @Override public long expired() {
      return 13;
    }

    @Override public long failed() {
      return 14;
    }

    @Override public long refused() {
      return 15;
    }

    @Override public long corrupt() {
      return 16;
    }
  }

  @Test
  void pendingHintsInAllAndPerTargetAndEveryOutcomeAreScraped() {
    PrometheusMetrics metrics = PrometheusMetrics.standalone();
    FixedStats stats = new FixedStats();
    HintGauges.bind(metrics, stats);

    PrometheusText t = PrometheusText.parse(metrics.scrape());
    assertThat(t.sum("dynomite_hints_pending")).isEqualTo(7);
    assertThat(t.sum("dynomite_hints_target_pending", "target", "dc1/r1/127.0.0.1:8101")).isEqualTo(3);
    assertThat(t.sum("dynomite_hints_target_pending", "target", "dc:dc2")).isEqualTo(4);
    assertThat(t.sum("dynomite_hints_total", "outcome", "written")).isEqualTo(11);
    assertThat(t.sum("dynomite_hints_total", "outcome", "replayed")).isEqualTo(12);
    assertThat(t.sum("dynomite_hints_total", "outcome", "expired")).isEqualTo(13);
    assertThat(t.sum("dynomite_hints_total", "outcome", "failed")).isEqualTo(14);
    assertThat(t.sum("dynomite_hints_total", "outcome", "refused")).isEqualTo(15);
    assertThat(t.sum("dynomite_hints_total", "outcome", "corrupt")).isEqualTo(16);

    stats.pending = Map.of(HintTarget.datacenter("dc2"), 1L);
    PrometheusText after = PrometheusText.parse(metrics.scrape());
    assertThat(after.has("dynomite_hints_target_pending", "target", "dc1/r1/127.0.0.1:8101")).isFalse();
    assertThat(after.sum("dynomite_hints_pending")).isEqualTo(1);
  }
}
