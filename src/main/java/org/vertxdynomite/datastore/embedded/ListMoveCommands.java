package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/**
 * List commands that pop from one of several keys or move between keys, and their blocking
 * forms: LMOVE, RPOPLPUSH, LMPOP, BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP.
 */
final class ListMoveCommands {

  private ListMoveCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("lmove", 5, WRITE | DENYOOM, c -> move(c, c.arg(1), c.arg(2), side(c, 3), side(c, 4)));
    t.add("rpoplpush", 3, WRITE | DENYOOM, c -> move(c, c.arg(1), c.arg(2), false, true));
    t.add("lmpop", -4, WRITE, c -> ((Outcome.Now) mpop(c, 1, false)).reply());
    t.addBlocking("blpop", -3, WRITE, c -> bpop(c, true));
    t.addBlocking("brpop", -3, WRITE, c -> bpop(c, false));
    t.addBlocking("blmove", 6, WRITE | DENYOOM, c -> {
      boolean from = side(c, 3);
      boolean to = side(c, 4);
      return bmove(c, from, to, Timeouts.deadline(c.arg(5), c.now()));
    });
    t.addBlocking("brpoplpush", 4, WRITE | DENYOOM,
        c -> bmove(c, false, true, Timeouts.deadline(c.arg(3), c.now())));
    t.addBlocking("blmpop", -5, WRITE, c -> mpop(c, 2, true));
  }

  /** LEFT (true) or RIGHT (false), else a syntax error. */
  static boolean side(Call c, int i) {
    if (c.is(i, "left")) {
      return true;
    }
    if (c.is(i, "right")) {
      return false;
    }
    throw Errors.SYNTAX;
  }

  /** LMOVE: the popped element, nil when the source is missing. */
  private static Reply move(Call c, byte[] src, byte[] dst, boolean fromLeft, boolean toLeft) {
    Keyspace.Entry se = c.ks.entry(src);
    if (se == null) {
      return Replies.NULL_BULK;
    }
    ListValue from = ListCommands.asList(se);
    Keyspace.Entry de = c.ks.entry(dst);
    if (de != null) {
      ListCommands.asList(de);
    }
    byte[] v = from.pop(fromLeft);
    ListValue to = de != null ? (ListValue) de.value : null;
    if (to == null) {
      to = new ListValue();
      to.push(v, toLeft);
      c.ks.add(dst, to);
    } else {
      to.push(v, toLeft);
    }
    c.ks.deleteIfEmpty(se);
    return Replies.bulk(v);
  }

  /** LMPOP (always {@link Outcome.Now}) and BLMPOP. */
  private static Outcome mpop(Call c, int numkeysIdx, boolean blocking) {
    MultiPop args = MultiPop.parse(c, numkeysIdx, ListMoveCommands::side);
    byte[][] keys = args.keys();
    Outcome.Server server = (call, key) -> popWithKey(call, key, args.first(), args.count());
    if (!blocking) {
      Reply r = c.serveFirstExisting(keys, ValueType.LIST, server);
      return new Outcome.Now(r != null ? r : Replies.NULL_ARRAY);
    }
    long deadline = Timeouts.deadline(c.arg(1), c.now());
    Reply r = c.serveFirstExisting(keys, ValueType.LIST, server);
    return r != null ? new Outcome.Now(r)
        : new Outcome.Wait(keys, deadline, server, Replies.NULL_ARRAY, Replies.NULL_ARRAY);
  }

  /** [key, [elements]] popped from a list; null if {@code key} holds no list. */
  private static Reply popWithKey(Call c, byte[] key, boolean left, long count) {
    Keyspace.Entry e = c.ks.entry(key);
    if (e == null || !(e.value instanceof ListValue l)) {
      return null;
    }
    Reply r = Replies.array(Replies.bulk(key), ListCommands.popMany(l, left, count));
    c.ks.deleteIfEmpty(e);
    return r;
  }

  /** [key, element] popped from a list; null if {@code key} holds no list. */
  private static Reply popOne(Call c, byte[] key, boolean left) {
    Keyspace.Entry e = c.ks.entry(key);
    if (e == null || !(e.value instanceof ListValue l)) {
      return null;
    }
    Reply r = Replies.array(Replies.bulk(key), Replies.bulk(l.pop(left)));
    c.ks.deleteIfEmpty(e);
    return r;
  }

  private static Outcome bpop(Call c, boolean left) {
    long deadline = Timeouts.deadline(c.arg(c.argc() - 1), c.now());
    byte[][] keys = c.args(1, c.argc() - 2);
    Outcome.Server server = (call, key) -> popOne(call, key, left);
    Reply r = c.serveFirstExisting(keys, ValueType.LIST, server);
    return r != null ? new Outcome.Now(r)
        : new Outcome.Wait(keys, deadline, server, Replies.NULL_ARRAY, Replies.NULL_ARRAY);
  }

  private static Outcome bmove(Call c, boolean fromLeft, boolean toLeft, long deadline) {
    byte[] src = c.arg(1);
    byte[] dst = c.arg(2);
    Keyspace.Entry se = c.ks.entry(src);
    if (se != null) {
      ListCommands.asList(se);
      return new Outcome.Now(move(c, src, dst, fromLeft, toLeft));
    }
    Outcome.Server server = (call, key) -> {
      Keyspace.Entry e = call.ks.entry(key);
      if (e == null || !(e.value instanceof ListValue)) {
        return null;
      }
      return move(call, key, dst, fromLeft, toLeft);
    };
    // Timed out: a nil array, as Redis replies to every timed-out list pop; inside MULTI a nil bulk.
    return new Outcome.Wait(new byte[][] {src}, deadline, server, Replies.NULL_ARRAY, Replies.NULL_BULK);
  }
}
