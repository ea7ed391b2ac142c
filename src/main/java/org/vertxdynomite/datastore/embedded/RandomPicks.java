package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random members for HRANDFIELD, SRANDMEMBER, SPOP and ZRANDMEMBER with a count: distinct picks for
 * a positive count (all of them when the count reaches the size), picks with repetition for a
 * negative one, as Redis does.
 */
final class RandomPicks {

  private static final org.vertxdynomite.resp.RespError OUT_OF_RANGE =
      org.vertxdynomite.resp.RespError.err("value is out of range");

  private RandomPicks() {}

  /** The count (argument 2) and the WITHVALUES/WITHSCORES flag (argument 3) of HRANDFIELD and ZRANDMEMBER. */
  record CountArgs(long count, boolean with) {}

  /** Parses {@code key count [withWord]} with Redis's checks and messages. */
  static CountArgs countArgs(Call c, String withWord) {
    long count = c.rangeLongArg(2, -Long.MAX_VALUE, Long.MAX_VALUE, null);
    if (c.argc() > 4 || (c.argc() == 4 && !c.is(3, withWord))) {
      throw Errors.SYNTAX;
    }
    boolean with = c.argc() == 4;
    if (with && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
      throw OUT_OF_RANGE;
    }
    return new CountArgs(count, with);
  }

  /** {@code |count|} picks: distinct for a positive count, possibly repeated for a negative one. */
  static <V> List<ByteDict.Node<V>> pick(ByteDict<V> dict, long count, RandomGenerator rnd) {
    return count < 0 ? withRepetition(dict, -count, rnd) : distinct(dict, count, rnd);
  }

  /** {@code count} picks, possibly repeated. */
  static <V> List<ByteDict.Node<V>> withRepetition(ByteDict<V> dict, long count, RandomGenerator rnd) {
    List<ByteDict.Node<V>> out = new ArrayList<>((int) Math.min(count, 1 << 16));
    for (long i = 0; i < count; i++) {
      out.add(dict.randomNode(rnd));
    }
    return out;
  }

  /** Up to {@code count} distinct picks, in random order. */
  static <V> List<ByteDict.Node<V>> distinct(ByteDict<V> dict, long count, RandomGenerator rnd) {
    List<ByteDict.Node<V>> all = new ArrayList<>(dict.size());
    if (count >= dict.size() || count * 3 > dict.size()) {
      dict.forEach(all::add);
      // Partial Fisher-Yates: the first 'count' slots become a uniform random subset.
      int n = (int) Math.min(count, all.size());
      for (int i = 0; i < n; i++) {
        int j = i + rnd.nextInt(all.size() - i);
        ByteDict.Node<V> t = all.get(i);
        all.set(i, all.get(j));
        all.set(j, t);
      }
      return all.subList(0, n);
    }
    IdentityHashMap<ByteDict.Node<V>, Boolean> seen = new IdentityHashMap<>();
    // Bounded: with count <= size/3 each pick is new with probability >= 2/3.
    for (long tries = 0; seen.size() < count && tries < count * 1000; tries++) {
      ByteDict.Node<V> n = dict.randomNode(rnd);
      if (seen.put(n, Boolean.TRUE) == null) {
        all.add(n);
      }
    }
    return all;
  }
}
