package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** SMEMBERS, SINTER, SUNION, SDIFF, their STORE forms, and SINTERCARD. */
final class SetAlgebraCommands {

  private static final RespError TOO_MANY_KEYS = RespError.err("Number of keys can't be greater than number of args");

  private enum Op { UNION, DIFF }

  private SetAlgebraCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("smembers", 2, READONLY, c -> reply(inter(c, 1, c.argc(), 0)));
    t.add("sinter", -2, READONLY, c -> reply(inter(c, 1, c.argc(), 0)));
    t.add("sinterstore", -3, WRITE | DENYOOM, c -> store(c, inter(c, 2, c.argc(), 0)));
    t.add("sunion", -2, READONLY, c -> reply(unionDiff(c, 1, Op.UNION)));
    t.add("sunionstore", -3, WRITE | DENYOOM, c -> store(c, unionDiff(c, 2, Op.UNION)));
    t.add("sdiff", -2, READONLY, c -> reply(unionDiff(c, 1, Op.DIFF)));
    t.add("sdiffstore", -3, WRITE | DENYOOM, c -> store(c, unionDiff(c, 2, Op.DIFF)));
    t.add("sintercard", -3, READONLY, SetAlgebraCommands::sintercard);
  }

  /** The sets at arguments [from, to); null for a missing key; WRONGTYPE for any other type. */
  private static SetValue[] sets(Call c, int from, int to) {
    SetValue[] sets = new SetValue[to - from];
    for (int j = from; j < to; j++) {
      sets[j - from] = c.ks.get(c.arg(j), ValueType.SET);
    }
    return sets;
  }

  /** The intersection, stopping once {@code limit} members are found (0 = no limit). */
  private static List<byte[]> inter(Call c, int from, int to, long limit) {
    SetValue[] sets = sets(c, from, to);
    List<byte[]> out = new ArrayList<>();
    for (SetValue s : sets) {
      if (s == null) {
        return out;
      }
    }
    SetValue smallest = sets[0];
    for (SetValue s : sets) {
      if (s.size() < smallest.size()) {
        smallest = s;
      }
    }
    final SetValue base = smallest;
    List<byte[]> candidates = new ArrayList<>(base.size());
    base.members.forEach(n -> candidates.add(n.key));
    for (byte[] m : candidates) {
      boolean all = true;
      for (SetValue s : sets) {
        if (s != base && !s.contains(m)) {
          all = false;
          break;
        }
      }
      if (all) {
        out.add(m);
        if (limit > 0 && out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  private static List<byte[]> unionDiff(Call c, int from, Op op) {
    SetValue[] sets = sets(c, from, c.argc());
    SetValue result = new SetValue();
    if (op == Op.UNION) {
      for (SetValue s : sets) {
        if (s != null) {
          s.members.forEach(n -> result.add(n.key));
        }
      }
    } else if (sets[0] != null) {
      sets[0].members.forEach(n -> {
        for (int j = 1; j < sets.length; j++) {
          if (sets[j] != null && sets[j].contains(n.key)) {
            return;
          }
        }
        result.add(n.key);
      });
    }
    List<byte[]> out = new ArrayList<>(result.size());
    result.members.forEach(n -> out.add(n.key));
    return out;
  }

  private static Reply reply(List<byte[]> members) {
    List<Reply> out = new ArrayList<>(members.size());
    for (byte[] m : members) {
      out.add(Replies.bulk(m));
    }
    return Replies.array(out);
  }

  /** Stores the result at argument 1 (replacing any value and TTL) or deletes it when empty. */
  private static Reply store(Call c, List<byte[]> members) {
    if (members.isEmpty()) {
      c.ks.delete(c.arg(1));
      return Replies.ZERO;
    }
    SetValue s = new SetValue();
    for (byte[] m : members) {
      s.add(m);
    }
    c.ks.set(c.arg(1), s);
    return Replies.integer(s.size());
  }

  private static Reply sintercard(Call c) {
    long numkeys = c.rangeLongArg(1, 1, Long.MAX_VALUE, Errors.NUMKEYS);
    if (numkeys > c.argc() - 2) {
      throw TOO_MANY_KEYS;
    }
    long limit = 0;
    for (int j = 2 + (int) numkeys; j < c.argc(); j++) {
      if (c.is(j, "limit") && j < c.argc() - 1) {
        limit = c.rangeLongArg(++j, 0, Long.MAX_VALUE, Errors.LIMIT_NEGATIVE);
      } else {
        throw Errors.SYNTAX;
      }
    }
    return Replies.integer(inter(c, 2, 2 + (int) numkeys, limit).size());
  }
}
