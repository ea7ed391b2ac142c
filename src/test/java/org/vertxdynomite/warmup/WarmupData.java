package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.testutil.RawRespClient;

/** The data warm-up integration tests load and compare. */
final class WarmupData {

  private WarmupData() {}

  /**
   * Writes keys {@code k:0..keys-1} through {@code c}: strings, hashes, lists, sets and sorted sets in
   * turn; every 7th with a TTL. Pipelined by 1000.
   */
  static void load(RawRespClient c, int keys) throws Exception {
    for (int from = 0; from < keys; from += 1000) {
      int sent = 0;
      for (int i = from; i < Math.min(keys, from + 1000); i++) {
        String k = "k:" + i;
        switch (i % 5) {
          case 0 -> c.sendCommand("SET", k, "value-" + i);
          case 1 -> c.sendCommand("HSET", k, "f1", "a" + i, "f2", "b");
          case 2 -> c.sendCommand("RPUSH", k, "x", "y" + i, "z");
          case 3 -> c.sendCommand("SADD", k, "m1", "m" + i, "m3");
          default -> c.sendCommand("ZADD", k, "1", "a", "2", "b" + i);
        }
        sent++;
        if (i % 7 == 0) {
          c.sendCommand("PEXPIRE", k, Long.toString(600_000 + i));
          sent++;
        }
      }
      for (int i = 0; i < sent; i++) {
        assertThat(c.readReplyString()).doesNotStartWith("-");
      }
    }
  }

  /** What differs between node {@code a}'s sorted keys and node {@code b}'s, up to 10 of each. */
  static String keysOnlyAtEither(int a, List<String> keysA, int b, List<String> keysB) {
    List<String> onlyA = new ArrayList<>(keysA);
    onlyA.removeAll(keysB);
    List<String> onlyB = new ArrayList<>(keysB);
    onlyB.removeAll(keysA);
    return "only at " + a + ": " + onlyA.subList(0, Math.min(10, onlyA.size())) + ", only at " + b + ": "
        + onlyB.subList(0, Math.min(10, onlyB.size()));
  }
}
