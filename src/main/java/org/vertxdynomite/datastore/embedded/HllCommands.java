package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** PFADD, PFCOUNT and PFMERGE over {@link HyperLogLog} strings. */
final class HllCommands {

  private static final RespError NOT_HLL = new RespError("WRONGTYPE Key is not a valid HyperLogLog string value.");
  private static final RespError CORRUPT = new RespError("INVALIDOBJ Corrupted HLL object detected");

  private HllCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("pfadd", -2, WRITE | DENYOOM, guard(HllCommands::pfadd));
    t.add("pfcount", -2, READONLY, guard(HllCommands::pfcount));
    t.add("pfmerge", -2, WRITE | DENYOOM, guard(HllCommands::pfmerge));
  }

  /** A string that passes the header checks may still hold garbage opcodes: report it as corrupt. */
  private static Handler guard(Handler h) {
    return c -> {
      try {
        return h.handle(c);
      } catch (IndexOutOfBoundsException e) {
        throw CORRUPT;
      }
    };
  }

  /** The HLL string under {@code e}, checked like Redis's isHLLObjectOrReply. */
  private static StringValue hll(Keyspace.Entry e) {
    StringValue s = StringCommands.asString(e);
    if (!HyperLogLog.isValid(s.peek(), s.length())) {
      throw NOT_HLL;
    }
    return s;
  }

  private static HyperLogLog.Buf editable(StringValue s) {
    return new HyperLogLog.Buf(s.range(0, s.length()), s.length());
  }

  /** Writes an edited HLL back, keeping the key's TTL. */
  private static void store(Call c, byte[] key, HyperLogLog.Buf h) {
    c.ks.set(key, new StringValue(h.toBytes()), true);
  }

  private static Reply pfadd(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    HyperLogLog.Buf h;
    int updated = 0;
    if (e == null) {
      h = HyperLogLog.create();
      updated++;
    } else {
      h = editable(hll(e));
    }
    for (int j = 2; j < c.argc(); j++) {
      int r = HyperLogLog.add(h, c.arg(j));
      if (r < 0) {
        throw CORRUPT;
      }
      updated += r;
    }
    if (updated > 0) {
      HyperLogLog.invalidateCache(h);
      store(c, c.arg(1), h);
    }
    return updated > 0 ? Replies.ONE : Replies.ZERO;
  }

  private static Reply pfcount(Call c) {
    if (c.argc() > 2) {
      byte[] max = new byte[HyperLogLog.REGISTERS];
      for (int j = 1; j < c.argc(); j++) {
        Keyspace.Entry e = c.ks.entry(c.arg(j));
        if (e == null) {
          continue;
        }
        StringValue s = hll(e);
        if (!HyperLogLog.merge(max, s.peek(), s.length())) {
          throw CORRUPT;
        }
      }
      return Replies.integer(HllMath.count(HllMath.rawHistogram(max)));
    }
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    StringValue s = hll(e);
    long card = HyperLogLog.cached(s.peek());
    if (card < 0) {
      int[] histo = HyperLogLog.histogram(s.peek(), s.length());
      if (histo == null) {
        throw CORRUPT;
      }
      card = HllMath.count(histo);
      // Like Redis, caching the count rewrites the value (a read that modifies the string).
      HyperLogLog.Buf h = editable(s);
      HyperLogLog.storeCache(h.b, card);
      store(c, c.arg(1), h);
    }
    return Replies.integer(card);
  }

  private static Reply pfmerge(Call c) {
    byte[] max = new byte[HyperLogLog.REGISTERS];
    boolean useDense = false;
    for (int j = 1; j < c.argc(); j++) {
      Keyspace.Entry e = c.ks.entry(c.arg(j));
      if (e == null) {
        continue;
      }
      StringValue s = hll(e);
      if (s.peek()[4] == HyperLogLog.DENSE) {
        useDense = true;
      }
      if (!HyperLogLog.merge(max, s.peek(), s.length())) {
        throw CORRUPT;
      }
    }
    Keyspace.Entry dst = c.ks.entry(c.arg(1));
    HyperLogLog.Buf h = dst == null ? HyperLogLog.create() : editable((StringValue) dst.value);
    if (useDense && !HyperLogLog.toDense(h)) {
      throw CORRUPT;
    }
    for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
      if (max[j] != 0) {
        HyperLogLog.set(h, j, max[j]);
      }
    }
    HyperLogLog.invalidateCache(h);
    store(c, c.arg(1), h);
    return Replies.OK;
  }
}
