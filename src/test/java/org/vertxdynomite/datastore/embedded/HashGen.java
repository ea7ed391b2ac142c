package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hashes: every H* command, with counters, floats, random fields and HSCAN. */
final class HashGen extends DiffGen {

  private static final String[] FIELDS = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "n", "x"};
  private static final String[] VALUES = {"v", "", "1", "-2", "10", "3.5", "abc", "1e3", "007", "9223372036854775807",
      "y".repeat(80)};

  HashGen(DiffRunner r) {
    super(r);
  }

  private String field() {
    return r.pick(FIELDS);
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 16) {
      List<String> args = new ArrayList<>(List.of(r.pick("HSET", "HSET", "HMSET"), k));
      int n = 1 + r.nextInt(r.chance(0.1) ? 40 : 4);
      for (int i = 0; i < n; i++) {
        args.add(r.chance(0.1) ? "g" + r.nextInt(200) : field());
        args.add(r.pick(VALUES));
      }
      if (r.chance(0.03)) {
        args.remove(args.size() - 1);
      }
      r.exact(args.toArray(String[]::new));
    } else if (op < 20) {
      r.exact("HSETNX", k, field(), r.pick(VALUES));
    } else if (op < 28) {
      r.exact("HGET", k, field());
    } else if (op < 32) {
      r.exact("HMGET", k, field(), field(), field());
    } else if (op < 36) {
      r.unorderedPairs("HGETALL", k);
    } else if (op < 39) {
      r.unordered("HKEYS", k);
    } else if (op < 42) {
      r.unordered("HVALS", k);
    } else if (op < 45) {
      r.exact("HLEN", k);
    } else if (op < 48) {
      r.exact("HEXISTS", k, field());
    } else if (op < 50) {
      r.exact("HSTRLEN", k, field());
    } else if (op < 58) {
      r.exact("HDEL", k, field(), field());
    } else if (op < 66) {
      r.exact("HINCRBY", k, field(), r.pick(number(), smallInt(-5, 5)));
    } else if (op < 73) {
      r.exact("HINCRBYFLOAT", k, field(), r.pick("0.1", "-1.5", "3", "1e-3", "inf", "abc", "1e30", "-0", number()));
    } else if (op < 82) {
      hrandfield(k);
    } else if (op < 88) {
      hscan(k);
    } else if (op < 91) {
      makeOtherType(k);
    } else if (op < 93) {
      r.exact("DEL", k);
    } else if (op < 95) {
      dbsize();
    } else if (op < 97) {
      r.exact("EXPIRE", k, r.pick("100", "-1"));
    } else {
      r.exact(r.pick("HGET", "HSET", "HDEL", "HINCRBY", "HSCAN"), k);
      r.exact("HRANDFIELD");
    }
  }

  private void hscan(String k) {
    List<String> args = new ArrayList<>(List.of("HSCAN", k, "{cursor}"));
    if (r.chance(0.4)) {
      args.addAll(List.of("MATCH", r.pick("f*", "*1", "g1*", "[fg]?", "*")));
    }
    if (r.chance(0.4)) {
      args.addAll(List.of("COUNT", r.pick("1", "3", "100")));
    }
    r.fullScan(2, args.toArray(String[]::new));
    if (r.chance(0.1)) {
      // Error forms only: a valid page's cursor is implementation-specific.
      r.exact("HSCAN", k, r.pick("x", "0"), r.pick("COUNT", "TYPE"), r.pick("0", "hash"));
    }
  }

  private void hrandfield(String k) {
    int form = r.nextInt(4);
    String count = r.pick("0", "1", "2", "5", "100", "-1", "-5", "-30", "x", "-9223372036854775808");
    String[] args = switch (form) {
      case 0 -> new String[] {"HRANDFIELD", k};
      case 1 -> new String[] {"HRANDFIELD", k, count};
      case 2 -> new String[] {"HRANDFIELD", k, count, r.pick("WITHVALUES", "withvalues", "FOO")};
      default -> new String[] {"HRANDFIELD", k, count, "WITHVALUES", "x"};
    };
    byte[][] replies = r.both(DiffRunner.bytes(args));
    RespValue a = RespValue.parse(replies[0]);
    RespValue b = RespValue.parse(replies[1]);
    if (a.isError() || b.isError() || a.isNil() || b.isNil()) {
      r.check(java.util.Arrays.equals(replies[0], replies[1]), "HRANDFIELD replies differ", replies);
      return;
    }
    r.check(a.type() == b.type(), "HRANDFIELD reply types differ", replies);
    if (b.type() == '$') {
      checkFields(List.of(b), false, k, replies);
      return;
    }
    r.check(a.items().size() == b.items().size(), "HRANDFIELD reply sizes differ", replies);
    boolean withValues = args.length == 4;
    checkFields(b.items(), withValues, k, replies);
    long n = Long.parseLong(count);
    if (n > 0) {
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < b.items().size(); i += withValues ? 2 : 1) {
        distinct.add(b.items().get(i).str());
      }
      r.check(distinct.size() * (withValues ? 2 : 1) == b.items().size(), "HRANDFIELD repeated a field", replies);
    }
  }

  /** The embedded reply's fields (and values) must be in the embedded hash. */
  private void checkFields(List<RespValue> items, boolean withValues, String k, byte[][] replies) {
    RespValue all = RespValue.parse(r.embeddedOnly(DiffRunner.bytes("HGETALL", k)));
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i < all.items().size(); i += 2) {
      h.put(all.items().get(i).str(), all.items().get(i + 1).str());
    }
    for (int i = 0; i < items.size(); i += withValues ? 2 : 1) {
      String f = items.get(i).str();
      r.check(h.containsKey(f), "random field " + f + " not in the hash", replies);
      if (withValues) {
        r.check(h.get(f).equals(items.get(i + 1).str()), "random field " + f + " has the wrong value", replies);
      }
    }
  }
}
