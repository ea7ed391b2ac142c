package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** {@code *n}: a RESP2 array of replies, possibly nested. */
public record ArrayReply(List<Reply> items) implements Reply {

  @Override
  public void writeTo(Buffer out) {
    Replies.writeLine(out, (byte) '*', items.size());
    for (Reply r : items) {
      r.writeTo(out);
    }
  }
}
