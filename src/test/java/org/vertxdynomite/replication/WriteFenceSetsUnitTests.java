package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys sharing a set of the fence are all remembered until the set is full; then the oldest goes. */
class WriteFenceSetsUnitTests {

  /** 16 entries: 4 sets of 4. */
  private final WriteFence fence = new WriteFence(16);

  /** {@code n} keys whose hashes pick the same set of a 16-entry fence. */
  private static List<byte[]> keysOfOneSet(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      byte[] k = ("key:" + i).getBytes(StandardCharsets.US_ASCII);
      if ((WriteFence.hash(k) & 3) == 0) {
        out.add(k);
      }
    }
    return out;
  }

  private boolean lateSetIsVoid(byte[] key, long ts) {
    return !fence.admit(new byte[][] {key}, ts, true, false);
  }

  @Test
  void fourKeysOfOneSetAreAllRememberedAndTheirLateWritesVoided() {
    List<byte[]> keys = keysOfOneSet(4);
    for (int i = 0; i < 4; i++) {
      assertThat(fence.admit(new byte[][] {keys.get(i)}, 100 + i, true, false)).isTrue();
    }

    for (byte[] k : keys) {
      assertThat(lateSetIsVoid(k, 50)).as(new String(k, StandardCharsets.US_ASCII)).isTrue();
    }
  }

  @Test
  void aFifthKeyOfTheSetForgetsTheKeyWhoseNewestWriteIsOldestAndReportsItAsForgottenBeforeThat() {
    List<byte[]> keys = keysOfOneSet(5);
    long[] stamps = {300, 100, 400, 200};
    for (int i = 0; i < 4; i++) {
      fence.admit(new byte[][] {keys.get(i)}, stamps[i], true, false);
    }

    fence.admit(new byte[][] {keys.get(4)}, 500, true, false);

    assertThat(fence.newest(keys.get(1))).as("the oldest, forgotten").isZero();
    assertThat(fence.forgottenBefore(keys.get(1))).isGreaterThanOrEqualTo(100);
    assertThat(lateSetIsVoid(keys.get(0), 50)).isTrue();
    assertThat(lateSetIsVoid(keys.get(2), 50)).isTrue();
    assertThat(lateSetIsVoid(keys.get(3), 50)).isTrue();
    assertThat(fence.newest(keys.get(4))).isEqualTo(500);
  }
}
