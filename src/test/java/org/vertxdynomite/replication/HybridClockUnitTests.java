package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockUnitTests {

  @Test
  void timestampsFollowTheWallClockInTheirHighBits() {
    HybridClock clock = new HybridClock(() -> 1_700_000_000_000L);
    assertThat(HybridClock.millisOf(clock.now())).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void timestampsStrictlyIncreaseWithinOneMillisecond() {
    HybridClock clock = new HybridClock(() -> 1000);
    long a = clock.now();
    long b = clock.now();
    assertThat(b).isEqualTo(a + 1);
  }

  @Test
  void aWallClockGoingBackwardsDoesNotMakeTimestampsGoBackwards() {
    AtomicLong wall = new AtomicLong(5000);
    HybridClock clock = new HybridClock(wall::get);
    long before = clock.now();
    wall.set(4000);
    assertThat(clock.now()).isGreaterThan(before);
  }

  @Test
  void afterObservingALaterRemoteStampTheNextTimestampExceedsIt() {
    HybridClock clock = new HybridClock(() -> 1000);
    long remote = (2000L << HybridClock.LOGICAL_BITS) + 7;
    clock.observe(remote);
    assertThat(clock.now()).isGreaterThan(remote);
  }

  @Test
  void observingAnOlderStampChangesNothing() {
    HybridClock clock = new HybridClock(() -> 3000);
    long now = clock.now();
    clock.observe(now - 100);
    assertThat(clock.now()).isEqualTo(now + 1);
  }
}
