package org.vertxdynomite.server;

/** Parsing of numeric arguments with Redis's rules (no spaces, no '+', no leading zeros issue). */
final class Numbers {

  private Numbers() {}

  /** The argument as a long, or null when Redis's string2ll would reject it. */
  static Long parseLong(byte[] b) {
    if (b.length == 0 || b.length > 20) {
      return null;
    }
    int i = 0;
    boolean negative = false;
    if (b[0] == '-') {
      negative = true;
      i = 1;
      if (b.length == 1) {
        return null;
      }
    }
    if (b.length == i + 1 && b[i] == '0') {
      return negative ? null : 0L;
    }
    if (b[i] == '0') {
      return null;
    }
    long v = 0;
    for (; i < b.length; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      // Accumulate negatively so Long.MIN_VALUE parses.
      if (v < (Long.MIN_VALUE + d) / 10) {
        return null;
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return null;
      }
      v = -v;
    }
    return v;
  }
}
