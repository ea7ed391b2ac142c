package org.vertxdynomite.datastore.embedded;

/**
 * The options of SET and GETEX (NX, XX, GET, KEEPTTL, PERSIST, EX, PX, EXAT, PXAT) with Redis's
 * rules on which may be combined, and the expire time they give.
 */
final class SetOptions {

  static final int NX = 1;
  static final int XX = 1 << 1;
  static final int EX = 1 << 2;
  static final int PX = 1 << 3;
  static final int KEEPTTL = 1 << 4;
  static final int GET = 1 << 5;
  static final int EXAT = 1 << 6;
  static final int PXAT = 1 << 7;
  static final int PERSIST = 1 << 8;

  private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;

  final int flags;
  final byte[] expire;

  private SetOptions(int flags, byte[] expire) {
    this.flags = flags;
    this.expire = expire;
  }

  /** Parses options from argument {@code from}; {@code getex} selects GETEX's set of options. */
  static SetOptions parse(Call c, int from, boolean getex) {
    int flags = 0;
    byte[] expire = null;
    boolean set = !getex;
    for (int j = from; j < c.argc(); j++) {
      boolean hasNext = j < c.argc() - 1;
      if (set && c.is(j, "nx") && (flags & XX) == 0) {
        flags |= NX;
      } else if (set && c.is(j, "xx") && (flags & NX) == 0) {
        flags |= XX;
      } else if (set && c.is(j, "get")) {
        flags |= GET;
      } else if (set && c.is(j, "keepttl") && (flags & (PERSIST | ANY_EXPIRE)) == 0) {
        flags |= KEEPTTL;
      } else if (getex && c.is(j, "persist") && (flags & (ANY_EXPIRE | KEEPTTL)) == 0) {
        flags |= PERSIST;
      } else if (hasNext && expireOption(c, j) != 0
          && (flags & (KEEPTTL | PERSIST | (ANY_EXPIRE & ~expireOption(c, j)))) == 0) {
        flags |= expireOption(c, j);
        expire = c.arg(++j);
      } else {
        throw Errors.SYNTAX;
      }
    }
    return new SetOptions(flags, expire);
  }

  private static int expireOption(Call c, int j) {
    if (c.is(j, "ex")) {
      return EX;
    }
    if (c.is(j, "px")) {
      return PX;
    }
    if (c.is(j, "exat")) {
      return EXAT;
    }
    if (c.is(j, "pxat")) {
      return PXAT;
    }
    return 0;
  }

  /** The absolute expire time in ms for the given option argument (getExpireMillisecondsOrReply). */
  static long expireMillis(Call c, byte[] arg, int flags) {
    long ms = Numbers.parseLong(arg, Errors.NOT_INTEGER);
    boolean seconds = (flags & (EX | EXAT)) != 0;
    if (ms <= 0 || (seconds && ms > Long.MAX_VALUE / 1000)) {
      throw c.invalidExpire();
    }
    if (seconds) {
      ms *= 1000;
    }
    if ((flags & (EX | PX)) != 0) {
      ms += c.now();
    }
    if (ms <= 0) {
      throw c.invalidExpire();
    }
    return ms;
  }
}
