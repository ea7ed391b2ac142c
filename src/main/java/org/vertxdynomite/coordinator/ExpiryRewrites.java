package org.vertxdynomite.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.vertxdynomite.resp.RespRequest;

/**
 * Rewrites relative expiries into absolute ones before a write is sent to its replicas, as Redis
 * does before propagating it (expire.c, t_string.c, cluster.c in Redis 7.0), so that every replica
 * expires the key at the same moment however late it applies the write.
 *
 * <p>Each rewrite validates the arguments exactly as Redis does first. When Redis would refuse
 * the request (syntax error, invalid expire time, a number out of range) it is left unchanged:
 * every replica then answers with Redis's own error, worded for the command the client sent.
 */
final class ExpiryRewrites {

  private ExpiryRewrites() {}

  /** {@code EXPIRE key seconds [NX|XX|GT|LT]} → {@code PEXPIREAT key <absolute ms> [option]}. */
  static RespRequest expire(RespRequest r, long now) {
    return relativeExpire(r, now, true);
  }

  /** {@code PEXPIRE key ms [NX|XX|GT|LT]} → {@code PEXPIREAT key <absolute ms> [option]}. */
  static RespRequest pexpire(RespRequest r, long now) {
    return relativeExpire(r, now, false);
  }

  private static RespRequest relativeExpire(RespRequest r, long now, boolean seconds) {
    // Unlike SET, EXPIRE accepts zero and negative times: the key is deleted at once.
    OptionalLong when = Args.longValue(r.arg(2));
    if (when.isEmpty()) {
      return r;
    }
    try {
      long relative = seconds ? Math.multiplyExact(when.getAsLong(), 1000L) : when.getAsLong();
      long absolute = Math.addExact(relative, now);
      return r.withArg(0, Args.of("PEXPIREAT")).withArg(2, Args.of(absolute));
    } catch (ArithmeticException overflow) {
      return r;
    }
  }

  /** {@code SET key value … EX s|PX ms …} → {@code SET key value [NX|XX|GET…] PXAT <absolute ms>}. */
  static RespRequest set(RespRequest r, long now) {
    return withOptions(r, 3, StringExpiryOptions.Command.SET, now);
  }

  /** {@code GETEX key EX s|PX ms} → {@code GETEX key PXAT <absolute ms>}. */
  static RespRequest getex(RespRequest r, long now) {
    return withOptions(r, 2, StringExpiryOptions.Command.GETEX, now);
  }

  private static RespRequest withOptions(RespRequest r, int firstOption, StringExpiryOptions.Command command, long now) {
    StringExpiryOptions options = StringExpiryOptions.parse(r, firstOption, command);
    if (options == null || options.relative() == null) {
      return r;
    }
    OptionalLong at = absoluteExpiry(options.relative(), options.seconds(), now);
    if (at.isEmpty()) {
      return r;
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < firstOption; i++) {
      out.add(r.arg(i));
    }
    out.addAll(options.kept());
    out.add(Args.of("PXAT"));
    out.add(Args.of(at.getAsLong()));
    return new RespRequest(out.toArray(new byte[0][]));
  }

  /** {@code SETEX key seconds value} → {@code SET key value PXAT <absolute ms>}. */
  static RespRequest setex(RespRequest r, long now) {
    return timedSet(r, now, true);
  }

  /** {@code PSETEX key ms value} → {@code SET key value PXAT <absolute ms>}. */
  static RespRequest psetex(RespRequest r, long now) {
    return timedSet(r, now, false);
  }

  private static RespRequest timedSet(RespRequest r, long now, boolean seconds) {
    OptionalLong at = absoluteExpiry(r.arg(2), seconds, now);
    if (at.isEmpty()) {
      return r;
    }
    return new RespRequest(new byte[][] {Args.of("SET"), r.arg(1), r.arg(3), Args.of("PXAT"), Args.of(at.getAsLong())});
  }

  /**
   * {@code RESTORE key ttl payload [opts]} with a relative ttl above 0 →
   * {@code RESTORE key <absolute ms> payload ABSTTL [opts]}. ABSTTL goes right after the payload,
   * where no other option can take it for its value.
   */
  static RespRequest restore(RespRequest r, long now) {
    for (int i = 4; i < r.argc(); i++) {
      if (Args.is(r.arg(i), "ABSTTL")) {
        return r;
      }
    }
    OptionalLong ttl = Args.longValue(r.arg(2));
    if (ttl.isEmpty() || ttl.getAsLong() <= 0) {
      // 0 means no expiry; a negative ttl is Redis's "Invalid TTL value" error.
      return r;
    }
    try {
      long at = Math.addExact(ttl.getAsLong(), now);
      byte[][] out = new byte[r.argc() + 1][];
      for (int i = 0, j = 0; i < r.argc(); i++) {
        out[j++] = i == 2 ? Args.of(at) : r.arg(i);
        if (i == 3) {
          out[j++] = Args.of("ABSTTL");
        }
      }
      return new RespRequest(out);
    } catch (ArithmeticException overflow) {
      return r;
    }
  }

  /**
   * The absolute expiry of SET-family relative times, validated as Redis's
   * getExpireMillisecondsOrReply does: a positive integer whose absolute time fits in a long.
   */
  private static OptionalLong absoluteExpiry(byte[] value, boolean seconds, long now) {
    OptionalLong v = Args.longValue(value);
    if (v.isEmpty() || v.getAsLong() <= 0) {
      return OptionalLong.empty();
    }
    try {
      long relative = seconds ? Math.multiplyExact(v.getAsLong(), 1000L) : v.getAsLong();
      return OptionalLong.of(Math.addExact(relative, now));
    } catch (ArithmeticException overflow) {
      return OptionalLong.empty();
    }
  }
}
