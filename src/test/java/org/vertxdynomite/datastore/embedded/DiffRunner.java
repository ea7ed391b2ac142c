package org.vertxdynomite.datastore.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Runs the same commands against a real redis-server and an {@link EmbeddedStore} and compares
 * the raw reply bytes. A mismatch fails with the seed, the step and the recent command history,
 * so any failure can be replayed from its seed.
 */
final class DiffRunner {

  private static final int HISTORY = 60;

  final SplittableRandom rnd;
  private final long seed;
  private final String label;
  private final RawRespClient redis;
  private final EmbeddedStore store;
  private final ArrayDeque<String> history = new ArrayDeque<>();
  private long step;

  DiffRunner(String label, long seed, RawRespClient redis, EmbeddedStore store) {
    this.label = label;
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
    this.redis = redis;
    this.store = store;
  }

  long step() {
    return step;
  }

  static byte[][] bytes(String... args) {
    byte[][] b = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      b[i] = args[i].getBytes(StandardCharsets.UTF_8);
    }
    return b;
  }

  byte[] redisOnly(byte[]... args) {
    try {
      return redis.call(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs on the embedded store; a blocked command is awaited (its timeout fires on real time). */
  byte[] embeddedOnly(byte[]... args) {
    java.util.concurrent.CompletableFuture<org.vertxdynomite.resp.Reply> later = new java.util.concurrent.CompletableFuture<>();
    Submission s = store.submit(new RespRequest(args), later::complete);
    org.vertxdynomite.resp.Reply reply = s.immediate();
    if (reply == null) {
      try {
        reply = later.get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        s.cancel();
        throw new AssertionError("embedded store did not answer a blocked command in 10 s", e);
      }
    }
    return reply.toBuffer().getBytes();
  }

  /** Runs on both sides; returns {redis, embedded} raw replies and records them in the history. */
  byte[][] both(byte[]... args) {
    step++;
    byte[] r = redisOnly(args);
    byte[] e = embeddedOnly(args);
    remember(args, r, e);
    return new byte[][] {r, e};
  }

  private void remember(byte[][] args, byte[] r, byte[] e) {
    StringBuilder sb = new StringBuilder();
    sb.append('#').append(step).append(' ');
    for (byte[] a : args) {
      sb.append(RespValue.render(a)).append(' ');
    }
    String rr = RespValue.render(r);
    sb.append(" -> ").append(rr.length() > 200 ? rr.substring(0, 200) + "…" : rr);
    if (!java.util.Arrays.equals(r, e)) {
      String er = RespValue.render(e);
      sb.append("  | embedded: ").append(er.length() > 200 ? er.substring(0, 200) + "…" : er);
    }
    history.addLast(sb.toString());
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
  }

  /** Both replies must be byte-identical. */
  void exact(String... args) {
    exact(bytes(args));
  }

  void exact(byte[]... args) {
    byte[][] r = both(args);
    if (!java.util.Arrays.equals(r[0], r[1])) {
      fail("replies differ", r);
    }
  }

  /** Both replies must be equal, except that a top-level array may be in any order. */
  void unordered(String... args) {
    byte[][] r = both(bytes(args));
    if (!sameIgnoringOrder(r[0], r[1], 1)) {
      fail("replies differ (order-insensitive)", r);
    }
  }

  /** As {@link #unordered} with the array read as (field, value) pairs. */
  void unorderedPairs(String... args) {
    byte[][] r = both(bytes(args));
    if (!sameIgnoringOrder(r[0], r[1], 2)) {
      fail("replies differ (order-insensitive pairs)", r);
    }
  }

  static boolean sameIgnoringOrder(byte[] a, byte[] b, int group) {
    if (java.util.Arrays.equals(a, b)) {
      return true;
    }
    RespValue x = RespValue.parse(a);
    RespValue y = RespValue.parse(b);
    if (x.items() == null || y.items() == null) {
      return false;
    }
    return canonical(x, group).equals(canonical(y, group));
  }

  static List<String> canonical(RespValue v, int group) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i + group <= v.items().size(); i += group) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < group; k++) {
        sb.append(v.items().get(i + k).key()).append('|');
      }
      keys.add(sb.toString());
    }
    keys.sort(Comparator.naturalOrder());
    return keys;
  }

  /** Both replies must be integers within {@code tolerance} of each other (TTL-like). */
  void approx(long tolerance, String... args) {
    byte[][] r = both(bytes(args));
    RespValue x = RespValue.parse(r[0]);
    RespValue y = RespValue.parse(r[1]);
    if (x.type() == ':' && y.type() == ':') {
      long a = x.asLong();
      long b = y.asLong();
      // Negative TTL replies (-1, -2) are codes and must match exactly.
      if ((a < 0 || b < 0) ? a != b : Math.abs(a - b) > tolerance) {
        fail("integers differ by more than " + tolerance, r);
      }
    } else if (!java.util.Arrays.equals(r[0], r[1])) {
      fail("replies differ", r);
    }
  }

  void check(boolean condition, String what, byte[][] replies) {
    if (!condition) {
      fail(what, replies);
    }
  }

  void fail(String what, byte[][] r) {
    StringBuilder sb = new StringBuilder();
    sb.append(label).append(": ").append(what).append(" at step ").append(step)
        .append(" (seed ").append(seed).append(", replay with -Dembedded.diff.seed=").append(seed).append(")\n");
    sb.append("  redis:    ").append(RespValue.render(r[0])).append('\n');
    sb.append("  embedded: ").append(RespValue.render(r[1])).append('\n');
    int d = java.util.Arrays.mismatch(r[0], r[1]);
    if (d > 300) {
      int from = Math.max(0, d - 120);
      sb.append("  first difference at byte ").append(d).append(":\n");
      sb.append("    redis:    …").append(RespValue.render(java.util.Arrays.copyOfRange(r[0], from, Math.min(r[0].length, d + 120)))).append('\n');
      sb.append("    embedded: …").append(RespValue.render(java.util.Arrays.copyOfRange(r[1], from, Math.min(r[1].length, d + 120)))).append('\n');
    }
    sb.append("history (oldest first):\n");
    for (String h : history) {
      sb.append("  ").append(h).append('\n');
    }
    throw new AssertionError(sb.toString());
  }

  /** Runs a full SCAN-style iteration on each side and compares the sets of elements returned. */
  void fullScan(int group, String... argsWithCursorAtIndex) {
    int cursorIdx = -1;
    for (int i = 0; i < argsWithCursorAtIndex.length; i++) {
      if (argsWithCursorAtIndex[i].equals("{cursor}")) {
        cursorIdx = i;
      }
    }
    java.util.TreeSet<String> fromRedis = scanAll(true, argsWithCursorAtIndex, cursorIdx, group);
    java.util.TreeSet<String> fromEmbedded = scanAll(false, argsWithCursorAtIndex, cursorIdx, group);
    step++;
    String cmd = String.join(" ", argsWithCursorAtIndex);
    history.addLast("#" + step + " full " + cmd + " -> " + fromRedis
        + (fromRedis.equals(fromEmbedded) ? "" : " | embedded: " + fromEmbedded));
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    if (!fromRedis.equals(fromEmbedded)) {
      fail("full scan differs: " + cmd, new byte[][] {
          fromRedis.toString().getBytes(StandardCharsets.UTF_8),
          fromEmbedded.toString().getBytes(StandardCharsets.UTF_8)});
    }
  }

  private java.util.TreeSet<String> scanAll(boolean onRedis, String[] template, int cursorIdx, int group) {
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    String cursor = "0";
    for (int round = 0; round < 100_000; round++) {
      String[] args = template.clone();
      args[cursorIdx] = cursor;
      byte[] raw = onRedis ? redisOnly(bytes(args)) : embeddedOnly(bytes(args));
      RespValue v = RespValue.parse(raw);
      if (v.items() == null) {
        seen.add("ERROR " + v);
        return seen;
      }
      cursor = v.items().get(0).str();
      seen.addAll(canonical(v.items().get(1), group));
      if (cursor.equals("0")) {
        return seen;
      }
    }
    throw new AssertionError("scan did not finish");
  }

  // ---- random helpers ----

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  @SafeVarargs
  final <T> T pick(T... options) {
    return options[rnd.nextInt(options.length)];
  }
}
