package org.vertxdynomite.datastore.embedded;

/**
 * A random command generator for one data type: each call of {@link #step} issues one or a few
 * commands through the runner, which compares the replies. Small key and value pools make
 * collisions, wrong-type errors and edge values frequent.
 */
abstract class DiffGen {

  static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5"};

  static final String[] NUMBERS = {"0", "1", "-1", "2", "3", "10", "-7", "100", "007", "-0", "+1", " 1", "1 ",
      "3.5", "-2.5e3", "1e-3", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
      "abc", "", "0x1A", "inf", "-inf", "nan", "1e308", "0.1", "4611686018427387904", "99999999999999999999"};

  final DiffRunner r;

  DiffGen(DiffRunner r) {
    this.r = r;
  }

  abstract void step();

  String key() {
    return r.pick(KEYS);
  }

  String number() {
    return r.pick(NUMBERS);
  }

  String smallInt(int lo, int hi) {
    return Integer.toString(lo + r.nextInt(hi - lo + 1));
  }

  /** A key set to some other type, to provoke WRONGTYPE. */
  void makeOtherType(String key) {
    String[] creator = r.pick(CREATORS);
    String[] args = creator.clone();
    args[1] = key;
    r.exact(args);
  }

  /** One command creating a value of each type; {@code _} stands for the key. */
  static final String[][] CREATORS = {
      {"SET", "_", "str"},
      {"HSET", "_", "f", "v"},
      {"SADD", "_", "a", "b"},
      {"RPUSH", "_", "a", "b"},
      {"ZADD", "_", "1", "a", "-0", "b"},
  };

  /** Makes sure both sides agree on which keys exist (lazy expiry), then compares DBSIZE. */
  void dbsize() {
    String[] args = new String[KEYS.length + 1];
    args[0] = "EXISTS";
    System.arraycopy(KEYS, 0, args, 1, KEYS.length);
    r.exact(args);
    r.exact("DBSIZE");
  }

  /** A short expiry followed by a sleep long enough that both sides see it expired. */
  void expireSoon(String key) {
    r.exact("PEXPIRE", key, "1");
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
