package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** {@code $len}: a binary-safe RESP2 bulk string. */
public final class BulkReply implements Reply {

  private final byte[] value;

  public BulkReply(byte[] value) {
    this.value = value;
  }

  public byte[] value() {
    return value;
  }

  @Override
  public void writeTo(Buffer out) {
    Replies.writeLine(out, (byte) '$', value.length);
    out.appendBytes(value);
    out.appendBytes(Replies.CRLF);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BulkReply b && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "$" + new String(value, StandardCharsets.UTF_8);
  }
}
