package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/** SET and its variants, GET and its variants, MGET/MSET, APPEND, STRLEN, SETRANGE, GETRANGE. */
final class StringCommands {

  private static final Reply EMPTY_BULK = Replies.bulk(Bytes.EMPTY);

  private StringCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("set", -3, WRITE | DENYOOM, StringCommands::set);
    t.add("setnx", 3, WRITE | DENYOOM,
        c -> setGeneric(c, SetOptions.NX, c.arg(2), null, Replies.ONE, Replies.ZERO));
    t.add("setex", 4, WRITE | DENYOOM, c -> setGeneric(c, SetOptions.EX, c.arg(3), c.arg(2), null, null));
    t.add("psetex", 4, WRITE | DENYOOM, c -> setGeneric(c, SetOptions.PX, c.arg(3), c.arg(2), null, null));
    t.add("get", 2, READONLY, c -> getString(c, c.arg(1)));
    t.add("getex", -2, WRITE, StringCommands::getex);
    t.add("getdel", 2, WRITE, StringCommands::getdel);
    t.add("getset", 3, WRITE | DENYOOM, StringCommands::getset);
    t.add("mget", -2, READONLY, StringCommands::mget);
    t.add("mset", -3, WRITE | DENYOOM, c -> mset(c, false));
    t.add("msetnx", -3, WRITE | DENYOOM, c -> mset(c, true));
    t.add("append", 3, WRITE | DENYOOM, StringCommands::append);
    t.add("strlen", 2, READONLY, StringCommands::strlen);
    t.add("setrange", 4, WRITE | DENYOOM, StringCommands::setrange);
    t.add("getrange", 4, READONLY, StringCommands::getrange);
    t.add("substr", 4, READONLY, StringCommands::getrange);
  }

  /** The string under {@code key} as a bulk reply, nil if absent, WRONGTYPE otherwise. */
  static Reply getString(Call c, byte[] key) {
    StringValue s = c.ks.get(key, ValueType.STRING);
    return s == null ? Replies.NULL_BULK : Replies.bulk(s.bytes());
  }

  private static Reply set(Call c) {
    SetOptions o = SetOptions.parse(c, 3, false);
    return setGeneric(c, o.flags, c.arg(2), o.expire, null, null);
  }

  private static Reply setGeneric(Call c, int flags, byte[] value, byte[] expireArg, Reply okReply, Reply abortReply) {
    long when = expireArg == null ? 0 : SetOptions.expireMillis(c, expireArg, flags);
    Reply old = null;
    if ((flags & SetOptions.GET) != 0) {
      old = getString(c, c.arg(1));
    }
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    boolean found = e != null;
    if ((flags & SetOptions.NX) != 0 && found || (flags & SetOptions.XX) != 0 && !found) {
      return old != null ? old : abortReply != null ? abortReply : Replies.NULL_BULK;
    }
    e = c.ks.set(c.arg(1), new StringValue(value), (flags & SetOptions.KEEPTTL) != 0);
    if (expireArg != null) {
      c.ks.setExpire(e, when);
    }
    return old != null ? old : okReply != null ? okReply : Replies.OK;
  }

  private static Reply getex(Call c) {
    SetOptions o = SetOptions.parse(c, 2, true);
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return Replies.NULL_BULK;
    }
    long when = o.expire == null ? 0 : SetOptions.expireMillis(c, o.expire, o.flags);
    Reply r = Replies.bulk(s.bytes());
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if ((o.flags & (SetOptions.PXAT | SetOptions.EXAT)) != 0 && when <= c.now()) {
      c.ks.remove(e);
    } else if (o.expire != null) {
      c.ks.setExpire(e, when);
    } else if ((o.flags & SetOptions.PERSIST) != 0) {
      c.ks.removeExpire(e);
    }
    return r;
  }

  private static Reply getdel(Call c) {
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return Replies.NULL_BULK;
    }
    Reply r = Replies.bulk(s.bytes());
    c.ks.delete(c.arg(1));
    return r;
  }

  private static Reply getset(Call c) {
    Reply old = getString(c, c.arg(1));
    c.ks.set(c.arg(1), new StringValue(c.arg(2)));
    return old;
  }

  private static Reply mget(Call c) {
    List<Reply> out = new ArrayList<>(c.argc() - 1);
    for (int i = 1; i < c.argc(); i++) {
      Value v = c.ks.get(c.arg(i));
      out.add(v instanceof StringValue s ? Replies.bulk(s.bytes()) : Replies.NULL_BULK);
    }
    return Replies.array(out);
  }

  private static Reply mset(Call c, boolean nx) {
    if (c.argc() % 2 == 0) {
      throw Errors.wrongArgs(c.name());
    }
    if (nx) {
      for (int i = 1; i < c.argc(); i += 2) {
        if (c.ks.exists(c.arg(i))) {
          return Replies.ZERO;
        }
      }
    }
    for (int i = 1; i < c.argc(); i += 2) {
      c.ks.set(c.arg(i), new StringValue(c.arg(i + 1)));
    }
    return nx ? Replies.ONE : Replies.OK;
  }

  private static Reply append(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      c.ks.add(c.arg(1), new StringValue(c.arg(2)));
      return Replies.integer(c.arg(2).length);
    }
    StringValue s = asString(e);
    checkLength(s.length(), c.arg(2).length);
    s.append(c.arg(2));
    return Replies.integer(s.length());
  }

  private static Reply strlen(Call c) {
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    return Replies.integer(s == null ? 0 : s.length());
  }

  private static Reply setrange(Call c) {
    long offset = c.longArg(2);
    if (offset < 0) {
      throw Call.err("offset is out of range");
    }
    byte[] part = c.arg(3);
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    StringValue s;
    if (e == null) {
      if (part.length == 0) {
        return Replies.ZERO;
      }
      checkLength(offset, part.length);
      s = new StringValue(Bytes.EMPTY);
      c.ks.add(c.arg(1), s);
    } else {
      s = asString(e);
      if (part.length == 0) {
        return Replies.integer(s.length());
      }
      checkLength(offset, part.length);
    }
    s.setRange((int) offset, part);
    return Replies.integer(s.length());
  }

  private static Reply getrange(Call c) {
    long start = c.longArg(2);
    long end = c.longArg(3);
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return EMPTY_BULK;
    }
    long len = s.length();
    if (start < 0 && end < 0 && start > end) {
      return EMPTY_BULK;
    }
    long[] r = Ranges.clamped(start, end, len);
    if (r[0] > r[1] || len == 0) {
      return EMPTY_BULK;
    }
    return Replies.bulk(s.range((int) r[0], (int) r[1] + 1));
  }

  static StringValue asString(Keyspace.Entry e) {
    if (!(e.value instanceof StringValue s)) {
      throw Errors.WRONGTYPE;
    }
    return s;
  }

  /** Redis's checkStringLength: the result may not exceed 512 MiB. */
  static void checkLength(long have, long adding) {
    if (have + adding > Errors.MAX_STRING) {
      throw Errors.STRING_TOO_LONG;
    }
  }
}
