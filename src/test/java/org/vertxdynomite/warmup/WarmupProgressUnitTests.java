package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupProgressUnitTests {

  private final AtomicLong now = new AtomicLong(10_000);
  private final WarmupProgress progress = new WarmupProgress(now::get);

  @Test
  void rateAndEtaFollowTheKeysDoneSoFar() {
    progress.estimate(1000);
    for (int i = 0; i < 200; i++) {
      progress.copied(100);
    }
    progress.skippedWritten();
    progress.skippedExisting();
    now.addAndGet(2000);

    WarmupProgress.Snapshot s = progress.snapshot();
    assertThat(s.copiedKeys()).isEqualTo(200);
    assertThat(s.copiedBytes()).isEqualTo(20_000);
    assertThat(s.doneKeys()).isEqualTo(202);
    assertThat(s.keysPerSecond()).isEqualTo(100.0);
    assertThat(s.bytesPerSecond()).isEqualTo(10_000.0);
    assertThat(s.percent()).isEqualTo(20.2);
    // 798 keys left at 101 keys/s.
    assertThat(s.etaSeconds()).isEqualTo(8);
  }

  @Test
  void etaIsUnknownBeforeAnythingIsDone() {
    progress.estimate(1000);
    now.addAndGet(500);

    assertThat(progress.snapshot().etaSeconds()).isEqualTo(-1);
    assertThat(progress.snapshot().toJson().getLong("eta_seconds")).isEqualTo(-1);
  }

  @Test
  void theClockStopsWhenTheWarmupEnds() {
    progress.copied(10);
    now.addAndGet(1000);
    progress.end();
    now.addAndGet(60_000);

    assertThat(progress.snapshot().elapsedMillis()).isEqualTo(1000);
    assertThat(progress.snapshot().keysPerSecond()).isEqualTo(1.0);
  }

  @Test
  void moreDoneThanEstimatedIsAHundredPercent() {
    progress.estimate(1);
    progress.copied(1);
    progress.copied(1);

    assertThat(progress.snapshot().percent()).isEqualTo(100.0);
    assertThat(progress.snapshot().describe()).contains("2/1 keys");
  }
}
