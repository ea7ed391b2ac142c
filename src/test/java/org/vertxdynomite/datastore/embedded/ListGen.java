package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.List;

/** Lists: pushes, pops with counts, ranges, LPOS options, moves, LMPOP and blocking pops with short timeouts. */
final class ListGen extends DiffGen {

  private static final String[] ELEMENTS = {"a", "b", "c", "a", "1", "2", "", "xyz"};
  private static final String[] TIMEOUTS = {"0.01", "0.005", "0.01", "-1", "x", "inf", "1e-3"};

  ListGen(DiffRunner r) {
    super(r);
  }

  private String element() {
    return r.pick(ELEMENTS);
  }

  private String side() {
    return r.chance(0.02) ? "MIDDLE" : r.pick("LEFT", "RIGHT", "left");
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 18) {
      List<String> args = new ArrayList<>(List.of(r.pick("LPUSH", "RPUSH", "LPUSH", "RPUSH", "LPUSHX", "RPUSHX"), k));
      int n = 1 + r.nextInt(r.chance(0.05) ? 50 : 4);
      for (int i = 0; i < n; i++) {
        args.add(element());
      }
      r.exact(args.toArray(String[]::new));
    } else if (op < 26) {
      if (r.chance(0.5)) {
        r.exact(r.pick("LPOP", "RPOP"), k);
      } else {
        r.exact(r.pick("LPOP", "RPOP"), k, r.pick("0", "1", "2", "10", "-1", "x"));
      }
    } else if (op < 33) {
      r.exact("LRANGE", k, smallInt(-8, 8), r.pick(smallInt(-8, 8), "-1", "100", "x"));
    } else if (op < 36) {
      r.exact("LINDEX", k, r.pick(smallInt(-6, 6), "x"));
    } else if (op < 38) {
      r.exact("LLEN", k);
    } else if (op < 44) {
      lpos(k);
    } else if (op < 49) {
      r.exact("LMOVE", k, r.chance(0.2) ? k : key(), side(), side());
      r.exact("LRANGE", k, "0", "-1");
    } else if (op < 51) {
      r.exact("RPOPLPUSH", k, r.chance(0.2) ? k : key());
    } else if (op < 55) {
      lmpop(false);
    } else if (op < 59) {
      r.exact("LINSERT", k, r.pick("BEFORE", "AFTER", "after", "AROUND"), element(), element());
    } else if (op < 62) {
      r.exact("LSET", k, r.pick(smallInt(-5, 5), "x"), element());
    } else if (op < 65) {
      r.exact("LTRIM", k, smallInt(-5, 5), r.pick(smallInt(-5, 5), "x"));
      r.exact("LRANGE", k, "0", "-1");
    } else if (op < 69) {
      r.exact("LREM", k, r.pick(smallInt(-3, 3), "x"), element());
    } else if (op < 76) {
      blocking(k);
    } else if (op < 80) {
      makeOtherType(k);
    } else if (op < 83) {
      r.exact("DEL", k);
    } else if (op < 85) {
      dbsize();
    } else if (op < 87) {
      r.exact("EXPIRE", k, r.pick("100", "-1"));
    } else if (op < 90) {
      r.exact(r.pick("LPUSH", "LPOP", "LRANGE", "LMOVE", "LMPOP", "LPOS", "BLPOP", "BLMOVE"), k);
    } else {
      r.exact("LRANGE", k, "0", "-1");
    }
  }

  private void lpos(String k) {
    List<String> args = new ArrayList<>(List.of("LPOS", k, element()));
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> args.addAll(List.of("RANK", r.pick("1", "2", "-1", "-2", "0", "x", "-9223372036854775808")));
        case 1 -> args.addAll(List.of("COUNT", r.pick("0", "1", "2", "-1")));
        case 2 -> args.addAll(List.of("MAXLEN", r.pick("0", "1", "3", "-1")));
        default -> args.add(r.pick("FOO", "RANK"));
      }
    }
    r.exact(args.toArray(String[]::new));
  }

  private void lmpop(boolean blocking) {
    int n = 1 + r.nextInt(3);
    List<String> args = new ArrayList<>(List.of(blocking ? "BLMPOP" : "LMPOP"));
    if (blocking) {
      args.add(r.pick(TIMEOUTS));
    }
    args.add(r.chance(0.05) ? r.pick("0", "x", "5") : Integer.toString(n));
    for (int i = 0; i < n; i++) {
      args.add(key());
    }
    args.add(side());
    if (r.chance(0.5)) {
      args.addAll(List.of(r.pick("COUNT", "count", "FOO"), r.pick("1", "2", "10", "0", "-1")));
    }
    r.exact(args.toArray(String[]::new));
  }

  private void blocking(String k) {
    switch (r.nextInt(5)) {
      case 0 -> r.exact(r.pick("BLPOP", "BRPOP"), k, key(), r.pick(TIMEOUTS));
      case 1 -> r.exact("BLMOVE", k, r.chance(0.2) ? k : key(), side(), side(), r.pick(TIMEOUTS));
      case 2 -> r.exact("BRPOPLPUSH", k, key(), r.pick(TIMEOUTS));
      default -> lmpop(true);
    }
  }
}
