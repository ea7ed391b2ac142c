package org.vertxdynomite.replication;

import java.util.Locale;
import java.util.Set;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * Facts about writes that {@link WriteFence} needs, as data: which writes replace a key's whole
 * value, and what a voided write answers.
 *
 * <p>A voided write was superseded by a newer one, so it answers as if it had been applied just
 * before that one: {@code +OK} for commands whose success reply is always OK, {@code :0}
 * otherwise (nothing left to count). Hints and cross-datacenter copies ignore the reply; a
 * coordinator comparing replicas' replies may see it differ, as it would have seen the race.
 */
public final class LateWrites {

  /** Writes that replace the whole value of every key they name (when unconditional). */
  private static final Set<String> OVERWRITES = Set.of(
      "set", "setex", "psetex", "mset", "getset", "getdel", "del", "unlink", "restore");

  /** Writes whose success reply is always {@code +OK}. */
  private static final Set<String> OK_REPLY = Set.of(
      "set", "setex", "psetex", "mset", "restore", "lset", "ltrim", "hmset", "rename", "pfmerge",
      "flushall", "flushdb");

  private LateWrites() {}

  /** Whether {@code request} (command {@code name}, lower case) replaces its keys' whole values. */
  public static boolean overwrites(String name, RespRequest request) {
    if (!OVERWRITES.contains(name)) {
      return false;
    }
    if (name.equals("set")) {
      // SET … NX / XX writes only if the key is absent / present: it depends on what is there.
      for (int i = 3; i < request.argc(); i++) {
        String opt = request.argString(i).toLowerCase(Locale.ROOT);
        if (opt.equals("nx") || opt.equals("xx")) {
          return false;
        }
      }
    }
    return true;
  }

  /** What a voided {@code name} write answers. */
  public static Reply voidedReply(String name) {
    return OK_REPLY.contains(name) ? Replies.OK : Replies.integer(0);
  }
}
