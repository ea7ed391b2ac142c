package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (NX/XX/GT/LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME, PERSIST. */
final class ExpireCommands {

  private static final int NX = 1;
  private static final int XX = 2;
  private static final int GT = 4;
  private static final int LT = 8;

  private ExpireCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("expire", -3, WRITE, c -> expire(c, true, true));
    t.add("pexpire", -3, WRITE, c -> expire(c, true, false));
    t.add("expireat", -3, WRITE, c -> expire(c, false, true));
    t.add("pexpireat", -3, WRITE, c -> expire(c, false, false));
    t.add("ttl", 2, READONLY, c -> ttl(c, false, false));
    t.add("pttl", 2, READONLY, c -> ttl(c, true, false));
    t.add("expiretime", 2, READONLY, c -> ttl(c, false, true));
    t.add("pexpiretime", 2, READONLY, c -> ttl(c, true, true));
    t.add("persist", 2, WRITE, ExpireCommands::persist);
  }

  private static Reply expire(Call c, boolean relative, boolean seconds) {
    int flags = parseFlags(c);
    long when = c.longArg(2);
    if (seconds) {
      if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
        throw c.invalidExpire();
      }
      when *= 1000;
    }
    long base = relative ? c.now() : 0;
    if (when > Long.MAX_VALUE - base) {
      throw c.invalidExpire();
    }
    when += base;
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    long current = e.expireAt;
    if ((flags & NX) != 0 && current != -1
        || (flags & XX) != 0 && current == -1
        || (flags & GT) != 0 && (when <= current || current == -1)
        || (flags & LT) != 0 && current != -1 && when >= current) {
      return Replies.ZERO;
    }
    if (when <= c.now()) {
      c.ks.remove(e);
    } else {
      c.ks.setExpire(e, when);
    }
    return Replies.ONE;
  }

  private static int parseFlags(Call c) {
    int flags = 0;
    for (int j = 3; j < c.argc(); j++) {
      if (c.is(j, "nx")) {
        flags |= NX;
      } else if (c.is(j, "xx")) {
        flags |= XX;
      } else if (c.is(j, "gt")) {
        flags |= GT;
      } else if (c.is(j, "lt")) {
        flags |= LT;
      } else {
        throw RespError.err("Unsupported option " + Call.str(c.arg(j)));
      }
    }
    if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
      throw RespError.err("NX and XX, GT or LT options at the same time are not compatible");
    }
    if ((flags & GT) != 0 && (flags & LT) != 0) {
      throw RespError.err("GT and LT options at the same time are not compatible");
    }
    return flags;
  }

  private static Reply ttl(Call c, boolean millis, boolean absolute) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.integer(-2);
    }
    if (e.expireAt == -1) {
      return Replies.integer(-1);
    }
    long t = absolute ? e.expireAt : e.expireAt - c.now();
    if (t < 0) {
      t = 0;
    }
    // Unsigned, as Redis's compiled arithmetic behaves when t + 500 overflows.
    return Replies.integer(millis ? t : Long.divideUnsigned(t + 500, 1000));
  }

  private static Reply persist(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    return e != null && c.ks.removeExpire(e) ? Replies.ONE : Replies.ZERO;
  }
}
