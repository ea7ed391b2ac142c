package org.vertxdynomite.coordinator;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * When two replicas' replies to the same command count as the same answer, for quorum agreement.
 *
 * <p>Most commands answer byte for byte alike on replicas holding the same data ({@link #EXACT}).
 * The exceptions are the commands Redis itself tips as {@code nondeterministic_output_order} (a
 * set or hash read in hash-table order) or {@code nondeterministic_output} (random picks, scan
 * pages, clock-dependent TTLs, encodings); {@link #forCommand(String)} looks them up in a table.
 * Error replies are compared by their text under every mode.
 */
public enum ReplyComparison {
  /** The RESP encodings are identical. */
  EXACT,
  /** Arrays holding the same elements in any order (a multiset: duplicates count); else exact. */
  UNORDERED_ELEMENTS,
  /** Arrays of field-value pairs holding the same pairs in any order (HGETALL); else exact. */
  UNORDERED_PAIRS,
  /**
   * Content cannot be compared (random picks, scan pages, encodings, DUMP payloads): replies agree
   * when they are the same RESP type and equally nil, or errors with the same text.
   */
  SAME_SHAPE,
  /** TTL: the same negative code (-1, -2), or remaining seconds at most 1 apart; else exact. */
  SECONDS_LEFT,
  /** PTTL: the same negative code, or remaining milliseconds at most 1000 apart; else exact. */
  MILLISECONDS_LEFT;

  /** Replicas run a read a little apart in time, and their clocks differ a little. */
  private static final long TTL_TOLERANCE_SECONDS = 1;
  private static final long TTL_TOLERANCE_MILLIS = 1000;

  /** The commands not compared {@link #EXACT}ly, by {@link CommandInfo#name()}. */
  private static final Map<String, ReplyComparison> BY_COMMAND = Map.ofEntries(
      Map.entry("smembers", UNORDERED_ELEMENTS),
      Map.entry("sinter", UNORDERED_ELEMENTS),
      Map.entry("sunion", UNORDERED_ELEMENTS),
      Map.entry("sdiff", UNORDERED_ELEMENTS),
      Map.entry("keys", UNORDERED_ELEMENTS),
      Map.entry("hkeys", UNORDERED_ELEMENTS),
      Map.entry("hvals", UNORDERED_ELEMENTS),
      Map.entry("hgetall", UNORDERED_PAIRS),
      Map.entry("ttl", SECONDS_LEFT),
      Map.entry("pttl", MILLISECONDS_LEFT),
      Map.entry("srandmember", SAME_SHAPE),
      Map.entry("hrandfield", SAME_SHAPE),
      Map.entry("zrandmember", SAME_SHAPE),
      Map.entry("randomkey", SAME_SHAPE),
      Map.entry("spop", SAME_SHAPE),
      Map.entry("scan", SAME_SHAPE),
      Map.entry("sscan", SAME_SHAPE),
      Map.entry("hscan", SAME_SHAPE),
      Map.entry("zscan", SAME_SHAPE),
      Map.entry("dump", SAME_SHAPE),
      Map.entry("object|encoding", SAME_SHAPE),
      Map.entry("object|freq", SAME_SHAPE),
      Map.entry("object|idletime", SAME_SHAPE),
      Map.entry("object|refcount", SAME_SHAPE));

  /** How replies to the command named {@code name} ({@code smembers}, {@code object|encoding}) compare. */
  public static ReplyComparison forCommand(String name) {
    return BY_COMMAND.getOrDefault(name, EXACT);
  }

  /** How replies to {@code command} compare. */
  public static ReplyComparison forCommand(CommandInfo command) {
    return forCommand(command.name());
  }

  /** Every command with a comparison other than {@link #EXACT}: for tests and documentation. */
  static Map<String, ReplyComparison> table() {
    return BY_COMMAND;
  }

  /** Whether {@code a} and {@code b} are the same answer under this comparison. */
  public boolean matches(Reply a, Reply b) {
    if (a == b) {
      return true;
    }
    if (a instanceof RespError || b instanceof RespError) {
      return a instanceof RespError x && b instanceof RespError y && x.getMessage().equals(y.getMessage());
    }
    return switch (this) {
      case EXACT -> Arrays.equals(encode(a), encode(b));
      case UNORDERED_ELEMENTS -> unordered(a, b, 1);
      case UNORDERED_PAIRS -> unordered(a, b, 2);
      case SAME_SHAPE -> shape(a) == shape(b);
      case SECONDS_LEFT -> near(a, b, TTL_TOLERANCE_SECONDS);
      case MILLISECONDS_LEFT -> near(a, b, TTL_TOLERANCE_MILLIS);
    };
  }

  private static byte[] encode(Reply r) {
    return r.toBuffer().getBytes();
  }

  /** Arrays compared as multisets of groups of {@code group} consecutive elements. */
  private static boolean unordered(Reply a, Reply b, int group) {
    if (a instanceof ArrayReply x && b instanceof ArrayReply y
        && x.items().size() == y.items().size() && x.items().size() % group == 0) {
      List<byte[]> left = groups(x.items(), group);
      List<byte[]> right = groups(y.items(), group);
      left.sort(Arrays::compare);
      right.sort(Arrays::compare);
      for (int i = 0; i < left.size(); i++) {
        if (!Arrays.equals(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Arrays.equals(encode(a), encode(b));
  }

  /** Each group's RESP encodings concatenated: unambiguous, as RESP values delimit themselves. */
  private static List<byte[]> groups(List<Reply> items, int group) {
    List<byte[]> out = new ArrayList<>(items.size() / group);
    for (int i = 0; i < items.size(); i += group) {
      Buffer b = Buffer.buffer();
      for (int j = i; j < i + group; j++) {
        items.get(j).writeTo(b);
      }
      out.add(b.getBytes());
    }
    return out;
  }

  /** The RESP type byte, made negative for a nil ({@code $-1}, {@code *-1}). */
  private static int shape(Reply r) {
    byte[] e = encode(r);
    boolean nil = (e[0] == '$' || e[0] == '*') && e[1] == '-';
    return nil ? -e[0] : e[0];
  }

  private static boolean near(Reply a, Reply b, long tolerance) {
    if (a instanceof IntegerReply x && b instanceof IntegerReply y && x.value() >= 0 && y.value() >= 0) {
      return Math.abs(x.value() - y.value()) <= tolerance;
    }
    return Arrays.equals(encode(a), encode(b));
  }
}
