package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code +text}: a RESP2 simple string such as {@code OK}.
 *
 * <p>A value class (equal by text) rather than a record so that it can keep its encoded line: +OK
 * answers every SET, and encoding the text once per reply was a measurable share of the allocations.
 */
public final class SimpleReply implements Reply {

  private final String text;
  private final byte[] line;

  public SimpleReply(String text) {
    this.text = text;
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] l = new byte[t.length + 3];
    l[0] = '+';
    System.arraycopy(t, 0, l, 1, t.length);
    l[l.length - 2] = '\r';
    l[l.length - 1] = '\n';
    this.line = l;
  }

  /** The text, without the leading {@code +} and the trailing CRLF. */
  public String text() {
    return text;
  }

  @Override
  public void writeTo(Buffer out) {
    out.appendBytes(line);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimpleReply s && text.equals(s.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "SimpleReply[text=" + text + "]";
  }
}
