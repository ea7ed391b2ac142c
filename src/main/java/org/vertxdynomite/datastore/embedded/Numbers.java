package org.vertxdynomite.datastore.embedded;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespError;

/** Redis's number parsing and double formatting rules, reproduced exactly. */
final class Numbers {

  /** Marks "not a valid number" from the double parsers (NaN is never a valid result). */
  static final double INVALID = Double.NaN;

  private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /**
   * Redis's string2ll: optional '-', no '+', no leading zeros ("0" alone is fine, "-0" is not),
   * at most 20 characters, within the signed 64-bit range. Throws {@code error} otherwise.
   */
  static long parseLong(byte[] s, RespError error) {
    int n = s.length;
    if (n == 0 || n >= 21) {
      throw error;
    }
    if (n == 1 && s[0] == '0') {
      return 0;
    }
    int i = 0;
    boolean neg = false;
    if (s[0] == '-') {
      neg = true;
      i++;
      if (i == n) {
        throw error;
      }
    }
    if (s[i] < '1' || s[i] > '9') {
      throw error;
    }
    long v = 0;
    for (; i < n; i++) {
      int d = s[i] - '0';
      if (d < 0 || d > 9) {
        throw error;
      }
      // Accumulate negatively so that Long.MIN_VALUE is reachable.
      if (v < (Long.MIN_VALUE + d) / 10) {
        throw error;
      }
      v = v * 10 - d;
    }
    if (!neg) {
      if (v == Long.MIN_VALUE) {
        throw error;
      }
      v = -v;
    }
    return v;
  }

  /** Whether {@code s} is a canonical integer per string2ll. */
  static boolean isLong(byte[] s) {
    try {
      parseLong(s, Errors.NOT_INTEGER);
      return true;
    } catch (RespError e) {
      return false;
    }
  }

  /**
   * Redis's string2d (strtod, whole string, no leading space, no overflow to ±HUGE_VAL, no
   * underflow to zero, no NaN). Returns {@link #INVALID} (NaN) when rejected.
   */
  static double parseDouble(byte[] s) {
    if (s.length == 0 || CFloat.isSpace(s[0])) {
      return INVALID;
    }
    CFloat.Parsed p = CFloat.parse(s, 0, false);
    if (p == null || p.end() != s.length || p.kind() == CFloat.Kind.NAN) {
      return INVALID;
    }
    if (p.kind() == CFloat.Kind.INFINITE) {
      return p.negative() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double d = p.magnitude().doubleValue();
    if (Double.isInfinite(d) || (d == 0 && p.magnitude().signum() != 0)) {
      return INVALID;
    }
    return p.negative() ? -d : d;
  }

  /** {@link #parseDouble} that throws {@code error} on invalid input. */
  static double parseDouble(byte[] s, RespError error) {
    double d = parseDouble(s);
    if (Double.isNaN(d)) {
      throw error;
    }
    return d;
  }

  /**
   * Plain strtod as ZRANGEBYSCORE's bounds use it: leading white space allowed, the rest of the
   * string must be consumed (an empty string reads as 0), overflow gives ±inf, NaN is rejected.
   */
  static double parseDoubleLenient(byte[] s, int from) {
    // The C string ends at the first NUL byte.
    for (int i = from; i < s.length; i++) {
      if (s[i] == 0) {
        s = java.util.Arrays.copyOf(s, i);
        break;
      }
    }
    CFloat.Parsed p = CFloat.parse(s, from, true);
    if (p == null) {
      // Nothing parsed: strtod returns 0 and leaves the pointer at the start.
      int i = from;
      return i == s.length ? 0.0 : INVALID;
    }
    if (p.end() != s.length || p.kind() == CFloat.Kind.NAN) {
      return INVALID;
    }
    if (p.kind() == CFloat.Kind.INFINITE) {
      return p.negative() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double d = p.magnitude().doubleValue();
    return p.negative() ? -d : d;
  }

  /** A double as Redis 7.0 replies it: {@code %.17g}, with "inf" and "-inf". */
  static byte[] formatDouble(double d) {
    return formatG17(d).getBytes(StandardCharsets.US_ASCII);
  }

  static String formatG17(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
    }
    BigDecimal r = new BigDecimal(d).round(SEVENTEEN);
    String digits = r.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - r.scale();
    digits = stripTrailingZeros(digits);
    StringBuilder sb = new StringBuilder(24);
    if (d < 0) {
      sb.append('-');
    }
    if (exp < -4 || exp >= 17) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    } else if (exp >= 0) {
      if (digits.length() <= exp + 1) {
        sb.append(digits);
        sb.append("0".repeat(exp + 1 - digits.length()));
      } else {
        sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
      }
    } else {
      sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
    }
    return sb.toString();
  }

  private static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }
}
