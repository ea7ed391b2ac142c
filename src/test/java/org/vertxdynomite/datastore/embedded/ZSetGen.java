package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorted sets: ZADD options, ranges of every kind, ranks, removals, pops (blocking ones with short
 * timeouts), algebra with WEIGHTS/AGGREGATE (plain sets included), random members, ZSCAN. Lex
 * queries run only on a key whose members all share one score ("lx"), the only case where Redis
 * defines their result.
 */
final class ZSetGen extends DiffGen {

  private static final String[] MEMBERS = {"a", "b", "c", "d", "e", "f", "g", "h", "", "zz"};
  private static final String[] SCORES = {"1", "2", "-1", "0", "-0", "1.5", "3.14", "1e20", "inf", "-inf", "+inf",
      "0.1", "1e-5", "10", "2.5e-3", "0x10", "-7"};
  private static final String[] BOUNDS = {"-inf", "+inf", "(1", "2", "(2.5", "0", "1e1", "(-0", "-0", "3.14",
      "inf", "(inf", "0.1", "(", "x", "nan", "(x", " 1"};
  private static final String[] LEX = {"-", "+", "[a", "(a", "[c", "(d", "[zz", "(", "[", "a", "+x", "[m1"};
  private static final String[] TIMEOUTS = {"0.01", "0.005", "-1", "x"};

  ZSetGen(DiffRunner r) {
    super(r);
  }

  private String member() {
    return r.chance(0.15) ? "m" + r.nextInt(40) : r.pick(MEMBERS);
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 16) {
      zadd(k);
    } else if (op < 20) {
      r.exact("ZINCRBY", k, r.pick(SCORES), member());
    } else if (op < 30) {
      zrange(k);
    } else if (op < 33) {
      r.exact(r.pick("ZRANK", "ZREVRANK"), k, member());
    } else if (op < 36) {
      r.exact("ZSCORE", k, member());
    } else if (op < 38) {
      r.exact("ZMSCORE", k, member(), member());
    } else if (op < 40) {
      r.exact("ZCARD", k);
    } else if (op < 43) {
      r.exact("ZCOUNT", k, r.pick(BOUNDS), r.pick(BOUNDS));
    } else if (op < 47) {
      r.exact("ZREM", k, member(), member());
    } else if (op < 50) {
      removeRange(k);
    } else if (op < 55) {
      pop(k);
    } else if (op < 64) {
      algebra();
    } else if (op < 68) {
      zrandmember(k);
    } else if (op < 72) {
      List<String> args = new ArrayList<>(List.of("ZSCAN", k, "{cursor}"));
      if (r.chance(0.4)) {
        args.addAll(List.of("MATCH", r.pick("m1*", "?", "[a-c]", "*")));
      }
      if (r.chance(0.4)) {
        args.addAll(List.of("COUNT", r.pick("1", "5", "100")));
      }
      r.fullScan(2, args.toArray(String[]::new));
    } else if (op < 82) {
      lex();
    } else if (op < 85) {
      makeOtherType(k);
    } else if (op < 87) {
      r.exact("DEL", k);
    } else if (op < 89) {
      dbsize();
    } else if (op < 90) {
      r.exact("EXPIRE", k, r.pick("100", "-1"));
    } else if (op < 92) {
      r.exact(r.pick("ZADD", "ZRANGE", "ZUNION", "ZPOPMIN", "ZMPOP", "ZRANGESTORE", "BZPOPMIN"), k);
    } else {
      r.exact("ZRANGE", k, "0", "-1", "WITHSCORES");
    }
  }

  private void zadd(String k) {
    List<String> args = new ArrayList<>(List.of("ZADD", k));
    int nopts = r.nextInt(r.chance(0.7) ? 1 : 3);
    for (int i = 0; i < nopts; i++) {
      args.add(r.pick("NX", "XX", "GT", "LT", "CH", "INCR", "ch"));
    }
    int n = r.chance(0.03) ? 140 : 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      args.add(n > 10 ? Integer.toString(r.nextInt(50) - 25) : r.pick(SCORES));
      args.add(n > 10 ? "b" + i : member());
    }
    if (r.chance(0.03)) {
      args.add(r.pick("1", "x"));
    }
    if (r.chance(0.02)) {
      args.set(args.size() - 2, r.pick("nan", "abc", ""));
    }
    r.exact(args.toArray(String[]::new));
  }

  private void zrange(String k) {
    int form = r.nextInt(7);
    List<String> args = new ArrayList<>();
    switch (form) {
      case 0 -> args.addAll(List.of("ZRANGE", k, smallInt(-6, 6), smallInt(-6, 6)));
      case 1 -> args.addAll(List.of("ZRANGE", k, r.pick(BOUNDS), r.pick(BOUNDS), "BYSCORE"));
      case 2 -> args.addAll(List.of(r.pick("ZRANGEBYSCORE", "ZREVRANGEBYSCORE"), k, r.pick(BOUNDS), r.pick(BOUNDS)));
      case 3 -> args.addAll(List.of("ZREVRANGE", k, smallInt(-6, 6), smallInt(-6, 6)));
      case 4 -> args.addAll(List.of("ZRANGESTORE", key(), k, smallInt(-6, 6), smallInt(-6, 6)));
      case 5 -> args.addAll(List.of("ZRANGESTORE", key(), k, r.pick(BOUNDS), r.pick(BOUNDS), "BYSCORE"));
      default -> args.addAll(List.of("ZRANGE", k, smallInt(-3, 3), r.pick(BOUNDS)));
    }
    int nopts = r.nextInt(3);
    for (int i = 0; i < nopts; i++) {
      switch (r.nextInt(5)) {
        case 0 -> args.add("WITHSCORES");
        case 1 -> args.add("REV");
        case 2 -> args.addAll(List.of("LIMIT", r.pick("0", "1", "2", "-1", "10"), r.pick("1", "2", "-1", "0", "5")));
        case 3 -> args.add(r.pick("BYSCORE", "BYLEX"));
        default -> args.add(r.pick("FOO", "LIMIT"));
      }
    }
    r.exact(args.toArray(String[]::new));
    if (args.get(0).equals("ZRANGESTORE")) {
      r.exact("ZRANGE", args.get(1), "0", "-1", "WITHSCORES");
    }
  }

  private void removeRange(String k) {
    switch (r.nextInt(2)) {
      case 0 -> r.exact("ZREMRANGEBYRANK", k, smallInt(-5, 5), r.pick(smallInt(-5, 5), "x"));
      default -> r.exact("ZREMRANGEBYSCORE", k, r.pick(BOUNDS), r.pick(BOUNDS));
    }
  }

  private void pop(String k) {
    switch (r.nextInt(6)) {
      case 0 -> r.exact(r.pick("ZPOPMIN", "ZPOPMAX"), k);
      case 1 -> r.exact(r.pick("ZPOPMIN", "ZPOPMAX"), k, r.pick("0", "1", "3", "-1", "x"));
      case 2 -> r.exact("ZMPOP", r.pick("1", "2", "0"), k, key(), r.pick("MIN", "MAX", "min", "MID"));
      case 3 -> r.exact("ZMPOP", "2", k, key(), r.pick("MIN", "MAX"), r.pick("COUNT", "FOO"), r.pick("1", "2", "10", "0"));
      case 4 -> r.exact(r.pick("BZPOPMIN", "BZPOPMAX"), k, key(), r.pick(TIMEOUTS));
      default -> r.exact("BZMPOP", r.pick(TIMEOUTS), "2", k, key(), r.pick("MIN", "MAX"), "COUNT", r.pick("1", "2", "5"));
    }
  }

  private void algebra() {
    String cmd = r.pick("ZUNION", "ZINTER", "ZDIFF", "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE", "ZINTERCARD");
    boolean store = cmd.endsWith("STORE");
    List<String> args = new ArrayList<>(List.of(cmd));
    String dst = key();
    if (store) {
      args.add(dst);
    }
    int n = 1 + r.nextInt(3);
    args.add(r.chance(0.03) ? r.pick("0", "x", "9") : Integer.toString(n));
    for (int i = 0; i < n; i++) {
      args.add(r.chance(0.15) ? "plainset" : key());
    }
    if (r.chance(0.3) && !cmd.equals("ZINTERCARD")) {
      args.add("WEIGHTS");
      for (int i = 0; i < n; i++) {
        args.add(r.pick("1", "2", "0", "-1", "0.5", "inf", "x"));
      }
    }
    if (r.chance(0.3)) {
      args.addAll(List.of("AGGREGATE", r.pick("SUM", "MIN", "MAX", "min", "AVG")));
    }
    if (r.chance(0.3)) {
      args.add("WITHSCORES");
    }
    if (cmd.equals("ZINTERCARD") && r.chance(0.4)) {
      args.addAll(List.of("LIMIT", r.pick("0", "1", "2", "-1")));
    }
    if (r.chance(0.1)) {
      r.exact("SADD", "plainset", member(), member());
    }
    r.exact(args.toArray(String[]::new));
    if (store) {
      r.exact("ZRANGE", dst, "0", "-1", "WITHSCORES");
    }
  }

  private void zrandmember(String k) {
    String count = r.pick("0", "1", "2", "5", "100", "-1", "-5", "-20", "x");
    String[] args = switch (r.nextInt(4)) {
      case 0 -> new String[] {"ZRANDMEMBER", k};
      case 1 -> new String[] {"ZRANDMEMBER", k, count};
      case 2 -> new String[] {"ZRANDMEMBER", k, count, r.pick("WITHSCORES", "FOO")};
      default -> new String[] {"ZRANDMEMBER", k, count, "WITHSCORES", "x"};
    };
    byte[][] replies = r.both(DiffRunner.bytes(args));
    RespValue a = RespValue.parse(replies[0]);
    RespValue b = RespValue.parse(replies[1]);
    if (a.isError() || b.isError() || a.isNil() || b.isNil()) {
      r.check(java.util.Arrays.equals(replies[0], replies[1]), "ZRANDMEMBER replies differ", replies);
      return;
    }
    r.check(a.type() == b.type(), "ZRANDMEMBER reply types differ", replies);
    RespValue all = RespValue.parse(r.embeddedOnly(DiffRunner.bytes("ZRANGE", k, "0", "-1", "WITHSCORES")));
    Map<String, String> scores = new HashMap<>();
    for (int i = 0; i < all.items().size(); i += 2) {
      scores.put(all.items().get(i).str(), all.items().get(i + 1).str());
    }
    List<RespValue> items = b.type() == '$' ? List.of(b) : b.items();
    if (b.type() == '*') {
      r.check(a.items().size() == b.items().size(), "ZRANDMEMBER reply sizes differ", replies);
    }
    boolean withScores = args.length == 4;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < items.size(); i += withScores ? 2 : 1) {
      String m = items.get(i).str();
      r.check(scores.containsKey(m), "random member " + m + " not in the zset", replies);
      if (withScores) {
        r.check(scores.get(m).equals(items.get(i + 1).str()), "random member " + m + " has a wrong score", replies);
      }
      seen.add(m);
    }
    if (args.length >= 3 && count.matches("\\d+") && Long.parseLong(count) > 0) {
      r.check(seen.size() * (withScores ? 2 : 1) == items.size(), "distinct picks repeated a member", replies);
    }
  }

  private void lex() {
    String k = "lx";
    switch (r.nextInt(9)) {
      case 0, 1 -> {
        List<String> args = new ArrayList<>(List.of("ZADD", k));
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
          args.addAll(List.of("0", member()));
        }
        r.exact(args.toArray(String[]::new));
      }
      case 2 -> r.exact("ZREM", k, member());
      case 3 -> r.exact(r.pick("ZRANGEBYLEX", "ZREVRANGEBYLEX"), k, r.pick(LEX), r.pick(LEX));
      case 4 -> r.exact(r.pick("ZRANGEBYLEX", "ZREVRANGEBYLEX"), k, r.pick(LEX), r.pick(LEX), "LIMIT",
          r.pick("0", "1", "-1"), r.pick("1", "2", "-1"));
      case 5 -> r.exact("ZLEXCOUNT", k, r.pick(LEX), r.pick(LEX));
      case 6 -> r.exact("ZRANGE", k, r.pick(LEX), r.pick(LEX), "BYLEX", r.pick("REV", "LIMIT"), "0", "2");
      case 7 -> r.exact("ZREMRANGEBYLEX", k, r.pick(LEX), r.pick(LEX));
      default -> {
        r.exact("ZRANGESTORE", "lxdst", k, r.pick(LEX), r.pick(LEX), "BYLEX");
        r.exact("ZRANGE", "lxdst", "0", "-1", "WITHSCORES");
      }
    }
  }
}
