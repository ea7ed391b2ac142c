package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriteFenceUnitTests {

  private static byte[][] keys(String... names) {
    byte[][] k = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      k[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
    return k;
  }

  private final WriteFence fence = new WriteFence(1024);

  @Test
  void anOverwriteOlderThanTheKeysNewestOverwriteIsVoid() {
    assertThat(fence.admit(keys("k"), 20, true, false)).isTrue();
    assertThat(fence.admit(keys("k"), 10, true, false)).isFalse();
    assertThat(fence.voided()).isEqualTo(1);
  }

  @Test
  void aNewerOverwriteIsApplied() {
    fence.admit(keys("k"), 10, true, false);
    assertThat(fence.admit(keys("k"), 20, true, false)).isTrue();
  }

  @Test
  void aMergingWriteOlderThanANewerOverwriteIsVoidBecauseTheOverwriteErasedIt() {
    fence.admit(keys("list"), 50, true, false); // DEL list at 50
    assertThat(fence.admit(keys("list"), 40, false, false)).isFalse(); // LPUSH list at 40
  }

  @Test
  void mergingWritesAreAppliedInAnyOrderWhenNoOverwriteIsNewer() {
    fence.admit(keys("set"), 10, true, false);
    assertThat(fence.admit(keys("set"), 30, false, false)).isTrue();
    assertThat(fence.admit(keys("set"), 20, false, false)).isTrue();
  }

  @Test
  void aReplayedHintThatIsTheKeysNewestWriteIsADuplicateAndVoid() {
    fence.admit(keys("k"), 77, false, false);
    assertThat(fence.admit(keys("k"), 77, false, true)).isFalse();
  }

  @Test
  void aReplayedHintNewerThanEverythingIsApplied() {
    fence.admit(keys("k"), 77, true, false);
    assertThat(fence.admit(keys("k"), 78, false, true)).isTrue();
  }

  @Test
  void writesOlderThanTheLastFlushAreVoid() {
    fence.flushed(100);
    assertThat(fence.admit(keys("a"), 99, false, false)).isFalse();
    assertThat(fence.admit(keys("a"), 101, false, false)).isTrue();
  }

  @Test
  void unstampedWritesAreAlwaysAppliedAndNotRemembered() {
    fence.admit(keys("k"), 0, true, false);
    assertThat(fence.admit(keys("k"), 5, true, false)).isTrue();
    assertThat(fence.admit(keys("k"), 0, true, false)).isTrue();
  }

  @Test
  void aMultiKeyWriteIsAppliedUnlessVoidForEveryKey() {
    fence.admit(keys("a"), 50, true, false);
    assertThat(fence.admit(keys("a", "b"), 40, true, false)).isTrue();
    fence.admit(keys("b"), 60, true, false);
    assertThat(fence.admit(keys("a", "b"), 45, true, false)).isFalse();
  }

  @Test
  void aKeyWhoseSlotWasTakenOverIsForgottenAndItsNextWriteApplied() {
    WriteFence tiny = new WriteFence(1);
    tiny.admit(keys("first"), 100, true, false);
    tiny.admit(keys("second"), 200, true, false);
    assertThat(tiny.admit(keys("first"), 50, true, false)).isTrue();
  }

  @Test
  void theSlotCountIsRoundedUpToAPowerOfTwo() {
    assertThat(new WriteFence(1000).slots()).isEqualTo(1024);
    assertThat(new WriteFence(1024).slots()).isEqualTo(1024);
  }

  @Test
  void aWriteCheckedButNeverAppliedDoesNotMakeItsHintADuplicate() {
    assertThat(fence.isLate(keys("k"), 90, false)).isFalse();
    // The datastore failed: applied() is not called, and the hint of the same write comes back.
    assertThat(fence.isLate(keys("k"), 90, true)).isFalse();
    fence.applied(keys("k"), 90, false);
    assertThat(fence.isLate(keys("k"), 90, true)).isTrue();
  }

  @Test
  void aWriteAdmittedButThenNotAppliedDoesNotMakeItsHintADuplicateWhileOlderWritesStayVoid() {
    assertThat(fence.admit(keys("k"), 90, true, false)).isTrue();
    fence.notApplied(keys("k"), 90);
    assertThat(fence.isLate(keys("k"), 90, true)).as("its hint").isFalse();
    assertThat(fence.isLate(keys("k"), 80, false)).as("an older write").isTrue();
  }

  @Test
  void aReplayedHintAKeysRestoredCopyAlreadyHoldsIsVoidButANewerOneAndALiveWriteAreApplied() {
    fence.copied(keys("list")[0], 30);

    assertThat(fence.admit(keys("list"), 20, false, true)).as("hint at 20, in the copy").isFalse();
    assertThat(fence.admit(keys("list"), 30, false, true)).as("hint at 30, the copy's newest").isFalse();
    assertThat(fence.admit(keys("list"), 25, false, false)).as("a live write is not judged by the copy").isTrue();
    assertThat(fence.admit(keys("list"), 31, false, true)).as("hint at 31, newer than the copy").isTrue();
  }

  @Test
  void aCopyThatWasNotRestoredLeavesNoMark() {
    fence.copied(keys("list")[0], 30);
    fence.notCopied(keys("list")[0], 30);

    assertThat(fence.admit(keys("list"), 20, false, true)).isTrue();
  }

  @Test
  void anotherKeyTakingTheSlotDropsTheCopyMark() {
    WriteFence one = new WriteFence(1);
    one.copied(keys("a")[0], 30);
    one.admit(keys("b"), 5, false, false);

    assertThat(one.admit(keys("a"), 20, false, true)).isTrue();
  }

  @Test
  void whatTheFenceRemembersOfAKeyIsItsNewestWriteAndNewestOverwrite() {
    fence.admit(keys("k"), 10, true, false);
    fence.admit(keys("k"), 15, false, false);

    assertThat(fence.remembered(keys("k")[0])).isEqualTo(new WriteFence.Remembered(15, 10));
    assertThat(fence.remembered(keys("unknown")[0])).isEqualTo(WriteFence.Remembered.NOTHING);
  }

  @Test
  void aFlushIsKnownWhenItStartsAndVoidsOlderWritesOnlyOnceApplied() {
    fence.flushStarting(100);
    assertThat(fence.flushStartedAt()).isEqualTo(100);
    assertThat(fence.flushedAt()).isZero();
    assertThat(fence.admit(keys("k"), 50, true, false)).isTrue();

    fence.flushed(100);
    assertThat(fence.admit(keys("j"), 50, true, false)).isFalse();
  }
}
