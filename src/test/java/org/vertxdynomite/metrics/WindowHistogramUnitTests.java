package org.vertxdynomite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowHistogramUnitTests {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final WindowHistogram h = new WindowHistogram(5_000, now::get);

  @Test
  void everyValueFallsInABucketWhoseHighestValueIsWithinThreePercentAboveIt() {
    long[] samples = {0, 1, 31, 32, 33, 63, 64, 100, 999, 1_000, 123_456, 1L << 40, Long.MAX_VALUE};
    for (long v : samples) {
      int b = WindowHistogram.bucket(v);
      assertThat(b).isBetween(0, WindowHistogram.BUCKETS - 1);
      long high = WindowHistogram.highestIn(b);
      assertThat(high).as("bucket top of %d", v).isGreaterThanOrEqualTo(v);
      assertThat((double) (high - v)).as("error at %d", v).isLessThanOrEqualTo(Math.max(0, v * 0.032));
      if (b > 0) {
        assertThat(WindowHistogram.highestIn(b - 1)).as("bucket below %d", v).isLessThan(v);
      }
    }
  }

  @Test
  void percentilesMaxAndMeanOfAUniformSpreadAreItsOwn() {
    for (int v = 1; v <= 10_000; v++) {
      h.record(v);
    }
    InfoWindows.Figures f = h.figures();

    assertThat(f.max()).isEqualTo(10_000);
    assertThat(f.mean()).isEqualTo(5_000);
    assertThat(f.p95()).isBetween(9_500L, 9_500L * 103 / 100);
    assertThat(f.p99()).isBetween(9_900L, 10_000L);
    assertThat(f.p999()).isBetween(9_990L, 10_000L);
  }

  @Test
  void percentilesAndMaxForgetValuesOlderThanTheWindowButTheMeanKeepsThem() {
    h.record(1_000_000);
    now.addAndGet(2_000);
    h.record(10);
    assertThat(h.figures().max()).isEqualTo(1_000_000);

    now.addAndGet(4_000); // the first value's slot has left the 5 s window, the second's has not
    InfoWindows.Figures f = h.figures();

    assertThat(f.max()).isEqualTo(10);
    assertThat(f.p99()).isEqualTo(10);
    assertThat(f.mean()).isEqualTo(500_005);
  }

  @Test
  void aSlotComingRoundAgainStartsEmpty() {
    h.record(7_000);
    now.addAndGet(5_000); // the same slot index, one window later
    h.record(3);

    assertThat(h.figures().max()).isEqualTo(3);
    assertThat(h.figures().p999()).isEqualTo(3);
  }

  @Test
  void nothingRecordedReadsAsZeros() {
    assertThat(h.figures()).isEqualTo(new InfoWindows.Figures(0, 0, 0, 0, 0));
  }
}
