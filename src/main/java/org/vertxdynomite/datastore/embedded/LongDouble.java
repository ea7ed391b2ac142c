package org.vertxdynomite.datastore.embedded;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An x86-64 {@code long double} (x87 80-bit extended: 64-bit significand, exponents down to
 * 2^-16445 subnormal), emulated exactly with {@link BigDecimal}. Redis does INCRBYFLOAT,
 * HINCRBYFLOAT and blocking timeouts in this type, so byte-identical replies need the same
 * rounding. Every finite instance is exactly representable in the 80-bit format.
 */
final class LongDouble {

  private static final int SIGNIFICAND_BITS = 64;
  private static final int MIN_LSB_EXPONENT = -16445;
  private static final int MAX_EXPONENT = 16384;
  private static final int MAX_INPUT_CHARS = 5 * 1024;

  /** Exact value when finite; null for an infinity. */
  private final BigDecimal value;
  private final boolean negative;

  private LongDouble(BigDecimal value, boolean negative) {
    this.value = value;
    this.negative = negative;
  }

  static LongDouble of(long v) {
    return new LongDouble(BigDecimal.valueOf(v), v < 0);
  }

  boolean isInfinite() {
    return value == null;
  }

  boolean isNegative() {
    return negative;
  }

  /**
   * Redis's string2ld: strtold over the whole string, no leading space,
   * no overflow, no underflow to zero, no NaN, fewer than 5 KiB. Returns null when rejected.
   */
  static LongDouble parse(byte[] s) {
    if (s.length == 0 || s.length >= MAX_INPUT_CHARS || CFloat.isSpace(s[0])) {
      return null;
    }
    CFloat.Parsed p = CFloat.parse(s, 0, false);
    if (p == null || p.end() != s.length || p.kind() == CFloat.Kind.NAN) {
      return null;
    }
    if (p.kind() == CFloat.Kind.INFINITE) {
      return new LongDouble(null, p.negative());
    }
    if (p.magnitude().signum() == 0) {
      return new LongDouble(BigDecimal.ZERO, p.negative());
    }
    BigDecimal r = round(p.magnitude());
    if (r == null || r.signum() == 0) {
      return null; // ERANGE with HUGE_VAL or zero
    }
    return new LongDouble(p.negative() ? r.negate() : r, p.negative());
  }

  /** {@code this + other}, rounded like the FPU; NaN (inf - inf) is returned as null. */
  LongDouble add(LongDouble other) {
    if (isInfinite() || other.isInfinite()) {
      if (isInfinite() && other.isInfinite() && negative != other.negative) {
        return null;
      }
      return new LongDouble(null, isInfinite() ? negative : other.negative);
    }
    BigDecimal sum = value.add(other.value);
    if (sum.signum() == 0) {
      // IEEE: x + (-x) is +0 in round-to-nearest; -0 + -0 is -0.
      return new LongDouble(BigDecimal.ZERO, negative && other.negative);
    }
    return fromExact(sum);
  }

  /** {@code this × factor}, rounded like the FPU. */
  LongDouble multiply(long factor) {
    if (isInfinite()) {
      return new LongDouble(null, negative ^ (factor < 0));
    }
    BigDecimal p = value.multiply(BigDecimal.valueOf(factor));
    if (p.signum() == 0) {
      return new LongDouble(BigDecimal.ZERO, negative ^ (factor < 0));
    }
    return fromExact(p);
  }

  private static LongDouble fromExact(BigDecimal exact) {
    boolean neg = exact.signum() < 0;
    BigDecimal r = round(exact.abs());
    if (r == null) {
      return new LongDouble(null, neg);
    }
    return new LongDouble(neg ? r.negate() : r, neg);
  }

  /** {@code ceill}. */
  LongDouble ceil() {
    if (isInfinite()) {
      return this;
    }
    BigDecimal c = value.setScale(0, RoundingMode.CEILING);
    return new LongDouble(c, negative);
  }

  /**
   * The C cast {@code (long long) x} as x86-64 performs it: truncation toward zero, and the
   * "integer indefinite" value Long.MIN_VALUE for infinities and out-of-range values.
   */
  long toLongX86() {
    if (isInfinite()) {
      return Long.MIN_VALUE;
    }
    BigInteger t = value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    return t.bitLength() <= 63 ? t.longValue() : Long.MIN_VALUE;
  }

  /**
   * Redis's "human" long double text ({@code %.17Lf} with trailing zeros and a bare '.'
   * removed, "-0" written as "0"); infinities as "inf"/"-inf".
   */
  byte[] toHumanBytes() {
    return toHumanString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  String toHumanString() {
    if (isInfinite()) {
      return negative ? "-inf" : "inf";
    }
    String s = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
    if (negative && value.signum() == 0) {
      s = "-" + s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    s = s.substring(0, end);
    return s.equals("-0") ? "0" : s;
  }

  /**
   * Rounds a positive exact value to the nearest 80-bit value (ties to even), subnormals
   * included; returns null on overflow. Zero results (total underflow) are returned as zero.
   */
  static BigDecimal round(BigDecimal x) {
    BigInteger num;
    BigInteger den;
    if (x.scale() <= 0) {
      num = x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale()));
      den = BigInteger.ONE;
    } else {
      num = x.unscaledValue();
      den = BigInteger.TEN.pow(x.scale());
    }
    int e = num.bitLength() - den.bitLength() - SIGNIFICAND_BITS;
    BigInteger[] qr = divide(num, den, e);
    if (qr[0].bitLength() > SIGNIFICAND_BITS) {
      e++;
      qr = divide(num, den, e);
    } else if (qr[0].bitLength() < SIGNIFICAND_BITS) {
      e--;
      qr = divide(num, den, e);
    }
    if (e < MIN_LSB_EXPONENT) {
      e = MIN_LSB_EXPONENT;
      qr = divide(num, den, e);
    }
    BigInteger q = qr[0];
    BigInteger twiceRem = qr[1].shiftLeft(1);
    BigInteger divisor = qr[2];
    int c = twiceRem.compareTo(divisor);
    if (c > 0 || (c == 0 && q.testBit(0))) {
      q = q.add(BigInteger.ONE);
      if (q.bitLength() > SIGNIFICAND_BITS) {
        q = q.shiftRight(1);
        e++;
      }
    }
    if (q.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (q.bitLength() + e > MAX_EXPONENT) {
      return null;
    }
    return CFloat.timesPowerOfTwo(q, e);
  }

  /** floor(num × 2^-e / den), its remainder, and the effective divisor. */
  private static BigInteger[] divide(BigInteger num, BigInteger den, int e) {
    BigInteger n = e < 0 ? num.shiftLeft(-e) : num;
    BigInteger d = e > 0 ? den.shiftLeft(e) : den;
    BigInteger[] qr = n.divideAndRemainder(d);
    return new BigInteger[] {qr[0], qr[1], d};
  }
}
