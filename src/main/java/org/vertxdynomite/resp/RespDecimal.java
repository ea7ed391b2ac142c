package org.vertxdynomite.resp;

/**
 * Reads the decimal counts and lengths of RESP headers straight from bytes, by the rules of Redis's
 * {@code string2ll}: an optional {@code -}, then {@code 0} alone or a digit 1-9 followed by digits,
 * nothing else (no {@code +}, no spaces, no leading zeros, no {@code -0}), within a signed 64-bit
 * range.
 */
final class RespDecimal {

  /** Returned for bytes that are not a number by Redis's rules. */
  static final long NOT_A_NUMBER = Long.MIN_VALUE;
  /** Returned for every valid negative number: callers treat all of them alike. */
  static final long NEGATIVE = -1;

  private RespDecimal() {}

  /**
   * Parses {@code buf[from, to)}: returns the value if it is zero or positive, {@link #NEGATIVE} if
   * it is a valid negative number, or {@link #NOT_A_NUMBER}.
   */
  static long parse(byte[] buf, int from, int to) {
    int i = from;
    if (i == to) {
      return NOT_A_NUMBER;
    }
    if (to - from == 1 && buf[i] == '0') {
      return 0;
    }
    boolean negative = buf[i] == '-';
    if (negative && ++i == to) {
      return NOT_A_NUMBER;
    }
    if (buf[i] < '1' || buf[i] > '9') {
      return NOT_A_NUMBER;
    }
    // Accumulate negatively, so -9223372036854775808 (valid for Redis) does not overflow.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multMin = limit / 10;
    long result = 0;
    for (; i < to; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9 || result < multMin) {
        return NOT_A_NUMBER;
      }
      result *= 10;
      if (result < limit + digit) {
        return NOT_A_NUMBER;
      }
      result -= digit;
    }
    return negative ? NEGATIVE : -result;
  }
}
