package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartupPhasesUnitTests {

  @Test
  void eachPhaseLastsFromThePreviousMarkAndTheTotalFromTheStart() {
    AtomicLong now = new AtomicLong(1_000);
    StartupPhases phases = new StartupPhases(now::get, 400);
    phases.mark("jvm");
    now.set(1_250);
    phases.mark("cluster join");
    now.set(1_300);
    phases.mark("datastore");

    assertThat(phases.describe()).isEqualTo("started in 900 ms: jvm 600 ms, cluster join 250 ms, datastore 50 ms");
  }

  @Test
  void aClockGoingBackCountsAsNoTimeRatherThanANegativePhase() {
    AtomicLong now = new AtomicLong(500);
    StartupPhases phases = new StartupPhases(now::get, 100);
    phases.mark("a");
    now.set(450);
    phases.mark("b");
    now.set(520);
    phases.mark("c");

    assertThat(phases.describe()).isEqualTo("started in 420 ms: a 400 ms, b 0 ms, c 20 ms");
  }

  @Test
  void withoutMarksItSaysNoTimePassed() {
    assertThat(new StartupPhases(() -> 7, 7).describe()).isEqualTo("started in 0 ms");
  }

  @Test
  void sinceJvmStartCountsTheTimeBeforeItWasCreated() throws InterruptedException {
    Thread.sleep(5);
    StartupPhases phases = StartupPhases.sinceJvmStart();
    phases.mark("jvm");

    assertThat(phases.describe()).matches("started in [1-9][0-9]* ms: jvm [1-9][0-9]* ms");
  }
}
