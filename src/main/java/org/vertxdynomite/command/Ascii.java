package org.vertxdynomite.command;

import org.vertxdynomite.resp.RedisNumbers;

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
    return RedisNumbers.parseLong(arg).orElse(fallback);
  }

}
