package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Hash commands (HSCAN lives with the other SCANs). */
final class HashCommands {

  private static final RespError NOT_INTEGER = RespError.err("hash value is not an integer");
  private static final RespError NOT_FLOAT = RespError.err("hash value is not a float");
  private static final RespError NAN_OR_INF = RespError.err("value is NaN or Infinity");

  private HashCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("hset", -4, WRITE | DENYOOM, c -> hset(c, false));
    t.add("hmset", -4, WRITE | DENYOOM, c -> hset(c, true));
    t.add("hsetnx", 4, WRITE | DENYOOM, HashCommands::hsetnx);
    t.add("hget", 3, READONLY, HashCommands::hget);
    t.add("hmget", -3, READONLY, HashCommands::hmget);
    t.add("hgetall", 2, READONLY, c -> all(c, true, true));
    t.add("hkeys", 2, READONLY, c -> all(c, true, false));
    t.add("hvals", 2, READONLY, c -> all(c, false, true));
    t.add("hlen", 2, READONLY, c -> {
      HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
      return Replies.integer(h == null ? 0 : h.size());
    });
    t.add("hexists", 3, READONLY, c -> {
      HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
      return h != null && h.get(c.arg(2)) != null ? Replies.ONE : Replies.ZERO;
    });
    t.add("hstrlen", 3, READONLY, c -> {
      HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
      byte[] v = h == null ? null : h.get(c.arg(2));
      return Replies.integer(v == null ? 0 : v.length);
    });
    t.add("hdel", -3, WRITE, HashCommands::hdel);
    t.add("hincrby", 4, WRITE | DENYOOM, HashCommands::hincrby);
    t.add("hincrbyfloat", 4, WRITE | DENYOOM, HashCommands::hincrbyfloat);
    t.add("hrandfield", -2, READONLY, HashCommands::hrandfield);
  }

  /** The hash under {@code key}, created empty (and added) if absent. */
  private static HashValue getOrCreate(Call c, byte[] key) {
    HashValue h = c.ks.get(key, ValueType.HASH);
    if (h == null) {
      h = new HashValue();
      c.ks.add(key, h);
    }
    return h;
  }

  private static Reply hset(Call c, boolean hmset) {
    if (c.argc() % 2 == 1) {
      throw Errors.wrongArgs(c.name());
    }
    HashValue h = getOrCreate(c, c.arg(1));
    long created = 0;
    for (int i = 2; i < c.argc(); i += 2) {
      if (h.put(c.arg(i), c.arg(i + 1))) {
        created++;
      }
    }
    return hmset ? Replies.OK : Replies.integer(created);
  }

  private static Reply hsetnx(Call c) {
    HashValue h = getOrCreate(c, c.arg(1));
    if (h.get(c.arg(2)) != null) {
      return Replies.ZERO;
    }
    h.put(c.arg(2), c.arg(3));
    return Replies.ONE;
  }

  private static Reply hget(Call c) {
    HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
    return Replies.bulk(h == null ? null : h.get(c.arg(2)));
  }

  private static Reply hmget(Call c) {
    HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
    List<Reply> out = new ArrayList<>(c.argc() - 2);
    for (int i = 2; i < c.argc(); i++) {
      out.add(Replies.bulk(h == null ? null : h.get(c.arg(i))));
    }
    return Replies.array(out);
  }

  private static Reply all(Call c, boolean keys, boolean values) {
    HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
    if (h == null) {
      return Replies.EMPTY_ARRAY;
    }
    List<Reply> out = new ArrayList<>(h.size() * (keys && values ? 2 : 1));
    h.fields.forEach(n -> {
      if (keys) {
        out.add(Replies.bulk(n.key));
      }
      if (values) {
        out.add(Replies.bulk(n.value));
      }
    });
    return Replies.array(out);
  }

  private static Reply hdel(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    if (!(e.value instanceof HashValue h)) {
      throw Errors.WRONGTYPE;
    }
    long deleted = 0;
    for (int i = 2; i < c.argc(); i++) {
      if (h.remove(c.arg(i))) {
        deleted++;
        if (h.size() == 0) {
          break;
        }
      }
    }
    c.ks.deleteIfEmpty(e);
    return Replies.integer(deleted);
  }

  private static Reply hincrby(Call c) {
    long incr = c.longArg(3);
    HashValue h = getOrCreate(c, c.arg(1));
    byte[] cur = h.get(c.arg(2));
    long value = cur == null ? 0 : Numbers.parseLong(cur, NOT_INTEGER);
    long result = CounterCommands.addOrOverflow(value, incr);
    h.put(c.arg(2), Bytes.ascii(result));
    return Replies.integer(result);
  }

  private static Reply hincrbyfloat(Call c) {
    LongDouble incr = LongDouble.parse(c.arg(3));
    if (incr == null) {
      throw Errors.NOT_FLOAT;
    }
    if (incr.isInfinite()) {
      throw NAN_OR_INF;
    }
    HashValue h = getOrCreate(c, c.arg(1));
    byte[] cur = h.get(c.arg(2));
    LongDouble value = cur == null ? LongDouble.of(0) : LongDouble.parse(cur);
    if (value == null) {
      throw NOT_FLOAT;
    }
    byte[] text = CounterCommands.addFloat(value, incr);
    h.put(c.arg(2), text);
    return Replies.bulk(text);
  }

  private static Reply hrandfield(Call c) {
    if (c.argc() >= 3) {
      RandomPicks.CountArgs args = RandomPicks.countArgs(c, "withvalues");
      HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
      if (h == null || args.count() == 0) {
        return Replies.EMPTY_ARRAY;
      }
      List<Reply> out = new ArrayList<>();
      for (ByteDict.Node<byte[]> n : RandomPicks.pick(h.fields, args.count(), c.ks.random())) {
        out.add(Replies.bulk(n.key));
        if (args.with()) {
          out.add(Replies.bulk(n.value));
        }
      }
      return Replies.array(out);
    }
    HashValue h = c.ks.get(c.arg(1), ValueType.HASH);
    if (h == null) {
      return Replies.NULL_BULK;
    }
    return Replies.bulk(h.fields.randomNode(c.ks.random()).key);
  }
}
