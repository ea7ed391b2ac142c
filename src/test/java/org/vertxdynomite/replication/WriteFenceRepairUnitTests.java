package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What anti-entropy repair asks of the fence: what it remembers, and a repair admitted only if nothing moved. */
class WriteFenceRepairUnitTests {

  private static final byte[] KEY = "k".getBytes();
  private final WriteFence fence = new WriteFence(1024);

  @Test
  void itTellsTheNewestWriteAndTheNewestWholeValueWriteOfAKey() {
    fence.applied(new byte[][] {KEY}, 10, true);
    fence.applied(new byte[][] {KEY}, 12, false);

    assertThat(fence.newest(KEY)).isEqualTo(12);
    assertThat(fence.newestOverwrite(KEY)).isEqualTo(10);
    assertThat(fence.newest("other".getBytes())).as("not remembered").isZero();
  }

  @Test
  void aRepairIsAdmittedOnlyWhileTheKeysNewestWriteAndTheLastFlushAreWhatItSaw() {
    fence.applied(new byte[][] {KEY}, 10, true);

    assertThat(fence.repair(KEY, 9, 0, 20)).as("a write came since").isFalse();
    assertThat(fence.newest(KEY)).isEqualTo(10);
    fence.flushed(11);
    assertThat(fence.repair(KEY, 10, 0, 20)).as("a flush came since").isFalse();
    assertThat(fence.repair(KEY, 10, 11, 20)).isTrue();
  }

  @Test
  void anAdmittedRepairCountsAsAWholeValueWriteSoOlderWritesArrivingLaterAreVoid() {
    assertThat(fence.repair(KEY, 0, 0, 20)).isTrue();

    assertThat(fence.newestOverwrite(KEY)).isEqualTo(20);
    assertThat(fence.isLate(new byte[][] {KEY}, 19, false)).isTrue();
    assertThat(fence.isLate(new byte[][] {KEY}, 20, true)).as("its own hint, replayed").isTrue();
  }

  @Test
  void aRepairWithoutATimestampIsNotRemembered() {
    assertThat(fence.repair(KEY, 0, 0, 0)).isTrue();

    assertThat(fence.newest(KEY)).isZero();
  }

  @Test
  void aForgottenKeysWritesAreOlderThanTheFenceOrThanTheNewestWriteItsSetForgot() {
    long before = System.currentTimeMillis() << HybridClock.LOGICAL_BITS;
    WriteFence one = new WriteFence(1);
    long started = one.forgottenBefore(KEY);
    long written = (System.currentTimeMillis() + 60_000) << HybridClock.LOGICAL_BITS;

    assertThat(started).as("never written since the fence started").isLessThanOrEqualTo(before + (1000L << 16))
        .isPositive();
    one.applied(new byte[][] {KEY}, written, true);
    one.applied(new byte[][] {"taker".getBytes()}, written + 5, true);
    assertThat(one.newest(KEY)).as("pushed out of its one entry").isZero();
    assertThat(one.forgottenBefore(KEY)).as("its writes are not newer than what was forgotten").isEqualTo(written);
    assertThat(one.forgottenBefore("taker".getBytes())).as("remembered").isZero();
  }
}
