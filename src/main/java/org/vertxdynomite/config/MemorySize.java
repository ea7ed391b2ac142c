package org.vertxdynomite.config;

import java.util.Locale;

/**
 * Byte sizes written the way Redis writes them in redis.conf: a whole number with an optional unit,
 * ignoring case: {@code b}, {@code k} (1000), {@code kb} (1024), {@code m} (1000<sup>2</sup>),
 * {@code mb} (1024<sup>2</sup>), {@code g} (1000<sup>3</sup>), {@code gb} (1024<sup>3</sup>).
 * Fractions, negative numbers and other units are rejected, as redis-server 7 rejects them.
 */
public final class MemorySize {

  private static final String[] UNITS = {"kb", "mb", "gb", "b", "k", "m", "g"};
  private static final long[] FACTORS = {
    1024L, 1024L * 1024, 1024L * 1024 * 1024, 1L, 1000L, 1000L * 1000, 1000L * 1000 * 1000
  };

  private MemorySize() {}

  /**
   * Parses a size such as {@code 0}, {@code 100mb} or {@code 2g} into bytes.
   *
   * @throws IllegalArgumentException if it is not a memory value or does not fit in a long
   */
  public static long parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    // Longer units come first in UNITS so "kb" is not read as "b".
    for (int i = 0; i < UNITS.length; i++) {
      if (s.endsWith(UNITS[i])) {
        factor = FACTORS[i];
        s = s.substring(0, s.length() - UNITS[i].length());
        break;
      }
    }
    if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("must be a byte count such as 0, 100mb or 2gb");
    }
    try {
      return Math.multiplyExact(Long.parseLong(s), factor);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("is too large");
    }
  }
}
