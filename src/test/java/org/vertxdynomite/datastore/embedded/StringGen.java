package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.List;

/** Strings and counters: SET options, GET variants, APPEND, ranges, INCR family, INCRBYFLOAT. */
class StringGen extends DiffGen {

  private static final String[] VALUES = {"", "a", "hello", "héllo", "12", "-3", "0", "3.5", "abc def",
      "1e3", "10.50", "x".repeat(70)};
  private static final String[] FLOATS = {"0.1", "-0.1", "1.5", "3", "-3", "1e-5", "1e30", "-1e30", "2.5e-3",
      "0x10", "inf", "-inf", "nan", "abc", "", " 1", "1.", ".5", "5e", "1e4000", "1e-5000", "0.000003814697265625",
      "123456789.123456789", "-0", "1E2", "+.5e1", "9999999999999999999999"};

  StringGen(DiffRunner r) {
    super(r);
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 12) {
      set(k);
    } else if (op < 20) {
      r.exact("GET", k);
    } else if (op < 24) {
      getex(k);
    } else if (op < 26) {
      r.exact("GETDEL", k);
    } else if (op < 28) {
      r.exact("GETSET", k, value());
    } else if (op < 31) {
      r.exact("MGET", k, key(), key());
    } else if (op < 34) {
      mset(r.pick("MSET", "MSETNX"));
    } else if (op < 36) {
      r.exact("SETNX", k, value());
    } else if (op < 39) {
      r.exact(r.pick("SETEX", "PSETEX"), k, r.pick("100", "100000", "0", "-5", "x", "9223372036854775807"), value());
    } else if (op < 44) {
      r.exact("APPEND", k, value());
    } else if (op < 46) {
      r.exact("STRLEN", k);
    } else if (op < 50) {
      r.exact("SETRANGE", k, r.pick("0", "1", "3", "10", "-1", "x", "536870912", "100"), value());
    } else if (op < 55) {
      r.exact(r.pick("GETRANGE", "SUBSTR"), k, smallInt(-12, 12), r.pick(smallInt(-12, 12), "9223372036854775807",
          "-9223372036854775808", "x"));
    } else if (op < 68) {
      counter(k);
    } else if (op < 76) {
      r.exact("INCRBYFLOAT", k, r.pick(FLOATS));
    } else if (op < 80) {
      r.exact("SET", k, r.pick(NUMBERS));
    } else if (op < 82) {
      r.exact("SET", k, r.pick(FLOATS));
    } else if (op < 84) {
      makeOtherType(k);
    } else if (op < 86) {
      r.exact("DEL", k);
    } else {
      extra(k);
    }
  }

  /** The rest of the string group: bitmaps, BITFIELD, HyperLogLog, LCS. */
  void extra(String k) {
    int op = r.nextInt(100);
    if (op < 10) {
      r.exact("SETBIT", k, r.pick(smallInt(0, 200), "-1", "x", "4294967296"), r.pick("0", "1", "1", "2", "x"));
    } else if (op < 16) {
      r.exact("GETBIT", k, r.pick(smallInt(0, 300), "-1", "x", "4294967295"));
    } else if (op < 26) {
      bitcount(k);
    } else if (op < 36) {
      bitpos(k);
    } else if (op < 42) {
      String[] ops = {"AND", "OR", "XOR", "NOT", "and", "FOO"};
      String o = r.pick(ops);
      int n = o.equalsIgnoreCase("not") && r.chance(0.8) ? 1 : 1 + r.nextInt(3);
      List<String> args = new ArrayList<>(List.of("BITOP", o, key()));
      for (int i = 0; i < n; i++) {
        args.add(key());
      }
      r.exact(args.toArray(String[]::new));
    } else if (op < 56) {
      bitfield(k);
    } else if (op < 82) {
      hll();
    } else if (op < 94) {
      lcs();
    } else {
      r.exact("SET", k, r.pick("foobar", "\u00ff\u00f0", "abc", "\u0000\u0001"));
    }
  }

  private void bitcount(String k) {
    switch (r.nextInt(4)) {
      case 0 -> r.exact("BITCOUNT", k);
      case 1 -> r.exact("BITCOUNT", k, smallInt(-20, 20), smallInt(-20, 20));
      case 2 -> r.exact("BITCOUNT", k, smallInt(-100, 100), smallInt(-100, 100), r.pick("BIT", "BYTE", "bit", "FOO"));
      default -> r.exact("BITCOUNT", k, r.pick("0", "x"), r.pick("-1", "y", "9223372036854775807"));
    }
  }

  private void bitpos(String k) {
    String bit = r.pick("0", "1", "1", "0", "2", "x");
    switch (r.nextInt(4)) {
      case 0 -> r.exact("BITPOS", k, bit);
      case 1 -> r.exact("BITPOS", k, bit, smallInt(-10, 10));
      case 2 -> r.exact("BITPOS", k, bit, smallInt(-10, 10), smallInt(-10, 10));
      default -> r.exact("BITPOS", k, bit, smallInt(-80, 80), smallInt(-80, 80), r.pick("BIT", "BYTE", "FOO"));
    }
  }

  private void bitfield(String k) {
    boolean ro = r.chance(0.15);
    List<String> args = new ArrayList<>(List.of(ro ? "BITFIELD_RO" : "BITFIELD", k));
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String type = (r.chance(0.5) ? "i" : "u") + (1 + r.nextInt(64));
      if (r.chance(0.03)) {
        type = r.pick("x8", "i0", "u64", "i65", "", "I8");
      }
      String offset = r.chance(0.2) ? "#" + r.nextInt(8) : smallInt(0, 100);
      if (r.chance(0.03)) {
        offset = r.pick("-1", "x", "#x", "4294967296");
      }
      switch (r.nextInt(ro ? 5 : 4)) {
        case 0 -> args.addAll(List.of("GET", type, offset));
        case 1 -> args.addAll(List.of("SET", type, offset, r.pick(number(), smallInt(-300, 300))));
        case 2 -> args.addAll(List.of("INCRBY", type, offset, r.pick(number(), smallInt(-300, 300))));
        case 3 -> args.addAll(List.of("OVERFLOW", r.pick("WRAP", "SAT", "FAIL", "sat", "BAD")));
        default -> args.add(r.pick("GET", "FOO"));
      }
    }
    r.exact(args.toArray(String[]::new));
  }

  private static final String[] HLL_KEYS = {"hll0", "hll1", "hll2", "k0"};

  private void hll() {
    String hk = r.pick(HLL_KEYS);
    int op = r.nextInt(10);
    if (op < 5) {
      int n = r.nextInt(r.chance(0.1) ? 400 : 6);
      List<String> args = new ArrayList<>(List.of("PFADD", hk));
      int base = r.nextInt(20_000);
      for (int i = 0; i < n; i++) {
        args.add("e" + (base + r.nextInt(r.chance(0.5) ? 50 : 5000)));
      }
      r.exact(args.toArray(String[]::new));
    } else if (op < 7) {
      r.exact("PFCOUNT", hk);
    } else if (op < 8) {
      r.exact("PFCOUNT", hk, r.pick(HLL_KEYS), r.pick(HLL_KEYS));
    } else if (op < 9) {
      r.exact("PFMERGE", hk, r.pick(HLL_KEYS), r.pick(HLL_KEYS));
    } else {
      r.exact("GET", hk);
      if (r.chance(0.05)) {
        r.exact("SET", hk, r.pick("HYLL", "HYLL\u0000\u0000\u0000\u0000xxxxxxxx", "nope"));
      }
    }
  }

  private static final String[] LCS_VALUES = {"ohmytext", "mynewtext", "", "abcabcabc", "cbacba", "aaaa", "xyz"};

  private void lcs() {
    if (r.chance(0.3)) {
      r.exact("SET", key(), r.pick(LCS_VALUES));
    }
    List<String> args = new ArrayList<>(List.of("LCS", key(), key()));
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> args.add("LEN");
        case 1 -> args.add("IDX");
        case 2 -> args.add("WITHMATCHLEN");
        case 3 -> args.addAll(List.of("MINMATCHLEN", r.pick("0", "2", "-1", "x")));
        default -> args.add(r.pick("FOO", "MINMATCHLEN"));
      }
    }
    r.exact(args.toArray(String[]::new));
  }

  String value() {
    return r.pick(VALUES);
  }

  private void set(String k) {
    List<String> args = new ArrayList<>(List.of("SET", k, value()));
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(9)) {
        case 0 -> args.add(r.pick("NX", "nx"));
        case 1 -> args.add("XX");
        case 2 -> args.add("GET");
        case 3 -> args.add("KEEPTTL");
        case 4 -> args.addAll(List.of("EX", r.pick("100", "0", "-1", "x", "9223372036854775807")));
        case 5 -> args.addAll(List.of("PX", r.pick("100000", "0", "9223372036854775807")));
        case 6 -> args.addAll(List.of("EXAT", r.pick(Long.toString(System.currentTimeMillis() / 1000 + 500), "1")));
        case 7 -> args.addAll(List.of("PXAT", r.pick(Long.toString(System.currentTimeMillis() + 500000), "1")));
        default -> args.add(r.pick("EX", "PERSIST", "FOO"));
      }
    }
    r.exact(args.toArray(String[]::new));
    if (r.chance(0.3)) {
      r.approx(1, "TTL", k);
    }
  }

  private void getex(String k) {
    List<String> args = new ArrayList<>(List.of("GETEX", k));
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> args.add("PERSIST");
        case 1 -> args.addAll(List.of("EX", r.pick("100", "0", "x")));
        case 2 -> args.addAll(List.of("PX", r.pick("100000", "-1")));
        case 3 -> args.addAll(List.of("EXAT", r.pick(Long.toString(System.currentTimeMillis() / 1000 + 500), "1")));
        case 4 -> args.addAll(List.of("PXAT", r.pick(Long.toString(System.currentTimeMillis() + 500000), "5")));
        default -> args.add(r.pick("NX", "GET", "KEEPTTL"));
      }
    }
    r.exact(args.toArray(String[]::new));
    if (r.chance(0.5)) {
      r.approx(1, "TTL", k);
    }
  }

  private void mset(String cmd) {
    int pairs = 1 + r.nextInt(3);
    List<String> args = new ArrayList<>(List.of(cmd));
    for (int i = 0; i < pairs; i++) {
      args.add(key());
      args.add(value());
    }
    if (r.chance(0.05)) {
      args.remove(args.size() - 1);
    }
    r.exact(args.toArray(String[]::new));
  }

  private void counter(String k) {
    switch (r.nextInt(4)) {
      case 0 -> r.exact("INCR", k);
      case 1 -> r.exact("DECR", k);
      case 2 -> r.exact("INCRBY", k, number());
      default -> r.exact("DECRBY", k, number());
    }
  }
}
