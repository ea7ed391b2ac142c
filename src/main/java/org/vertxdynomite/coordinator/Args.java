package org.vertxdynomite.coordinator;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.vertxdynomite.resp.RedisNumbers;

/**
 * Reads request arguments the way Redis reads them: keywords compared ignoring ASCII case only,
 * integers by the rules of {@code string2ll}.
 */
final class Args {

  private Args() {}

  /** Whether {@code arg} is the ASCII {@code keyword}, ignoring ASCII case as {@code strcasecmp} does. */
  static boolean is(byte[] arg, String keyword) {
    if (arg.length != keyword.length()) {
      return false;
    }
    for (int i = 0; i < arg.length; i++) {
      if (foldAscii(arg[i] & 0xff) != foldAscii(keyword.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int foldAscii(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  /**
   * {@code arg} as a long if Redis would accept it as one: an optional '-', then digits with no
   * leading zero ("0" alone aside, and no "-0"), no '+', no spaces, within range.
   */
  static OptionalLong longValue(byte[] arg) {
    return RedisNumbers.parseLong(arg);
  }


  /** The decimal digits of {@code n} as an argument. */
  static byte[] of(long n) {
    return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
  }

  /** An ASCII word (command name or keyword) as an argument. */
  static byte[] of(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
