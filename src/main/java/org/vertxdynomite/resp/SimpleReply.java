package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** {@code +text}: a RESP2 simple string such as {@code OK}. */
public record SimpleReply(String text) implements Reply {

  @Override
  public void writeTo(Buffer out) {
    out.appendByte((byte) '+');
    out.appendBytes(text.getBytes(StandardCharsets.UTF_8));
    out.appendBytes(Replies.CRLF);
  }
}
