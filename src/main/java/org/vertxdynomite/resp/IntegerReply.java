package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;

/** {@code :n}: a RESP2 integer. */
public record IntegerReply(long value) implements Reply {

  @Override
  public void writeTo(Buffer out) {
    Replies.writeLine(out, (byte) ':', value);
  }
}
