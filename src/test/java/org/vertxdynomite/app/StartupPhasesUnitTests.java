package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartupPhasesUnitTests {

  @Test
  void eachPhaseLastsFromThePreviousMarkAndTheTotalFromTheStart() {
    assertThat(describe(400, "jvm", 1_000, "cluster join", 1_250, "datastore", 1_300))
        .isEqualTo("started in 900 ms: jvm 600 ms, cluster join 250 ms, datastore 50 ms");
  }

  @Test
  void aClockGoingBackCountsAsNoTimeRatherThanANegativePhase() {
    assertThat(describe(100, "a", 500, "b", 450, "c", 520))
        .isEqualTo("started in 420 ms: a 400 ms, b 0 ms, c 20 ms");
  }

  @Test
  void withoutMarksItSaysNoTimePassed() {
    assertThat(describe(7)).isEqualTo("started in 0 ms");
  }

  @Test
  void sinceJvmStartCountsTheTimeBeforeItWasCreated() throws InterruptedException {
    Thread.sleep(5);
    StartupPhases phases = StartupPhases.sinceJvmStart();
    phases.mark("jvm");

    assertThat(phases.describe()).matches("started in [1-9][0-9]* ms: jvm [1-9][0-9]* ms");
  }

  /** The phases from {@code start}, each name in {@code marks} marked at the clock time after it. */
  private static String describe(long start, Object... marks) {
    AtomicLong now = new AtomicLong(start);
    StartupPhases phases = new StartupPhases(now::get, start);
    for (int i = 0; i < marks.length; i += 2) {
      now.set(((Number) marks[i + 1]).longValue());
      phases.mark((String) marks[i]);
    }
    return phases.describe();
  }
}
