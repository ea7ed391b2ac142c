package org.vertxdynomite.datastore.redis;

import java.util.Map;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * Which RESP2 nil a command answers with: {@code $-1} (nil bulk) or {@code *-1} (nil array).
 *
 * <p>vertx-redis-client reads both as {@code null}, so the node restores the right one from this
 * table. Facts checked against redis-server 7.0: blocking pops and the *MPOP commands time out or
 * find nothing with {@code *-1}; LPOP/RPOP answer {@code *-1} only when given a count; GEOPOS
 * answers {@code *-1} for each missing member inside its array.
 */
final class NilShape {

  /** Commands whose top-level nil is always {@code *-1}. */
  private static final Map<String, Boolean> TOP_LEVEL_NIL_ARRAY = Map.ofEntries(
      Map.entry("blpop", true), Map.entry("brpop", true), Map.entry("blmove", true),
      Map.entry("brpoplpush", true), Map.entry("blmpop", true), Map.entry("lmpop", true),
      Map.entry("bzpopmin", true), Map.entry("bzpopmax", true), Map.entry("bzmpop", true),
      Map.entry("zmpop", true), Map.entry("xread", true), Map.entry("xreadgroup", true),
      Map.entry("exec", true));

  /** Commands whose nils nested inside an array are {@code *-1}. */
  private static final Map<String, Boolean> NESTED_NIL_ARRAY = Map.of("geopos", true);

  private NilShape() {}

  /** The nil a top-level null reply to {@code request} stands for. */
  static Reply topLevel(String command, RespRequest request) {
    if (TOP_LEVEL_NIL_ARRAY.containsKey(command)) {
      return Replies.NULL_ARRAY;
    }
    // LPOP key count / RPOP key count: an array reply, so its nil is an array.
    if ((command.equals("lpop") || command.equals("rpop")) && request.argc() == 3) {
      return Replies.NULL_ARRAY;
    }
    return Replies.NULL_BULK;
  }

  /** The nil a null element nested inside an array reply to {@code command} stands for. */
  static Reply nested(String command) {
    return NESTED_NIL_ARRAY.containsKey(command) ? Replies.NULL_ARRAY : Replies.NULL_BULK;
  }
}
