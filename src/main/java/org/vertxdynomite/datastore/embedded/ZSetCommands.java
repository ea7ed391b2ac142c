package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Sorted-set member commands: ZADD, ZINCRBY, ZSCORE, ZMSCORE, ZCARD, ZCOUNT, ZLEXCOUNT, ZRANK, ZREM, ZRANDMEMBER. */
final class ZSetCommands {

  private static final RespError NAN_SCORE = RespError.err("resulting score is not a number (NaN)");
  private static final RespError XX_NX = RespError.err("XX and NX options at the same time are not compatible");
  private static final RespError GT_LT_NX =
      RespError.err("GT, LT, and/or NX options at the same time are not compatible");
  private static final RespError INCR_PAIR = RespError.err("INCR option supports a single increment-element pair");

  private ZSetCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("zadd", -4, WRITE | DENYOOM, c -> zadd(c, false));
    t.add("zincrby", 4, WRITE | DENYOOM, c -> zadd(c, true));
    t.add("zscore", 3, READONLY, c -> {
      ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
      Double s = z == null ? null : z.score(c.arg(2));
      return s == null ? Replies.NULL_BULK : score(s);
    });
    t.add("zmscore", -3, READONLY, ZSetCommands::zmscore);
    t.add("zcard", 2, READONLY, c -> {
      ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
      return Replies.integer(z == null ? 0 : z.size());
    });
    t.add("zcount", 4, READONLY, c -> count(c, ZRanges.score(c.arg(2), c.arg(3))));
    t.add("zlexcount", 4, READONLY, c -> count(c, ZRanges.lex(c.arg(2), c.arg(3))));
    t.add("zrank", 3, READONLY, c -> rank(c, false));
    t.add("zrevrank", 3, READONLY, c -> rank(c, true));
    t.add("zrem", -3, WRITE, ZSetCommands::zrem);
    t.add("zrandmember", -2, READONLY, ZSetCommands::zrandmember);
  }

  /** A score as Redis replies it (RESP2 bulk, %.17g, inf/-inf). */
  static Reply score(double d) {
    return Replies.bulk(Numbers.formatDouble(d));
  }

  private static Reply zadd(Call c, boolean zincrby) {
    boolean nx = false;
    boolean xx = false;
    boolean gt = false;
    boolean lt = false;
    boolean ch = false;
    boolean incr = zincrby;
    int scoreIdx = 2;
    // ZINCRBY goes through the same option loop in Redis (an increment spelled "nx" is an option).
    while (scoreIdx < c.argc()) {
      if (c.is(scoreIdx, "nx")) {
        nx = true;
      } else if (c.is(scoreIdx, "xx")) {
        xx = true;
      } else if (c.is(scoreIdx, "ch")) {
        ch = true;
      } else if (c.is(scoreIdx, "incr")) {
        incr = true;
      } else if (c.is(scoreIdx, "gt")) {
        gt = true;
      } else if (c.is(scoreIdx, "lt")) {
        lt = true;
      } else {
        break;
      }
      scoreIdx++;
    }
    int elements = c.argc() - scoreIdx;
    if (elements % 2 != 0 || elements == 0) {
      throw Errors.SYNTAX;
    }
    elements /= 2;
    if (nx && xx) {
      throw XX_NX;
    }
    if ((gt && nx) || (lt && nx) || (gt && lt)) {
      throw GT_LT_NX;
    }
    if (incr && elements > 1) {
      throw INCR_PAIR;
    }
    double[] scores = new double[elements];
    for (int j = 0; j < elements; j++) {
      scores[j] = c.doubleArg(scoreIdx + 2 * j);
    }
    ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
    long added = 0;
    long updated = 0;
    boolean processed = false;
    double last = 0;
    if (z == null) {
      if (xx) {
        return incr ? Replies.NULL_BULK : Replies.ZERO;
      }
      z = ZSetValue.forFirstMember(c.arg(scoreIdx + 1).length);
      c.ks.add(c.arg(1), z);
    }
    for (int j = 0; j < elements; j++) {
      byte[] member = c.arg(scoreIdx + 1 + 2 * j);
      double score = scores[j];
      Double cur = z.score(member);
      if (cur != null) {
        if (nx) {
          continue;
        }
        if (incr) {
          score += cur;
          if (Double.isNaN(score)) {
            c.ks.deleteIfEmpty(c.arg(1), z);
            throw NAN_SCORE;
          }
        }
        if ((lt && score >= cur) || (gt && score <= cur)) {
          continue;
        }
        processed = true;
        last = score;
        if (score != cur) {
          z.put(member, score);
          updated++;
        }
      } else if (!xx) {
        z.put(member, score);
        added++;
        processed = true;
        last = score;
      }
    }
    if (incr) {
      return processed ? score(last) : Replies.NULL_BULK;
    }
    return Replies.integer(ch ? added + updated : added);
  }

  private static Reply zmscore(Call c) {
    ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
    List<Reply> out = new ArrayList<>(c.argc() - 2);
    for (int i = 2; i < c.argc(); i++) {
      Double s = z == null ? null : z.score(c.arg(i));
      out.add(s == null ? Replies.NULL_BULK : score(s));
    }
    return Replies.array(out);
  }

  private static Reply count(Call c, ZRange range) {
    ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
    if (z == null) {
      return Replies.ZERO;
    }
    ZSkipList.Node first = z.list.first(range);
    if (first == null) {
      return Replies.ZERO;
    }
    ZSkipList.Node last = z.list.last(range);
    return Replies.integer(z.list.rank(last.score, last.member) - z.list.rank(first.score, first.member) + 1);
  }

  private static Reply rank(Call c, boolean reverse) {
    ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
    ZSkipList.Node n = z == null ? null : z.node(c.arg(2));
    if (n == null) {
      return Replies.NULL_BULK;
    }
    long r = z.list.rank(n.score, n.member);
    return Replies.integer(reverse ? z.size() - r : r - 1);
  }

  private static Reply zrem(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    ZSetValue z = asZSet(e);
    long removed = 0;
    for (int i = 2; i < c.argc(); i++) {
      if (z.remove(c.arg(i))) {
        removed++;
        if (z.size() == 0) {
          break;
        }
      }
    }
    c.ks.deleteIfEmpty(e);
    return Replies.integer(removed);
  }

  static ZSetValue asZSet(Keyspace.Entry e) {
    if (!(e.value instanceof ZSetValue z)) {
      throw Errors.WRONGTYPE;
    }
    return z;
  }

  private static Reply zrandmember(Call c) {
    if (c.argc() >= 3) {
      RandomPicks.CountArgs args = RandomPicks.countArgs(c, "withscores");
      ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
      if (z == null || args.count() == 0) {
        return Replies.EMPTY_ARRAY;
      }
      List<Reply> out = new ArrayList<>();
      for (ByteDict.Node<ZSkipList.Node> n : RandomPicks.pick(z.dict, args.count(), c.ks.random())) {
        out.add(Replies.bulk(n.key));
        if (args.with()) {
          out.add(score(n.value.score));
        }
      }
      return Replies.array(out);
    }
    ZSetValue z = c.ks.get(c.arg(1), ValueType.ZSET);
    return z == null ? Replies.NULL_BULK : Replies.bulk(z.dict.randomNode(c.ks.random()).key);
  }
}
