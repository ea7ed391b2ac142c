package org.vertxdynomite.replication;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * A reply's shape as text: Java type at every level, the nil constants by name, and the RESP
 * bytes. Two replies with the same shape are the same value to a coordinator and to a client.
 */
final class ReplyShapes {

  private ReplyShapes() {}

  static String of(Reply r) {
    if (r == Replies.NULL_BULK) {
      return "NULL_BULK";
    }
    if (r == Replies.NULL_ARRAY) {
      return "NULL_ARRAY";
    }
    if (r instanceof ArrayReply a) {
      return a.items().stream().map(ReplyShapes::of).collect(Collectors.joining(", ", "Array[", "]"));
    }
    String type = r instanceof RespError ? "RespError" : r.getClass().isHidden() ? "Raw" : r.getClass().getSimpleName();
    return type + "<" + r.toBuffer().toString(StandardCharsets.ISO_8859_1) + ">";
  }

  static String of(PeerReply r) {
    return r.id() + (r.isFailure() ? " failed " + RemoteError.Origin.of(r.failure()) + ":" + r.failure().getMessage() : " " + of(r.value()));
  }
}
