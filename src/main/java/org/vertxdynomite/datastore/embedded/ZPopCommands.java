package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/** ZPOPMIN, ZPOPMAX, ZMPOP and the blocking BZPOPMIN, BZPOPMAX, BZMPOP. */
final class ZPopCommands {

  /** Reply shapes of Redis's genericZpopCommand in RESP2. */
  private enum Shape {
    /** ZPOPMIN/ZPOPMAX: flat [member, score, ...]. */
    FLAT,
    /** BZPOPMIN/BZPOPMAX: [key, member, score]. */
    KEY_FLAT,
    /** ZMPOP/BZMPOP: [key, [[member, score], ...]]. */
    KEY_NESTED
  }

  private ZPopCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("zpopmin", -2, WRITE, c -> zpop(c, true));
    t.add("zpopmax", -2, WRITE, c -> zpop(c, false));
    t.add("zmpop", -4, WRITE, c -> ((Outcome.Now) zmpop(c, 1, false)).reply());
    t.addBlocking("bzpopmin", -3, WRITE, c -> bzpop(c, true));
    t.addBlocking("bzpopmax", -3, WRITE, c -> bzpop(c, false));
    t.addBlocking("bzmpop", -5, WRITE, c -> zmpop(c, 2, true));
  }

  private static Reply zpop(Call c, boolean min) {
    if (c.argc() > 3) {
      throw Errors.SYNTAX;
    }
    long count = c.argc() == 3 ? c.positiveLongArg(2) : -1;
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.EMPTY_ARRAY;
    }
    ZSetCommands.asZSet(e);
    if (count == 0) {
      return Replies.EMPTY_ARRAY;
    }
    return pop(c, c.arg(1), min, count == -1 ? 1 : count, Shape.FLAT);
  }

  /** Pops up to {@code count} from the zset at {@code key} (null if none there) and replies in {@code shape}. */
  private static Reply pop(Call c, byte[] key, boolean min, long count, Shape shape) {
    Keyspace.Entry e = c.ks.entry(key);
    if (e == null || !(e.value instanceof ZSetValue z)) {
      return null;
    }
    long n = Math.min(count, z.size());
    List<Reply> items = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      ZSkipList.Node x = min ? z.list.header.next() : z.list.tail;
      z.removeNode(x);
      Reply member = Replies.bulk(x.member);
      Reply score = ZSetCommands.score(x.score);
      if (shape == Shape.KEY_NESTED) {
        items.add(Replies.array(member, score));
      } else {
        items.add(member);
        items.add(score);
      }
    }
    c.ks.deleteIfEmpty(e);
    return switch (shape) {
      case FLAT -> Replies.array(items);
      case KEY_FLAT -> {
        List<Reply> out = new ArrayList<>(items.size() + 1);
        out.add(Replies.bulk(key));
        out.addAll(items);
        yield Replies.array(out);
      }
      case KEY_NESTED -> Replies.array(Replies.bulk(key), Replies.array(items));
    };
  }

  /** MIN (true) or MAX (false), else a syntax error. */
  private static boolean minOrMax(Call c, int i) {
    if (c.is(i, "min")) {
      return true;
    }
    if (c.is(i, "max")) {
      return false;
    }
    throw Errors.SYNTAX;
  }

  private static Outcome zmpop(Call c, int numkeysIdx, boolean blocking) {
    MultiPop args = MultiPop.parse(c, numkeysIdx, ZPopCommands::minOrMax);
    byte[][] keys = args.keys();
    long deadline = blocking ? Timeouts.deadline(c.arg(1), c.now()) : 0;
    Outcome.Server server = (call, key) -> pop(call, key, args.first(), args.count(), Shape.KEY_NESTED);
    Reply r = c.serveFirstExisting(keys, ValueType.ZSET, server);
    if (r != null || !blocking) {
      return new Outcome.Now(r != null ? r : Replies.NULL_ARRAY);
    }
    return new Outcome.Wait(keys, deadline, server, Replies.NULL_ARRAY, Replies.NULL_ARRAY);
  }

  private static Outcome bzpop(Call c, boolean min) {
    long deadline = Timeouts.deadline(c.arg(c.argc() - 1), c.now());
    byte[][] keys = c.args(1, c.argc() - 2);
    Outcome.Server server = (call, key) -> pop(call, key, min, 1, Shape.KEY_FLAT);
    Reply r = c.serveFirstExisting(keys, ValueType.ZSET, server);
    return r != null ? new Outcome.Now(r)
        : new Outcome.Wait(keys, deadline, server, Replies.NULL_ARRAY, Replies.NULL_ARRAY);
  }
}
