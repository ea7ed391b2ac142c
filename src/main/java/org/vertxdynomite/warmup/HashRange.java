package org.vertxdynomite.warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;

/**
 * A closed interval {@code [lo, hi]} of key hashes (tokens, {@code 0..2^32-1}), and the interval
 * arithmetic warm-up needs on a {@link TokenRing}: which hashes a node owns, and where a range is
 * cut when another ring lays its tokens differently.
 *
 * @param lo the smallest hash in the range
 * @param hi the largest hash in the range, {@code >= lo}
 */
public record HashRange(long lo, long hi) {

  /** The whole hash space. */
  public static final HashRange ALL = new HashRange(0, Token.MAX_VALUE);

  /** Checks {@code 0 <= lo <= hi <= 2^32-1}. */
  public HashRange {
    if (lo < 0 || hi > Token.MAX_VALUE || lo > hi) {
      throw new IllegalArgumentException("not a hash range: [" + lo + ", " + hi + "]");
    }
  }

  /** Whether {@code hash} is in this range. */
  public boolean contains(long hash) {
    return hash >= lo && hash <= hi;
  }

  /** How many hashes it holds. */
  public long length() {
    return hi - lo + 1;
  }

  /** Whether {@code hash} is in one of {@code ranges}. */
  public static boolean anyContains(List<HashRange> ranges, long hash) {
    for (HashRange r : ranges) {
      if (r.contains(hash)) {
        return true;
      }
    }
    return false;
  }

  /** How many hashes {@code ranges} hold together (they must not overlap). */
  public static long totalLength(List<HashRange> ranges) {
    long n = 0;
    for (HashRange r : ranges) {
      n += r.length();
    }
    return n;
  }

  /**
   * The hashes the node(s) {@code which} selects own on {@code ring}, by the ring's rule (a token
   * owns {@code (previous token, token]}; the smallest token also owns everything above the
   * largest), in ascending order, adjacent ranges merged.
   */
  public static <N> List<HashRange> owned(TokenRing<N> ring, Predicate<N> which) {
    List<HashRange> out = new ArrayList<>();
    for (Piece<N> p : split(ALL, ring)) {
      if (which.test(p.owner())) {
        add(out, p.range());
      }
    }
    return out;
  }

  /** A part of a range, with the node owning it on some ring. */
  public record Piece<N>(HashRange range, N owner) {
    public Piece {
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(owner, "owner");
    }
  }

  /**
   * {@code range} cut where {@code ring}'s ownership changes, each piece with its owner, in
   * ascending order.
   */
  public static <N> List<Piece<N>> split(HashRange range, TokenRing<N> ring) {
    List<Token> tokens = ring.tokens();
    List<Piece<N>> out = new ArrayList<>();
    long start = range.lo();
    int i = firstAtOrAbove(tokens, start);
    while (true) {
      long end = i < tokens.size() ? tokens.get(i).value() : Token.MAX_VALUE;
      N owner = ring.owner(i < tokens.size() ? end : tokens.get(0).value());
      long last = Math.min(end, range.hi());
      out.add(new Piece<>(new HashRange(start, last), owner));
      if (last == range.hi()) {
        return out;
      }
      start = last + 1;
      i++;
    }
  }

  /** Appends {@code r} to {@code ranges}, merged with the last one when they touch. */
  static void add(List<HashRange> ranges, HashRange r) {
    if (!ranges.isEmpty() && ranges.get(ranges.size() - 1).hi() + 1 == r.lo()) {
      HashRange last = ranges.remove(ranges.size() - 1);
      ranges.add(new HashRange(last.lo(), r.hi()));
    } else {
      ranges.add(r);
    }
  }

  private static int firstAtOrAbove(List<Token> tokens, long hash) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).value() < hash) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String toString() {
    return "[" + lo + ", " + hi + "]";
  }
}
