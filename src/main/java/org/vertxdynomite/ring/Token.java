package org.vertxdynomite.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A position on a rack's token ring: an unsigned 32-bit value, {@code 0 .. 4294967295}, held in a
 * {@code long} so that ordinary comparison is unsigned comparison.
 *
 * <p>Dynomite writes tokens in decimal ({@code tokens: '2147483647'}), several separated by
 * commas when a node holds more than one.
 */
public final class Token implements Comparable<Token> {

  /** The largest token, {@code 2^32 - 1}. */
  public static final long MAX_VALUE = 0xFFFF_FFFFL;

  private final long value;

  private Token(long value) {
    this.value = value;
  }

  /**
   * The token {@code value}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= value <= 4294967295}
   */
  public static Token of(long value) {
    if (value < 0 || value > MAX_VALUE) {
      throw new IllegalArgumentException(
          "token must be in 0.." + MAX_VALUE + ", got " + value);
    }
    return new Token(value);
  }

  /**
   * The token written {@code decimal}: ASCII digits only (leading zeros allowed), no sign, no
   * spaces.
   *
   * @throws IllegalArgumentException if it is not such a number or is above 4294967295
   */
  public static Token parse(String decimal) {
    Objects.requireNonNull(decimal, "decimal");
    // Leading zeros are harmless; beyond them, more than ten digits is out of range.
    String digits = stripLeadingZeros(decimal);
    if (decimal.isEmpty() || !isAsciiDigits(decimal) || digits.length() > 10) {
      throw new IllegalArgumentException(
          "token must be a decimal integer in 0.." + MAX_VALUE + ", got '" + decimal + "'");
    }
    return of(Long.parseLong(digits));
  }

  /**
   * The tokens of Dynomite's {@code tokens:} option: decimal tokens separated by commas, spaces
   * around each allowed.
   *
   * @throws IllegalArgumentException if the list or any token in it is malformed
   */
  public static List<Token> parseList(String commaSeparated) {
    Objects.requireNonNull(commaSeparated, "commaSeparated");
    List<Token> tokens = new ArrayList<>();
    for (String item : commaSeparated.split(",", -1)) {
      tokens.add(parse(item.strip()));
    }
    return List.copyOf(tokens);
  }

  /**
   * Tokens for {@code n} nodes sharing a rack evenly: {@code i * floor((2^32 - 1) / n)} for {@code
   * i = 0 .. n-1}. This is dynomite-manager's formula without its region offset (node 0 at 0, 2
   * nodes at 0 and 2147483647, 3 at 0, 1431655765, 2863311530).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static List<Token> evenlySpaced(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one node, got " + n);
    }
    long step = MAX_VALUE / n;
    List<Token> tokens = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tokens.add(new Token(step * i));
    }
    return List.copyOf(tokens);
  }

  /** The value, {@code 0 .. 4294967295}. */
  public long value() {
    return value;
  }

  @Override
  public int compareTo(Token other) {
    return Long.compare(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Token && ((Token) o).value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  /** The decimal form Dynomite's configuration uses. */
  @Override
  public String toString() {
    return Long.toString(value);
  }

  private static boolean isAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripLeadingZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
