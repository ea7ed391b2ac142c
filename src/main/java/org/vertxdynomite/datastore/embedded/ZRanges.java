package org.vertxdynomite.datastore.embedded;

/** Parsing of sorted-set range arguments exactly as Redis's zslParseRange and zslParseLexRange. */
final class ZRanges {

  private ZRanges() {}

  /** A score range: "(" makes an end exclusive; plain strtod otherwise (inf allowed, NaN not). */
  static ZRange.Score score(byte[] min, byte[] max) {
    boolean minEx = min.length > 0 && min[0] == '(';
    boolean maxEx = max.length > 0 && max[0] == '(';
    double lo = Numbers.parseDoubleLenient(min, minEx ? 1 : 0);
    double hi = Numbers.parseDoubleLenient(max, maxEx ? 1 : 0);
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      throw Errors.MIN_MAX_NOT_FLOAT;
    }
    return new ZRange.Score(lo, minEx, hi, maxEx);
  }

  /** A lex range: "-" and "+" are the extremes, "(" exclusive and "[" inclusive strings. */
  static ZRange.Lex lex(byte[] min, byte[] max) {
    int minInf = infinity(min);
    int maxInf = infinity(max);
    return new ZRange.Lex(value(min, minInf), minInf, exclusive(min, minInf),
        value(max, maxInf), maxInf, exclusive(max, maxInf));
  }

  private static int infinity(byte[] item) {
    if (item.length == 0) {
      throw Errors.MIN_MAX_NOT_LEX;
    }
    switch (item[0]) {
      case '+', '-' -> {
        if (item.length > 1 && item[1] != 0) {
          throw Errors.MIN_MAX_NOT_LEX;
        }
        return item[0] == '+' ? 1 : -1;
      }
      case '(', '[' -> {
        return 0;
      }
      default -> throw Errors.MIN_MAX_NOT_LEX;
    }
  }

  private static boolean exclusive(byte[] item, int inf) {
    return inf != 0 || item[0] == '(';
  }

  private static byte[] value(byte[] item, int inf) {
    return inf != 0 ? null : java.util.Arrays.copyOfRange(item, 1, item.length);
  }
}
