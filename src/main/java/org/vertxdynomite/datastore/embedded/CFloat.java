package org.vertxdynomite.datastore.embedded;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The C library's reading of floating-point text ({@code strtod}/{@code strtold}), which Redis
 * uses everywhere it accepts a float: optional sign, decimal or {@code 0x} hexadecimal digits
 * with an optional exponent, {@code inf}/{@code infinity}, {@code nan}. The value is kept exact
 * (a {@link BigDecimal}) so that callers can round it to a double or an x87 long double.
 */
final class CFloat {

  enum Kind { FINITE, INFINITE, NAN }

  /** Result of a parse: {@code end} is the index after the last character consumed (0 if none). */
  record Parsed(Kind kind, boolean negative, BigDecimal magnitude, int end) {
    BigDecimal signed() {
      return negative ? magnitude.negate() : magnitude;
    }
  }

  /** Decimal exponents beyond these overflow or underflow every format we round to. */
  static final int MAX_DECIMAL_EXPONENT = 4934;
  static final int MIN_DECIMAL_EXPONENT = -4960;

  private CFloat() {}

  /**
   * Parses the longest prefix of {@code s} starting at {@code from} that strtod accepts, after
   * optional leading white space when {@code skipSpace}. Returns null when no number starts there.
   */
  static Parsed parse(byte[] s, int from, boolean skipSpace) {
    int i = from;
    int n = s.length;
    if (skipSpace) {
      while (i < n && isSpace(s[i])) {
        i++;
      }
    }
    boolean neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      neg = s[i] == '-';
      i++;
    }
    if (matchWord(s, i, "infinity")) {
      return new Parsed(Kind.INFINITE, neg, null, i + 8);
    }
    if (matchWord(s, i, "inf")) {
      return new Parsed(Kind.INFINITE, neg, null, i + 3);
    }
    if (matchWord(s, i, "nan")) {
      int e = i + 3;
      if (e < n && s[e] == '(') {
        int j = e + 1;
        while (j < n && (Character.isLetterOrDigit(s[j]) || s[j] == '_')) {
          j++;
        }
        if (j < n && s[j] == ')') {
          e = j + 1;
        }
      }
      return new Parsed(Kind.NAN, neg, null, e);
    }
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
      Parsed hex = parseHex(s, i + 2, neg);
      if (hex != null) {
        return hex;
      }
      // "0x" with no hex digits reads as the number 0 followed by "x".
      return new Parsed(Kind.FINITE, neg, BigDecimal.ZERO, i + 1);
    }
    return parseDecimal(s, i, neg);
  }

  private static Parsed parseDecimal(byte[] s, int i, boolean neg) {
    Mantissa m = mantissa(s, i, 10);
    if (m == null) {
      return null;
    }
    long[] exp = exponent(s, m.end, 'e');
    long scale = m.fracDigits - exp[0];
    BigDecimal mag = m.value.signum() == 0 ? BigDecimal.ZERO : clampScale(m.value, scale);
    return new Parsed(Kind.FINITE, neg, mag, (int) exp[1]);
  }

  /** Digits in {@code radix} with an optional fraction; null when there is no digit at all. */
  private record Mantissa(BigInteger value, int fracDigits, int end) {}

  private static Mantissa mantissa(byte[] s, int i, int radix) {
    int n = s.length;
    StringBuilder digits = new StringBuilder();
    int fracDigits = 0;
    while (i < n && Character.digit(s[i], radix) >= 0) {
      digits.append((char) s[i++]);
    }
    if (i < n && s[i] == '.') {
      int j = i + 1;
      while (j < n && Character.digit(s[j], radix) >= 0) {
        digits.append((char) s[j++]);
        fracDigits++;
      }
      if (digits.length() > 0) {
        i = j;
      }
    }
    if (digits.length() == 0) {
      return null;
    }
    return new Mantissa(new BigInteger(digits.toString(), radix), fracDigits, i);
  }

  /**
   * An optional exponent introduced by {@code marker} (either case) at {@code i}: returns the
   * exponent (capped far beyond any representable value) and the index after it; without a valid
   * exponent, 0 and {@code i}.
   */
  private static long[] exponent(byte[] s, int i, char marker) {
    int n = s.length;
    if (i >= n || Character.toLowerCase(s[i]) != marker) {
      return new long[] {0, i};
    }
    int j = i + 1;
    boolean neg = false;
    if (j < n && (s[j] == '+' || s[j] == '-')) {
      neg = s[j] == '-';
      j++;
    }
    if (j >= n || !isDigit(s[j])) {
      return new long[] {0, i};
    }
    long exp = 0;
    while (j < n && isDigit(s[j])) {
      if (exp < 1_000_000_000L) {
        exp = exp * 10 + (s[j] - '0');
      }
      j++;
    }
    return new long[] {neg ? -exp : exp, j};
  }

  /** Builds unscaled × 10^-scale, replacing absurd exponents by ones that still over/underflow. */
  private static BigDecimal clampScale(BigInteger unscaled, long scale) {
    long adjusted = unscaled.toString().length() - 1 - scale;
    if (adjusted > MAX_DECIMAL_EXPONENT) {
      return BigDecimal.ONE.scaleByPowerOfTen(MAX_DECIMAL_EXPONENT + 1);
    }
    if (adjusted < MIN_DECIMAL_EXPONENT) {
      return BigDecimal.ONE.scaleByPowerOfTen(MIN_DECIMAL_EXPONENT - 1);
    }
    return new BigDecimal(unscaled, (int) scale);
  }

  private static Parsed parseHex(byte[] s, int i, boolean neg) {
    Mantissa m = mantissa(s, i, 16);
    if (m == null) {
      return null;
    }
    BigInteger mant = m.value;
    long[] e = exponent(s, m.end, 'p');
    long exp = e[0];
    long fracDigits = m.fracDigits;
    i = (int) e[1];
    long binExp = exp - 4L * fracDigits;
    if (mant.signum() == 0) {
      return new Parsed(Kind.FINITE, neg, BigDecimal.ZERO, i);
    }
    long top = mant.bitLength() + binExp;
    if (top > 16500) {
      return new Parsed(Kind.FINITE, neg, BigDecimal.ONE.scaleByPowerOfTen(MAX_DECIMAL_EXPONENT + 1), i);
    }
    if (top < -16500) {
      return new Parsed(Kind.FINITE, neg, BigDecimal.ONE.scaleByPowerOfTen(MIN_DECIMAL_EXPONENT - 1), i);
    }
    return new Parsed(Kind.FINITE, neg, timesPowerOfTwo(mant, (int) binExp), i);
  }

  /** The exact decimal value of {@code m × 2^e}. */
  static BigDecimal timesPowerOfTwo(BigInteger m, int e) {
    if (e >= 0) {
      return new BigDecimal(m.shiftLeft(e));
    }
    return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
  }

  private static boolean matchWord(byte[] s, int i, String word) {
    if (i + word.length() > s.length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      int b = s[i + k];
      if (b >= 'A' && b <= 'Z') {
        b += 32;
      }
      if (b != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
