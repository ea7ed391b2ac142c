package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/** Set member commands: SADD, SREM, SISMEMBER, SMISMEMBER, SCARD, SMOVE, SPOP, SRANDMEMBER. */
final class SetCommands {

  private SetCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("sadd", -3, WRITE | DENYOOM, SetCommands::sadd);
    t.add("srem", -3, WRITE, SetCommands::srem);
    t.add("sismember", 3, READONLY, c -> {
      SetValue s = c.ks.get(c.arg(1), ValueType.SET);
      return s != null && s.contains(c.arg(2)) ? Replies.ONE : Replies.ZERO;
    });
    t.add("smismember", -3, READONLY, SetCommands::smismember);
    t.add("scard", 2, READONLY, c -> {
      SetValue s = c.ks.get(c.arg(1), ValueType.SET);
      return Replies.integer(s == null ? 0 : s.size());
    });
    t.add("smove", 4, WRITE, SetCommands::smove);
    t.add("spop", -2, WRITE, SetCommands::spop);
    t.add("srandmember", -2, READONLY, SetCommands::srandmember);
  }

  private static Reply sadd(Call c) {
    SetValue s = c.ks.get(c.arg(1), ValueType.SET);
    if (s == null) {
      s = new SetValue();
      c.ks.add(c.arg(1), s);
    }
    long added = 0;
    for (int i = 2; i < c.argc(); i++) {
      if (s.add(c.arg(i))) {
        added++;
      }
    }
    return Replies.integer(added);
  }

  private static Reply srem(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    SetValue s = asSet(e);
    long removed = 0;
    for (int i = 2; i < c.argc(); i++) {
      if (s.remove(c.arg(i))) {
        removed++;
        if (s.size() == 0) {
          break;
        }
      }
    }
    c.ks.deleteIfEmpty(e);
    return Replies.integer(removed);
  }

  static SetValue asSet(Keyspace.Entry e) {
    if (!(e.value instanceof SetValue s)) {
      throw Errors.WRONGTYPE;
    }
    return s;
  }

  private static Reply smismember(Call c) {
    SetValue s = c.ks.get(c.arg(1), ValueType.SET);
    List<Reply> out = new ArrayList<>(c.argc() - 2);
    for (int i = 2; i < c.argc(); i++) {
      out.add(s != null && s.contains(c.arg(i)) ? Replies.ONE : Replies.ZERO);
    }
    return Replies.array(out);
  }

  private static Reply smove(Call c) {
    Keyspace.Entry src = c.ks.entry(c.arg(1));
    Keyspace.Entry dst = c.ks.entry(c.arg(2));
    if (src == null) {
      return Replies.ZERO;
    }
    SetValue from = asSet(src);
    SetValue to = dst == null ? null : asSet(dst);
    byte[] member = c.arg(3);
    if (from == to) {
      return from.contains(member) ? Replies.ONE : Replies.ZERO;
    }
    if (!from.remove(member)) {
      return Replies.ZERO;
    }
    c.ks.deleteIfEmpty(src);
    if (to == null) {
      to = new SetValue();
      c.ks.add(c.arg(2), to);
    }
    to.add(member);
    return Replies.ONE;
  }

  private static Reply spop(Call c) {
    if (c.argc() > 3) {
      throw Errors.SYNTAX;
    }
    if (c.argc() == 3) {
      long count = c.positiveLongArg(2);
      Keyspace.Entry e = c.ks.entry(c.arg(1));
      if (e == null) {
        return Replies.EMPTY_ARRAY;
      }
      SetValue s = asSet(e);
      if (count == 0) {
        return Replies.EMPTY_ARRAY;
      }
      List<ByteDict.Node<Boolean>> picks = RandomPicks.distinct(s.members, count, c.ks.random());
      List<Reply> out = new ArrayList<>(picks.size());
      List<byte[]> members = new ArrayList<>(picks.size());
      for (ByteDict.Node<Boolean> n : picks) {
        members.add(n.key);
        out.add(Replies.bulk(n.key));
      }
      for (byte[] m : members) {
        s.remove(m);
      }
      c.ks.deleteIfEmpty(e);
      return Replies.array(out);
    }
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.NULL_BULK;
    }
    SetValue s = asSet(e);
    byte[] m = s.members.randomNode(c.ks.random()).key;
    s.remove(m);
    c.ks.deleteIfEmpty(e);
    return Replies.bulk(m);
  }

  private static Reply srandmember(Call c) {
    if (c.argc() > 3) {
      throw Errors.SYNTAX;
    }
    if (c.argc() == 3) {
      long l = c.rangeLongArg(2, -Long.MAX_VALUE, Long.MAX_VALUE, null);
      SetValue s = c.ks.get(c.arg(1), ValueType.SET);
      if (s == null || l == 0) {
        return Replies.EMPTY_ARRAY;
      }
      List<ByteDict.Node<Boolean>> picks = RandomPicks.pick(s.members, l, c.ks.random());
      List<Reply> out = new ArrayList<>(picks.size());
      for (ByteDict.Node<Boolean> n : picks) {
        out.add(Replies.bulk(n.key));
      }
      return Replies.array(out);
    }
    SetValue s = c.ks.get(c.arg(1), ValueType.SET);
    return s == null ? Replies.NULL_BULK : Replies.bulk(s.members.randomNode(c.ks.random()).key);
  }
}
