package org.vertxdynomite.resp;

import java.util.OptionalLong;

/** Numeric arguments read with Redis's own rules. */
public final class RedisNumbers {

  private RedisNumbers() {}

  /**
   * {@code arg} as a long if Redis's {@code string2ll} would accept it: an optional '-', then
   * digits without leading zeros ("0" alone aside, and no "-0"), no '+', no spaces, within a long.
   */
  public static OptionalLong parseLong(byte[] arg) {
    int n = arg.length;
    if (n == 0 || n > 20) {
      return OptionalLong.empty();
    }
    if (n == 1 && arg[0] == '0') {
      return OptionalLong.of(0);
    }
    boolean negative = arg[0] == '-';
    int i = negative ? 1 : 0;
    if (i == n || arg[i] < '1' || arg[i] > '9') {
      return OptionalLong.empty();
    }
    long v = 0;
    for (; i < n; i++) {
      int d = arg[i] - '0';
      if (d < 0 || d > 9) {
        return OptionalLong.empty();
      }
      // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
      if (v < (Long.MIN_VALUE + d) / 10) {
        return OptionalLong.empty();
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return OptionalLong.empty();
      }
      v = -v;
    }
    return OptionalLong.of(v);
  }
}
