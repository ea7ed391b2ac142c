package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT (x87 long double arithmetic, like Redis). */
final class CounterCommands {

  private static final RespError DECREMENT_OVERFLOW = RespError.err("decrement would overflow");

  private CounterCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("incr", 2, WRITE | DENYOOM, c -> incrBy(c, 1));
    t.add("decr", 2, WRITE | DENYOOM, c -> incrBy(c, -1));
    t.add("incrby", 3, WRITE | DENYOOM, c -> incrBy(c, c.longArg(2)));
    t.add("decrby", 3, WRITE | DENYOOM, CounterCommands::decrBy);
    t.add("incrbyfloat", 3, WRITE | DENYOOM, CounterCommands::incrByFloat);
  }

  private static Reply decrBy(Call c) {
    long by = c.longArg(2);
    if (by == Long.MIN_VALUE) {
      throw DECREMENT_OVERFLOW;
    }
    return incrBy(c, -by);
  }

  private static Reply incrBy(Call c, long incr) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    long value = e == null ? 0 : Numbers.parseLong(StringCommands.asString(e).bytes(), Errors.NOT_INTEGER);
    long result = addOrOverflow(value, incr);
    c.ks.set(c.arg(1), new StringValue(Bytes.ascii(result)), true);
    return Replies.integer(result);
  }

  /** {@code value + incr}, or Redis's overflow error. */
  static long addOrOverflow(long value, long incr) {
    if (incr < 0 && value < 0 && incr < Long.MIN_VALUE - value
        || incr > 0 && value > 0 && incr > Long.MAX_VALUE - value) {
      throw Errors.OVERFLOW;
    }
    return value + incr;
  }

  private static Reply incrByFloat(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    LongDouble value = e == null ? LongDouble.of(0) : LongDouble.parse(StringCommands.asString(e).bytes());
    LongDouble incr = LongDouble.parse(c.arg(2));
    if (value == null || incr == null) {
      throw Errors.NOT_FLOAT;
    }
    byte[] text = addFloat(value, incr);
    c.ks.set(c.arg(1), new StringValue(text), true);
    return Replies.bulk(text);
  }

  /** {@code value + incr} as Redis stores it, or "increment would produce NaN or Infinity". */
  static byte[] addFloat(LongDouble value, LongDouble incr) {
    LongDouble sum = value.add(incr);
    if (sum == null || sum.isInfinite()) {
      throw Errors.NAN_OR_INFINITY;
    }
    return sum.toHumanBytes();
  }
}
