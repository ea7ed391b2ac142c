package org.vertxdynomite.command;

/** Byte-level helpers for command names and arguments: ASCII case folding and Redis's integer parsing. */
final class Ascii {

  private Ascii() {}

  /** {@code b} folded to lower case; only A–Z change, as in Redis's {@code strcasecmp}. */
  static int lower(byte b) {
    int c = b & 0xff;
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** Whether {@code arg} equals {@code lowerCase} (already folded), ignoring ASCII case. */
  static boolean equalsIgnoreCase(byte[] arg, byte[] lowerCase) {
    if (arg.length != lowerCase.length) {
      return false;
    }
    for (int i = 0; i < arg.length; i++) {
      if (lower(arg[i]) != lowerCase[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code arg} equals the ASCII word {@code word}, ignoring ASCII case. */
  static boolean equalsIgnoreCase(byte[] arg, String word) {
    if (arg.length != word.length()) {
      return false;
    }
    for (int i = 0; i < arg.length; i++) {
      if (lower(arg[i]) != lower((byte) word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The ASCII bytes of {@code s} folded to lower case. */
  static byte[] lowerBytes(String s) {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      if (c > 0x7f) {
        throw new IllegalArgumentException("not ASCII: " + s);
      }
      b[i] = (byte) lower((byte) c);
    }
    return b;
  }

  /**
   * Parses {@code arg} as Redis's {@code string2ll} does: an optional '-', then digits without
   * leading zeros, no '+', no spaces, within a long. Returns {@code fallback} when it is not such
   * a number.
   */
  static long parseLong(byte[] arg, long fallback) {
    int n = arg.length;
    if (n == 0 || n > 20) {
      return fallback;
    }
    if (n == 1 && arg[0] == '0') {
      return 0;
    }
    boolean negative = arg[0] == '-';
    int i = negative ? 1 : 0;
    if (i == n || arg[i] < '1' || arg[i] > '9') {
      return fallback;
    }
    long v = 0;
    for (; i < n; i++) {
      int d = arg[i] - '0';
      if (d < 0 || d > 9) {
        return fallback;
      }
      // Accumulate negatively so that Long.MIN_VALUE parses without overflow.
      if (v < (Long.MIN_VALUE + d) / 10) {
        return fallback;
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return fallback;
      }
      v = -v;
    }
    return v;
  }
}
