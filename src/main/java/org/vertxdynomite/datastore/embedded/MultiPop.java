package org.vertxdynomite.datastore.embedded;

import java.util.function.BiPredicate;
import org.vertxdynomite.resp.RespError;

/**
 * The arguments LMPOP, BLMPOP, ZMPOP and BZMPOP share: {@code numkeys key... SIDE [COUNT n]}, parsed
 * in Redis's order and with its messages. {@code first} is LEFT or MIN.
 */
record MultiPop(byte[][] keys, boolean first, long count) {

  static final RespError COUNT_POSITIVE = RespError.err("count should be greater than 0");

  /** Parses from {@code numkeysIdx}; {@code side} reads the side word (true = LEFT/MIN) or throws. */
  static MultiPop parse(Call c, int numkeysIdx, BiPredicate<Call, Integer> side) {
    long numkeys = c.rangeLongArg(numkeysIdx, 1, Long.MAX_VALUE, Errors.NUMKEYS);
    long whereIdx = numkeysIdx + numkeys + 1;
    if (whereIdx >= c.argc()) {
      throw Errors.SYNTAX;
    }
    boolean first = side.test(c, (int) whereIdx);
    long count = -1;
    for (int j = (int) whereIdx + 1; j < c.argc(); j++) {
      if (count == -1 && c.is(j, "count") && j < c.argc() - 1) {
        count = c.rangeLongArg(++j, 1, Long.MAX_VALUE, COUNT_POSITIVE);
      } else {
        throw Errors.SYNTAX;
      }
    }
    return new MultiPop(c.args(numkeysIdx + 1, (int) numkeys), first, count == -1 ? 1 : count);
  }
}
