package org.vertxdynomite.datastore.embedded;

/** Keys and expiry: DEL, EXISTS, TYPE, EXPIRE family, TTLs, RENAME, COPY, KEYS, SCAN, DUMP/RESTORE… */
final class KeyspaceGen extends DiffGen {

  private static final String[] PATTERNS = {"*", "k*", "k?", "k[0-3]", "k[^0-3]", "k[3-0]", "*1", "k\\*",
      "[", "k[", "\\", "*[a-", "?*", "k[!-z]", "*k*", "k[\\]]", "k[0-", "[^k]*", "k1*", "?1", "", "k[1-1]"};

  KeyspaceGen(DiffRunner r) {
    super(r);
  }

  @Override
  void step() {
    int op = r.nextInt(100);
    String k = key();
    if (op < 14) {
      create(k);
    } else if (op < 20) {
      r.exact("DEL", k, key(), key());
    } else if (op < 22) {
      r.exact("UNLINK", k, key());
    } else if (op < 26) {
      r.exact("EXISTS", k, key(), k);
    } else if (op < 28) {
      r.exact("TOUCH", k, key());
    } else if (op < 32) {
      r.exact("TYPE", k);
    } else if (op < 44) {
      expire(k);
    } else if (op < 52) {
      ttl(k);
    } else if (op < 55) {
      r.exact("PERSIST", k);
    } else if (op < 60) {
      r.exact(r.pick("RENAME", "RENAMENX"), k, r.chance(0.1) ? k : key());
    } else if (op < 64) {
      copy(k);
    } else if (op < 68) {
      r.unordered("KEYS", r.pick(PATTERNS));
    } else if (op < 74) {
      scan();
    } else if (op < 76) {
      randomKey();
    } else if (op < 79) {
      dbsize();
    } else if (op < 80) {
      flush();
    } else if (op < 86) {
      dumpRestore(k);
    } else if (op < 88) {
      r.exact("RESTORE", k, r.pick("0", "-1", "x"), r.pick("garbage", "", "\u0000\u0001"), r.pick("REPLACE", "ABSTTL", "FOO"));
    } else if (op < 90) {
      if (r.chance(0.5)) {
        expireSoon(k);
      } else {
        r.exact("EXPIRE", k, "-5");
      }
    } else if (op < 93) {
      // Too few arguments for each. A bare DBSIZE would be a real one, compared without first
      // settling which short-lived keys have expired (see dbsize()); DBSIZE x checks its arity.
      r.exact(r.pick("DEL", "EXISTS", "TYPE", "TTL", "RENAME", "KEYS", "PERSIST", "EXPIRE"));
      r.exact("DBSIZE", "x");
    } else if (op < 95) {
      r.exact(r.pick("NOSUCHCMD", "dEl2"), k, "x");
    } else {
      makeOtherType(k);
    }
  }

  private void create(String k) {
    switch (r.nextInt(4)) {
      case 0 -> r.exact("SET", k, "v" + r.nextInt(5));
      case 1 -> r.exact("SET", k, "v", "EX", smallInt(100, 1000));
      case 2 -> r.exact("MSET", k, "a", key(), "b");
      default -> r.exact("SET", k, "w", "PX", smallInt(100000, 900000));
    }
  }

  private void expire(String k) {
    String cmd = r.pick("EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT");
    long now = System.currentTimeMillis();
    String when = switch (cmd) {
      case "EXPIRE" -> r.pick(smallInt(100, 9000), "0", "-1", "abc", "9223372036854775807", "9223372036854775");
      case "PEXPIRE" -> r.pick(smallInt(100000, 9000000), "0", "-100", "9223372036854775807", "1.5");
      case "EXPIREAT" -> r.pick(Long.toString(now / 1000 + 100 + r.nextInt(1000)), "1", "0", "-9223372036854775808");
      default -> r.pick(Long.toString(now + 100000 + r.nextInt(1000000)), "100", "9223372036854775807");
    };
    int nflags = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
    String[] args = new String[3 + nflags];
    args[0] = cmd;
    args[1] = k;
    args[2] = when;
    for (int i = 0; i < nflags; i++) {
      args[3 + i] = r.pick("NX", "XX", "GT", "LT", "nx", "gt", "zz");
    }
    r.exact(args);
  }

  private void ttl(String k) {
    switch (r.nextInt(4)) {
      case 0 -> r.approx(1, "TTL", k);
      case 1 -> r.approx(1000, "PTTL", k);
      case 2 -> r.approx(1, "EXPIRETIME", k);
      default -> r.approx(1000, "PEXPIRETIME", k);
    }
  }

  private void copy(String k) {
    switch (r.nextInt(5)) {
      case 0 -> r.exact("COPY", k, key());
      case 1 -> r.exact("COPY", k, key(), "REPLACE");
      case 2 -> r.exact("COPY", k, key(), "DB", "0", "REPLACE");
      case 3 -> r.exact("COPY", k, k);
      default -> r.exact("COPY", k, key(), r.pick("FOO", "DB", "DB x"));
    }
  }

  private void scan() {
    int n = r.nextInt(4);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("SCAN", "{cursor}"));
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(3)) {
        case 0 -> args.addAll(java.util.List.of("MATCH", r.pick(PATTERNS)));
        case 1 -> args.addAll(java.util.List.of("COUNT", r.pick("1", "2", "5", "100")));
        default -> args.addAll(java.util.List.of("TYPE", r.pick("string", "list", "hash", "set", "zset", "STRING", "nosuch")));
      }
    }
    r.fullScan(1, args.toArray(String[]::new));
    if (r.chance(0.2)) {
      r.exact("SCAN", r.pick("abc", "-", " 1", "1x", "18446744073709551616"));
      r.exact("SCAN", "0", r.pick("COUNT", "MATCH", "TYPE", "FOO"), r.pick("0", "-1", "x"));
    }
  }

  private void randomKey() {
    byte[][] rr = r.both(DiffRunner.bytes("RANDOMKEY"));
    RespValue a = RespValue.parse(rr[0]);
    RespValue b = RespValue.parse(rr[1]);
    r.check(a.isNil() == b.isNil(), "RANDOMKEY nil-ness differs", rr);
  }

  private void flush() {
    if (r.chance(0.3)) {
      r.exact(r.pick("FLUSHDB", "FLUSHALL"), r.pick("ASYNC", "SYNC", "LAZY"));
    } else if (r.chance(0.1)) {
      r.exact("FLUSHALL");
    }
  }

  private void dumpRestore(String k) {
    byte[][] d = r.both(DiffRunner.bytes("DUMP", k));
    RespValue a = RespValue.parse(d[0]);
    RespValue b = RespValue.parse(d[1]);
    r.check(a.isNil() == b.isNil(), "DUMP nil-ness differs", d);
    if (a.isNil()) {
      return;
    }
    String dst = key();
    String ttl = r.pick("0", "0", "100000");
    String[] opts = r.pick(new String[] {"REPLACE"}, new String[] {}, new String[] {"REPLACE", "IDLETIME", "10"},
        new String[] {"REPLACE", "FREQ", "5"}, new String[] {"REPLACE", "ABSTTL"}, new String[] {"FREQ", "300"});
    byte[][] ra = restoreArgs(dst, ttl, a.data(), opts);
    byte[][] rb = restoreArgs(dst, ttl, b.data(), opts);
    byte[][] replies = {r.redisOnly(ra), r.embeddedOnly(rb)};
    r.check(java.util.Arrays.equals(replies[0], replies[1]), "RESTORE " + dst + " differs", replies);
    r.exact("TYPE", dst);
  }

  private static byte[][] restoreArgs(String key, String ttl, byte[] payload, String[] opts) {
    byte[][] args = new byte[4 + opts.length][];
    args[0] = DiffRunner.bytes("RESTORE")[0];
    args[1] = DiffRunner.bytes(key)[0];
    args[2] = DiffRunner.bytes(ttl)[0];
    args[3] = payload;
    for (int i = 0; i < opts.length; i++) {
      args[4 + i] = DiffRunner.bytes(opts[i])[0];
    }
    return args;
  }
}
