package org.vertxdynomite.datastore.embedded;

/** Redis's normalisation of start/end index arguments over a sequence of {@code len} items. */
final class Ranges {

  private Ranges() {}

  /**
   * As LRANGE, LTRIM and ZRANGE read them: negatives count from the end, the start is clamped at
   * 0, the end at len-1. Returns {start, end}, or null when the range is empty.
   */
  static long[] inclusive(long start, long end, long len) {
    long[] r = fromEnd(start, end, len);
    if (r[0] > r[1] || r[0] >= len) {
      return null;
    }
    return new long[] {r[0], Math.min(r[1], len - 1)};
  }

  /**
   * As GETRANGE, BITCOUNT and BITPOS read them: negatives count from the end and both ends are
   * clamped into [0, len-1]; the result may still have start > end (an empty range).
   */
  static long[] clamped(long start, long end, long len) {
    long[] r = fromEnd(start, end, len);
    return new long[] {r[0], Math.min(Math.max(r[1], 0), len - 1)};
  }

  /** Negative indexes counted from the end; a start still before the beginning becomes 0. */
  private static long[] fromEnd(long start, long end, long len) {
    start = start < 0 ? len + start : start;
    end = end < 0 ? len + end : end;
    return new long[] {Math.max(start, 0), end};
  }
}
