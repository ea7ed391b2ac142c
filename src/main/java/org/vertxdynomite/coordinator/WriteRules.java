package org.vertxdynomite.coordinator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * The replication rule of every write the node supports (a table, checked by a test to cover
 * them all), and the rewrites and effects that make time-dependent and random writes deterministic.
 *
 * <p>Usage by the coordinator, for a write {@code request}:
 * <ul>
 *   <li>{@link WriteRule#PASS}: send {@code request} to every replica.
 *   <li>{@link WriteRule#REWRITE_BEFORE}: {@code r = rewriteBefore(request, now)} once, send
 *       {@code r} to every replica.
 *   <li>{@link WriteRule#EFFECT_AFTER}: run {@code request} on the primary; when it answers,
 *       send {@code effectAfter(request, reply)} (possibly nothing) to the other replicas, in order.
 *       The client gets the primary's reply; the others' replies to the effect only acknowledge it.
 *   <li>{@link WriteRule#FAN_OUT}: send {@code request} to every node.
 *   <li>{@link WriteRule#REFUSE}: answer {@link #refusal(CommandInfo)}.
 * </ul>
 * The effects and rewrites touch only the keys of the original request, so they go to its owners.
 */
public final class WriteRules {

  /** Rewrites a time-dependent write with the time at which the coordinator accepted it. */
  @FunctionalInterface
  interface Rewrite {
    RespRequest apply(RespRequest request, long nowMillis);
  }

  /** Derives the deterministic requests from the primary's reply. */
  @FunctionalInterface
  interface Effect {
    List<RespRequest> apply(RespRequest request, Reply primaryReply);
  }

  /** One command's rule, with its rewrite or effect when the rule needs one. */
  private record Entry(WriteRule rule, Rewrite rewrite, Effect effect) {}

  private static final Map<String, Entry> RULES = rules();

  private WriteRules() {}

  private static Map<String, Entry> rules() {
    Map<String, Entry> m = new HashMap<>();
    // Deterministic given the same data on every replica, as Redis propagates them verbatim.
    // The *STORE variants, COPY and RENAME included: they must replicate, not be treated as reads.
    pass(m, "append", "bitfield", "bitop", "copy", "decr", "decrby", "del", "expireat", "getdel",
        "getset", "hdel", "hincrby", "hmset", "hset", "hsetnx", "incr", "incrby", "linsert", "lmove",
        "lmpop", "lpop", "lpush", "lpushx", "lrem", "lset", "ltrim", "mset", "msetnx", "persist",
        "pexpireat", "pfadd", "pfmerge", "rename", "renamenx", "rpop", "rpoplpush", "rpush", "rpushx",
        "sadd", "sdiffstore", "setbit", "setnx", "setrange", "sinterstore", "smove", "sort", "srem",
        "sunionstore", "unlink", "zadd", "zdiffstore", "zincrby", "zinterstore", "zmpop", "zpopmax",
        "zpopmin", "zrangestore", "zrem", "zremrangebylex", "zremrangebyrank", "zremrangebyscore",
        "zunionstore");
    // Relative expiries, made absolute once.
    rewrite(m, "expire", ExpiryRewrites::expire);
    rewrite(m, "pexpire", ExpiryRewrites::pexpire);
    rewrite(m, "set", ExpiryRewrites::set);
    rewrite(m, "setex", ExpiryRewrites::setex);
    rewrite(m, "psetex", ExpiryRewrites::psetex);
    rewrite(m, "getex", ExpiryRewrites::getex);
    rewrite(m, "restore", ExpiryRewrites::restore);
    // Random picks, long-double arithmetic (the embedded store cannot reproduce Redis's digits),
    // and blocking pops whose outcome depends on when data arrives.
    effect(m, "spop", WriteEffects::spop);
    effect(m, "incrbyfloat", WriteEffects::incrbyfloat);
    effect(m, "hincrbyfloat", WriteEffects::hincrbyfloat);
    effect(m, "blpop", WriteEffects::blpop);
    effect(m, "brpop", WriteEffects::brpop);
    effect(m, "blmove", WriteEffects::blmove);
    effect(m, "brpoplpush", WriteEffects::brpoplpush);
    effect(m, "blmpop", WriteEffects::blmpop);
    effect(m, "bzpopmin", WriteEffects::bzpop);
    effect(m, "bzpopmax", WriteEffects::bzpop);
    effect(m, "bzmpop", WriteEffects::bzmpop);
    // Keyless, whole-dataset writes.
    add(m, "flushall", new Entry(WriteRule.FAN_OUT, null, null));
    add(m, "flushdb", new Entry(WriteRule.FAN_OUT, null, null));
    return Map.copyOf(m);
  }

  private static void pass(Map<String, Entry> m, String... names) {
    for (String name : names) {
      add(m, name, new Entry(WriteRule.PASS, null, null));
    }
  }

  private static void rewrite(Map<String, Entry> m, String name, Rewrite rewrite) {
    add(m, name, new Entry(WriteRule.REWRITE_BEFORE, rewrite, null));
  }

  private static void effect(Map<String, Entry> m, String name, Effect effect) {
    add(m, name, new Entry(WriteRule.EFFECT_AFTER, null, effect));
  }

  private static void add(Map<String, Entry> m, String name, Entry entry) {
    if (m.put(name, entry) != null) {
      throw new IllegalStateException("two write rules for '" + name + "'");
    }
  }

  /**
   * The rule for the write {@code command}. A write the table does not know (none of the supported
   * ones, a test makes sure) is {@link WriteRule#REFUSE}d rather than guessed at.
   *
   * @throws IllegalArgumentException if {@code command} is not a write
   */
  public static WriteRule rule(CommandInfo command) {
    if (!command.isWrite()) {
      throw new IllegalArgumentException("'" + command.name() + "' is not a write");
    }
    Entry e = RULES.get(command.name());
    return e == null ? WriteRule.REFUSE : e.rule();
  }

  /**
   * The request to send to every replica instead of {@code request}, its relative expiry made
   * absolute from {@code nowMillis} (Unix time in milliseconds). {@code request} itself when there
   * is nothing to rewrite: no relative expiry, not a {@link WriteRule#REWRITE_BEFORE} command, or
   * arguments Redis refuses (every replica then answers Redis's own error).
   */
  public static RespRequest rewriteBefore(RespRequest request, long nowMillis) {
    Entry e = RULES.get(request.commandName());
    return e == null || e.rewrite() == null ? request : e.rewrite().apply(request, nowMillis);
  }

  /**
   * The requests that give the other replicas the effect {@code request} had on the primary,
   * which answered {@code primaryReply}; empty when it changed nothing (a nil, empty or error reply).
   *
   * @throws IllegalArgumentException if {@code request} is not an {@link WriteRule#EFFECT_AFTER}
   *     command, or the reply does not fit it
   */
  public static List<RespRequest> effectAfter(RespRequest request, Reply primaryReply) {
    Entry e = RULES.get(request.commandName());
    if (e == null || e.effect() == null) {
      throw new IllegalArgumentException("'" + request.commandName() + "' is not replicated as its effect");
    }
    if (primaryReply instanceof RespError) {
      return List.of();
    }
    return e.effect().apply(request, primaryReply);
  }

  /** The reply to a {@link WriteRule#REFUSE}d write. */
  public static RespError refusal(CommandInfo command) {
    return CoordinatorErrors.notReplicable(command.name(), "no rule says how its replicas can reach the same data");
  }

  /** Every command with a rule, by name: for tests and documentation. */
  static Map<String, WriteRule> table() {
    Map<String, WriteRule> out = new HashMap<>();
    RULES.forEach((name, e) -> out.put(name, e.rule()));
    return out;
  }
}
