package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A RESP error that is both a failure and a reply: it travels as a failed {@code Future} and is
 * written back as {@code -<message>\r\n} once, at the edge.
 *
 * <p>The message carries Redis's error code as its first word ({@code ERR}, {@code WRONGTYPE},
 * {@code NOPROTO}, …). No stack trace is captured: these are expected outcomes, often reused as
 * constants on hot paths.
 */
public class RespError extends RuntimeException implements Reply {

  private static final long serialVersionUID = 1L;

  public RespError(String message) {
    super(message, null, false, false);
  }

  /** An error with Redis's generic {@code ERR} code. */
  public static RespError err(String message) {
    return new RespError("ERR " + message);
  }

  /** The error code: the message's first word, e.g. {@code ERR} or {@code WRONGTYPE}. */
  public String code() {
    String m = getMessage();
    int sp = m.indexOf(' ');
    return sp < 0 ? m : m.substring(0, sp);
  }

  /** Whether the connection must be closed once this error has been written. */
  public boolean closesConnection() {
    return false;
  }

  @Override
  public void writeTo(Buffer out) {
    out.appendByte((byte) '-');
    // RESP errors are one line: Redis replaces CR and LF with spaces, and so do we.
    String m = getMessage();
    if (m.indexOf('\r') >= 0 || m.indexOf('\n') >= 0) {
      m = m.replace('\r', ' ').replace('\n', ' ');
    }
    out.appendBytes(m.getBytes(StandardCharsets.UTF_8));
    out.appendBytes(Replies.CRLF);
  }

  @Override
  public String toString() {
    return "-" + getMessage();
  }
}
