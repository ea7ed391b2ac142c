package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * ZRANGE in all its forms (by rank, BYSCORE, BYLEX, REV, LIMIT, WITHSCORES), ZRANGESTORE, the
 * legacy ZRANGEBYSCORE/ZREVRANGEBYSCORE/ZRANGEBYLEX/ZREVRANGEBYLEX/ZREVRANGE, and ZREMRANGEBY*.
 */
final class ZRangeCommands {

  private static final RespError LIMIT_NEEDS_BY =
      RespError.err("syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
  private static final RespError NO_WITHSCORES_BYLEX =
      RespError.err("syntax error, WITHSCORES not supported in combination with BYLEX");

  private enum Type { AUTO, RANK, SCORE, LEX }

  private ZRangeCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("zrange", -4, READONLY, c -> range(c, 1, false, Type.AUTO, null));
    t.add("zrangestore", -5, WRITE | DENYOOM, c -> range(c, 2, true, Type.AUTO, null));
    t.add("zrangebyscore", -4, READONLY, c -> range(c, 1, false, Type.SCORE, false));
    t.add("zrevrangebyscore", -4, READONLY, c -> range(c, 1, false, Type.SCORE, true));
    t.add("zrangebylex", -4, READONLY, c -> range(c, 1, false, Type.LEX, false));
    t.add("zrevrangebylex", -4, READONLY, c -> range(c, 1, false, Type.LEX, true));
    t.add("zrevrange", -4, READONLY, c -> range(c, 1, false, Type.RANK, true));
    t.add("zremrangebyrank", 4, WRITE, c -> removeRange(c, Type.RANK));
    t.add("zremrangebyscore", 4, WRITE, c -> removeRange(c, Type.SCORE));
    t.add("zremrangebylex", 4, WRITE, c -> removeRange(c, Type.LEX));
  }

  /** Redis's zrangeGenericCommand; {@code reverse} null means "REV allowed as an option". */
  private static Reply range(Call c, int keyIdx, boolean store, Type type, Boolean reverse) {
    boolean withScores = false;
    long offset = 0;
    long limit = -1;
    boolean rev = reverse != null && reverse;
    for (int j = keyIdx + 3; j < c.argc(); j++) {
      int left = c.argc() - j - 1;
      if (!store && c.is(j, "withscores")) {
        withScores = true;
      } else if (c.is(j, "limit") && left >= 2) {
        offset = c.longArg(j + 1);
        limit = c.longArg(j + 2);
        j += 2;
      } else if (reverse == null && !rev && c.is(j, "rev")) {
        rev = true;
      } else if (type == Type.AUTO && c.is(j, "bylex")) {
        type = Type.LEX;
      } else if (type == Type.AUTO && c.is(j, "byscore")) {
        type = Type.SCORE;
      } else {
        throw Errors.SYNTAX;
      }
    }
    if (type == Type.AUTO) {
      type = Type.RANK;
    }
    if (limit != -1 && type == Type.RANK) {
      throw LIMIT_NEEDS_BY;
    }
    if (withScores && type == Type.LEX) {
      throw NO_WITHSCORES_BYLEX;
    }
    int minIdx = keyIdx + 1;
    int maxIdx = keyIdx + 2;
    if (rev && type != Type.RANK) {
      minIdx = keyIdx + 2;
      maxIdx = keyIdx + 1;
    }
    long start = 0;
    long end = 0;
    ZRange zrange = null;
    if (type == Type.RANK) {
      start = c.longArg(minIdx);
      end = c.longArg(maxIdx);
    } else if (type == Type.SCORE) {
      zrange = ZRanges.score(c.arg(minIdx), c.arg(maxIdx));
    } else {
      zrange = ZRanges.lex(c.arg(minIdx), c.arg(maxIdx));
    }
    ZSetValue z = c.ks.get(c.arg(keyIdx), ValueType.ZSET);
    List<ZSkipList.Node> nodes = z == null ? List.of()
        : type == Type.RANK ? byRank(z, start, end, rev) : byRange(z, zrange, offset, limit, rev);
    if (store) {
      // Redis sizes the destination up front only when the result length is known (rank ranges).
      return store(c, nodes, type == Type.RANK ? nodes.size() : 0);
    }
    return reply(nodes, withScores);
  }

  static Reply reply(List<ZSkipList.Node> nodes, boolean withScores) {
    List<Reply> out = new ArrayList<>(nodes.size() * (withScores ? 2 : 1));
    for (ZSkipList.Node n : nodes) {
      out.add(Replies.bulk(n.member));
      if (withScores) {
        out.add(ZSetCommands.score(n.score));
      }
    }
    return Replies.array(out);
  }

  /**
   * ZRANGESTORE: builds the result as Redis does, a listpack unless {@code sizeHint} already
   * exceeds the listpack limit, converting as it grows.
   */
  private static Reply store(Call c, List<ZSkipList.Node> nodes, int sizeHint) {
    if (nodes.isEmpty()) {
      c.ks.delete(c.arg(1));
      return Replies.ZERO;
    }
    ZSetValue dst = new ZSetValue(sizeHint <= ZSetValue.MAX_LISTPACK_ENTRIES);
    for (ZSkipList.Node n : nodes) {
      dst.put(n.member, n.score);
    }
    c.ks.set(c.arg(1), dst);
    return Replies.integer(dst.size());
  }

  /** Nodes by rank, with Redis's index sanitising. */
  static List<ZSkipList.Node> byRank(ZSetValue z, long start, long end, boolean rev) {
    long len = z.size();
    long[] r = Ranges.inclusive(start, end, len);
    if (r == null) {
      return List.of();
    }
    int n = (int) (r[1] - r[0] + 1);
    List<ZSkipList.Node> out = new ArrayList<>(n);
    ZSkipList.Node x = z.list.byRank(rev ? len - r[0] : r[0] + 1);
    for (int i = 0; i < n && x != null; i++) {
      out.add(x);
      x = rev ? x.backward : x.next();
    }
    return out;
  }

  /** Nodes in a score or lex range after skipping {@code offset}, at most {@code limit} (negative: all). */
  static List<ZSkipList.Node> byRange(ZSetValue z, ZRange r, long offset, long limit, boolean rev) {
    List<ZSkipList.Node> out = new ArrayList<>();
    if (offset > 0 && offset >= z.size()) {
      return out;
    }
    ZSkipList.Node x = rev ? z.list.last(r) : z.list.first(r);
    // A negative offset never reaches zero: Redis walks off the end and returns nothing.
    while (x != null && offset-- != 0) {
      x = rev ? x.backward : x.next();
    }
    while (x != null && limit-- != 0) {
      if (rev ? r.belowMin(x) : r.aboveMax(x)) {
        break;
      }
      out.add(x);
      x = rev ? x.backward : x.next();
    }
    return out;
  }

  private static Reply removeRange(Call c, Type type) {
    long start = 0;
    long end = 0;
    ZRange r = null;
    if (type == Type.RANK) {
      start = c.longArg(2);
      end = c.longArg(3);
    } else if (type == Type.SCORE) {
      r = ZRanges.score(c.arg(2), c.arg(3));
    } else {
      r = ZRanges.lex(c.arg(2), c.arg(3));
    }
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    ZSetValue z = ZSetCommands.asZSet(e);
    List<ZSkipList.Node> nodes = type == Type.RANK ? byRank(z, start, end, false) : byRange(z, r, 0, -1, false);
    for (ZSkipList.Node n : nodes) {
      z.removeNode(n);
    }
    c.ks.deleteIfEmpty(e);
    return Replies.integer(nodes.size());
  }
}
