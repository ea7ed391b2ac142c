package org.vertxdynomite.datastore.embedded;

/** A range over a sorted set, by score or by member bytes, with inclusive or exclusive ends. */
interface ZRange {

  /** Whether {@code n} lies before the range's lower end. */
  boolean belowMin(ZSkipList.Node n);

  /** Whether {@code n} lies after the range's upper end. */
  boolean aboveMax(ZSkipList.Node n);

  /** Whether no element can be in the range at all (Redis's "empty range" early exit). */
  boolean isEmpty();

  default boolean contains(ZSkipList.Node n) {
    return !belowMin(n) && !aboveMax(n);
  }

  /** A score range; {@code minEx}/{@code maxEx} mark exclusive ends. */
  record Score(double min, boolean minEx, double max, boolean maxEx) implements ZRange {
    @Override
    public boolean belowMin(ZSkipList.Node n) {
      return minEx ? n.score <= min : n.score < min;
    }

    @Override
    public boolean aboveMax(ZSkipList.Node n) {
      return maxEx ? n.score >= max : n.score > max;
    }

    @Override
    public boolean isEmpty() {
      return min > max || (min == max && (minEx || maxEx));
    }
  }

  /**
   * A lexicographic range. Each end is a member string or one of Redis's sentinels: {@code inf} is
   * -1 for '-' (below every string), +1 for '+' (above every string), 0 for a real string.
   */
  record Lex(byte[] min, int minInf, boolean minEx, byte[] max, int maxInf, boolean maxEx) implements ZRange {

    /** Redis's comparison with the '-' and '+' sentinels. */
    static int compare(byte[] a, int aInf, byte[] b, int bInf) {
      if (aInf != 0 && aInf == bInf) {
        return 0;
      }
      if (aInf < 0 || bInf > 0) {
        return -1;
      }
      if (aInf > 0 || bInf < 0) {
        return 1;
      }
      return Bytes.compare(a, b);
    }

    @Override
    public boolean belowMin(ZSkipList.Node n) {
      int c = compare(n.member, 0, min, minInf);
      return minEx ? c <= 0 : c < 0;
    }

    @Override
    public boolean aboveMax(ZSkipList.Node n) {
      int c = compare(n.member, 0, max, maxInf);
      return maxEx ? c >= 0 : c > 0;
    }

    @Override
    public boolean isEmpty() {
      int c = compare(min, minInf, max, maxInf);
      return c > 0 || (c == 0 && (minEx || maxEx));
    }
  }
}
