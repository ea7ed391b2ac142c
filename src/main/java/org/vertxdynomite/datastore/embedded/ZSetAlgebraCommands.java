package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, with WEIGHTS and AGGREGATE. Plain sets
 * take part with score 1. Inputs are processed smallest first (a stable sort), so floating-point
 * sums add up in the same order as on Redis.
 */
final class ZSetAlgebraCommands {

  private static final RespError WEIGHT_NOT_FLOAT = RespError.err("weight value is not a float");

  private enum Op { UNION, INTER, DIFF }

  private enum Aggregate { SUM, MIN, MAX }

  /** One input: a sorted set, a plain set (scores 1) or nothing. */
  private record Source(Value value, double weight) {
    long size() {
      return value instanceof ZSetValue z ? z.size() : value instanceof SetValue s ? s.size() : 0;
    }

    /** The member's score in this input, or null. */
    Double score(byte[] member) {
      if (value instanceof ZSetValue z) {
        return z.score(member);
      }
      return value instanceof SetValue s && s.contains(member) ? 1.0 : null;
    }

    void forEach(java.util.function.BiConsumer<byte[], Double> fn) {
      if (value instanceof ZSetValue z) {
        for (ZSkipList.Node n = z.list.header.next(); n != null; n = n.next()) {
          fn.accept(n.member, n.score);
        }
      } else if (value instanceof SetValue s) {
        s.members.forEach(n -> fn.accept(n.key, 1.0));
      }
    }
  }

  private ZSetAlgebraCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("zunion", -3, READONLY, c -> compute(c, null, 1, Op.UNION, false));
    t.add("zinter", -3, READONLY, c -> compute(c, null, 1, Op.INTER, false));
    t.add("zdiff", -3, READONLY, c -> compute(c, null, 1, Op.DIFF, false));
    t.add("zunionstore", -4, WRITE | DENYOOM, c -> compute(c, c.arg(1), 2, Op.UNION, false));
    t.add("zinterstore", -4, WRITE | DENYOOM, c -> compute(c, c.arg(1), 2, Op.INTER, false));
    t.add("zdiffstore", -4, WRITE | DENYOOM, c -> compute(c, c.arg(1), 2, Op.DIFF, false));
    t.add("zintercard", -3, READONLY, c -> compute(c, null, 1, Op.INTER, true));
  }

  private static Reply compute(Call c, byte[] dstKey, int numkeysIdx, Op op, boolean cardOnly) {
    long setnum = c.longArg(numkeysIdx);
    if (setnum < 1) {
      throw RespError.err("at least 1 input key is needed for '" + c.name() + "' command");
    }
    if (setnum > c.argc() - (numkeysIdx + 1)) {
      throw Errors.SYNTAX;
    }
    int n = (int) setnum;
    Value[] values = new Value[n];
    int j = numkeysIdx + 1;
    for (int i = 0; i < n; i++, j++) {
      Value v = c.ks.get(c.arg(j));
      if (v != null && !(v instanceof ZSetValue) && !(v instanceof SetValue)) {
        throw Errors.WRONGTYPE;
      }
      values[i] = v;
    }
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0);
    Aggregate aggregate = Aggregate.SUM;
    boolean withScores = false;
    long limit = 0;
    int remaining = c.argc() - j;
    while (remaining > 0) {
      if (op != Op.DIFF && !cardOnly && remaining >= n + 1 && c.is(j, "weights")) {
        j++;
        remaining--;
        for (int i = 0; i < n; i++, j++, remaining--) {
          weights[i] = Numbers.parseDouble(c.arg(j), WEIGHT_NOT_FLOAT);
        }
      } else if (op != Op.DIFF && !cardOnly && remaining >= 2 && c.is(j, "aggregate")) {
        j++;
        if (c.is(j, "sum")) {
          aggregate = Aggregate.SUM;
        } else if (c.is(j, "min")) {
          aggregate = Aggregate.MIN;
        } else if (c.is(j, "max")) {
          aggregate = Aggregate.MAX;
        } else {
          throw Errors.SYNTAX;
        }
        j++;
        remaining -= 2;
      } else if (dstKey == null && !cardOnly && c.is(j, "withscores")) {
        withScores = true;
        j++;
        remaining--;
      } else if (cardOnly && remaining >= 2 && c.is(j, "limit")) {
        limit = c.rangeLongArg(j + 1, 0, Long.MAX_VALUE, Errors.LIMIT_NEGATIVE);
        j += 2;
        remaining -= 2;
      } else {
        throw Errors.SYNTAX;
      }
    }
    Source[] src = new Source[n];
    for (int i = 0; i < n; i++) {
      src[i] = new Source(values[i], weights[i]);
    }
    if (op != Op.DIFF) {
      Arrays.sort(src, Comparator.comparingLong(Source::size));
    }
    if (cardOnly) {
      return Replies.integer(interCard(src, limit));
    }
    Map<Key, Double> result = switch (op) {
      case UNION -> union(src, aggregate);
      case INTER -> inter(src, aggregate);
      case DIFF -> diff(src);
    };
    ZSetValue out = new ZSetValue(false);
    long maxLen = 0;
    for (Map.Entry<Key, Double> e : result.entrySet()) {
      out.put(e.getKey().bytes, e.getValue());
      maxLen = Math.max(maxLen, e.getKey().bytes.length);
    }
    if (dstKey == null) {
      List<ZSkipList.Node> nodes = new ArrayList<>((int) out.size());
      for (ZSkipList.Node x = out.list.header.next(); x != null; x = x.next()) {
        nodes.add(x);
      }
      return ZRangeCommands.reply(nodes, withScores);
    }
    if (out.size() == 0) {
      c.ks.delete(dstKey);
      return Replies.ZERO;
    }
    out.convertToListpackIfSmall(maxLen);
    c.ks.set(dstKey, out);
    return Replies.integer(out.size());
  }

  /** A byte-string map key. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  private static double weighted(double weight, double score) {
    double s = weight * score;
    return Double.isNaN(s) ? 0 : s;
  }

  private static double aggregate(double target, double val, Aggregate a) {
    return switch (a) {
      case SUM -> {
        double s = target + val;
        yield Double.isNaN(s) ? 0.0 : s;
      }
      case MIN -> val < target ? val : target;
      case MAX -> val > target ? val : target;
    };
  }

  private static Map<Key, Double> union(Source[] src, Aggregate a) {
    Map<Key, Double> acc = new LinkedHashMap<>();
    for (Source s : src) {
      s.forEach((m, score) -> {
        double w = weighted(s.weight, score);
        acc.merge(new Key(m), w, (old, v) -> aggregate(old, v, a));
      });
    }
    return acc;
  }

  private static Map<Key, Double> inter(Source[] src, Aggregate a) {
    Map<Key, Double> out = new LinkedHashMap<>();
    if (src[0].size() == 0) {
      return out;
    }
    src[0].forEach((m, score) -> {
      double total = weighted(src[0].weight, score);
      for (int j = 1; j < src.length; j++) {
        Double other = src[j].score(m);
        if (other == null) {
          return;
        }
        total = aggregate(total, other * src[j].weight, a);
      }
      out.put(new Key(m), total);
    });
    return out;
  }

  private static long interCard(Source[] src, long limit) {
    long[] card = {0};
    if (src[0].size() == 0) {
      return 0;
    }
    src[0].forEach((m, score) -> {
      if (limit > 0 && card[0] >= limit) {
        return;
      }
      for (int j = 1; j < src.length; j++) {
        if (src[j].score(m) == null) {
          return;
        }
      }
      card[0]++;
    });
    return card[0];
  }

  private static Map<Key, Double> diff(Source[] src) {
    Map<Key, Double> out = new LinkedHashMap<>();
    src[0].forEach((m, score) -> {
      for (int j = 1; j < src.length; j++) {
        if (src[j].score(m) != null) {
          return;
        }
      }
      out.put(new Key(m), score);
    });
    return out;
  }
}
