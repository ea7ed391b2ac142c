package org.vertxdynomite.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Dynomite ring tokens: unsigned 32-bit integers, written as one number or several separated by
 * commas ({@code tokens: '12345678'}, {@code tokens: 1,1001}). Held as {@code long} values in
 * {@code 0..4294967295}.
 */
public final class Tokens {

  /** The largest token, 2<sup>32</sup>-1. */
  public static final long MAX = 0xFFFF_FFFFL;

  private Tokens() {}

  /**
   * Parses a comma-separated token list; blanks around each token are allowed.
   *
   * @throws IllegalArgumentException naming the first bad token
   */
  public static List<Long> parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("no token given");
    }
    List<Long> tokens = new ArrayList<>();
    for (String part : s.split(",", -1)) {
      tokens.add(parseOne(part.trim()));
    }
    return List.copyOf(tokens);
  }

  /** Checks one token is in {@code 0..4294967295} and returns it. */
  public static long check(long token) {
    if (token < 0 || token > MAX) {
      throw new IllegalArgumentException(outOfRange(Long.toString(token)));
    }
    return token;
  }

  /** The list written the way Dynomite reads it: {@code 1,1001}. */
  public static String format(List<Long> tokens) {
    return tokens.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static long parseOne(String part) {
    // At most 10 digits: anything longer cannot be below 2^32 and would overflow parseLong.
    if (part.isEmpty() || part.length() > 10 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(outOfRange(part));
    }
    return check(Long.parseLong(part));
  }

  private static String outOfRange(String token) {
    return "token '" + token + "' must be an integer in 0.." + MAX;
  }
}
