package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sets: membership, algebra with STORE forms, SINTERCARD, SMOVE, random picks and pops, SSCAN. */
final class SetGen extends DiffGen {

  private static final String[] MEMBERS = {"a", "b", "c", "d", "e", "1", "2", "3", "10", "-5", "", "zz"};

  SetGen(DiffRunner r) {
    super(r);
  }

  private String member() {
    return r.chance(0.1) ? "m" + r.nextInt(300) : r.pick(MEMBERS);
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 18) {
      List<String> args = new ArrayList<>(List.of("SADD", k));
      int n = 1 + r.nextInt(r.chance(0.1) ? 60 : 4);
      for (int i = 0; i < n; i++) {
        args.add(member());
      }
      r.exact(args.toArray(String[]::new));
    } else if (op < 26) {
      r.exact("SREM", k, member(), member());
    } else if (op < 31) {
      r.unordered("SMEMBERS", k);
    } else if (op < 35) {
      r.exact("SISMEMBER", k, member());
    } else if (op < 38) {
      r.exact("SMISMEMBER", k, member(), member(), member());
    } else if (op < 41) {
      r.exact("SCARD", k);
    } else if (op < 45) {
      r.exact("SMOVE", k, r.chance(0.1) ? k : key(), member());
    } else if (op < 55) {
      algebra();
    } else if (op < 59) {
      sintercard();
    } else if (op < 66) {
      srandmember(k);
    } else if (op < 72) {
      spop(k);
    } else if (op < 78) {
      sscan(k);
    } else if (op < 82) {
      makeOtherType(k);
    } else if (op < 85) {
      r.exact("DEL", k);
    } else if (op < 87) {
      dbsize();
    } else if (op < 89) {
      r.exact("EXPIRE", k, r.pick("100", "-1"));
    } else {
      r.exact(r.pick("SADD", "SREM", "SMOVE", "SINTERCARD", "SISMEMBER"), k);
    }
  }

  private void algebra() {
    String cmd = r.pick("SUNION", "SINTER", "SDIFF", "SUNIONSTORE", "SINTERSTORE", "SDIFFSTORE");
    List<String> args = new ArrayList<>(List.of(cmd));
    if (cmd.endsWith("STORE")) {
      args.add(key());
    }
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      args.add(key());
    }
    if (cmd.endsWith("STORE")) {
      r.exact(args.toArray(String[]::new));
      r.unordered("SMEMBERS", args.get(1));
    } else {
      r.unordered(args.toArray(String[]::new));
    }
  }

  private void sintercard() {
    int n = 1 + r.nextInt(3);
    List<String> args = new ArrayList<>(List.of("SINTERCARD", r.chance(0.05) ? r.pick("0", "x", "9") : Integer.toString(n)));
    for (int i = 0; i < n; i++) {
      args.add(key());
    }
    if (r.chance(0.4)) {
      args.addAll(List.of(r.pick("LIMIT", "limit", "FOO"), r.pick("0", "1", "2", "-1", "x")));
    }
    r.exact(args.toArray(String[]::new));
  }

  private Set<String> members(String k) {
    RespValue v = RespValue.parse(r.embeddedOnly(DiffRunner.bytes("SMEMBERS", k)));
    Set<String> s = new HashSet<>();
    if (v.items() != null) {
      v.items().forEach(i -> s.add(i.str()));
    }
    return s;
  }

  private void srandmember(String k) {
    String count = r.pick("0", "1", "2", "5", "50", "-1", "-3", "-40", "x", "-9223372036854775808");
    String[] args = r.chance(0.3) ? new String[] {"SRANDMEMBER", k}
        : r.chance(0.05) ? new String[] {"SRANDMEMBER", k, "1", "2"} : new String[] {"SRANDMEMBER", k, count};
    byte[][] replies = r.both(DiffRunner.bytes(args));
    checkPicks(args.length == 3 ? Long.parseLong(isNumber(count) ? count : "0") : 0, args.length == 3, k, replies);
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+");
  }

  /** Random-pick replies: same shape as Redis's, members of the set, distinct when the count is positive. */
  private void checkPicks(long count, boolean withCount, String k, byte[][] replies) {
    RespValue a = RespValue.parse(replies[0]);
    RespValue b = RespValue.parse(replies[1]);
    if (a.isError() || b.isError() || a.isNil() || b.isNil()) {
      r.check(java.util.Arrays.equals(replies[0], replies[1]), "random-pick replies differ", replies);
      return;
    }
    r.check(a.type() == b.type(), "random-pick reply types differ", replies);
    Set<String> set = members(k);
    if (b.type() == '$') {
      r.check(set.contains(b.str()), "picked member not in the set", replies);
      return;
    }
    r.check(a.items().size() == b.items().size(), "random-pick reply sizes differ", replies);
    Set<String> seen = new HashSet<>();
    for (RespValue i : b.items()) {
      r.check(set.contains(i.str()), "picked member " + i.str() + " not in the set", replies);
      seen.add(i.str());
    }
    if (withCount && count > 0) {
      r.check(seen.size() == b.items().size(), "distinct picks repeated a member", replies);
    }
  }

  private void spop(String k) {
    String[] args = r.chance(0.4) ? new String[] {"SPOP", k}
        : new String[] {"SPOP", k, r.pick("0", "1", "2", "3", "100", "-1", "x")};
    Set<String> before = members(k);
    byte[][] replies = r.both(DiffRunner.bytes(args));
    RespValue a = RespValue.parse(replies[0]);
    RespValue b = RespValue.parse(replies[1]);
    if (a.isError() || b.isError() || a.isNil() || b.isNil()) {
      r.check(java.util.Arrays.equals(replies[0], replies[1]), "SPOP replies differ", replies);
      return;
    }
    r.check(a.type() == b.type(), "SPOP reply types differ", replies);
    List<RespValue> popped = b.type() == '$' ? List.of(b) : b.items();
    if (b.type() == '*') {
      r.check(a.items().size() == b.items().size(), "SPOP reply sizes differ", replies);
    }
    for (RespValue p : popped) {
      r.check(before.contains(p.str()), "popped member not in the set", replies);
    }
    resync(k);
  }

  /** After a random removal the two sides hold different members: copy Redis's set into the embedded store. */
  private void resync(String k) {
    RespValue rv = RespValue.parse(r.redisOnly(DiffRunner.bytes("SMEMBERS", k)));
    Set<String> want = new HashSet<>();
    if (rv.items() != null) {
      rv.items().forEach(i -> want.add(i.str()));
    }
    Set<String> have = members(k);
    for (String m : have) {
      if (!want.contains(m)) {
        r.embeddedOnly(DiffRunner.bytes("SREM", k, m));
      }
    }
    for (String m : want) {
      if (!have.contains(m)) {
        r.embeddedOnly(DiffRunner.bytes("SADD", k, m));
      }
    }
    r.unordered("SMEMBERS", k);
  }

  private void sscan(String k) {
    List<String> args = new ArrayList<>(List.of("SSCAN", k, "{cursor}"));
    if (r.chance(0.4)) {
      args.addAll(List.of("MATCH", r.pick("m1*", "?", "[a-c]", "*")));
    }
    if (r.chance(0.4)) {
      args.addAll(List.of("COUNT", r.pick("1", "4", "100")));
    }
    r.fullScan(1, args.toArray(String[]::new));
  }
}
