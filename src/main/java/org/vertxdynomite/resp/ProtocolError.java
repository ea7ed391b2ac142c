package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A violation of the RESP request protocol: replied as {@code -ERR Protocol error: …}, after which
 * the connection is closed, as Redis does.
 */
public final class ProtocolError extends RespError {

  private static final long serialVersionUID = 1L;

  public ProtocolError(String detail) {
    super("ERR Protocol error: " + detail);
  }

  @Override
  public boolean closesConnection() {
    return true;
  }

  /**
   * Written as Latin-1, one byte per char: a detail may quote a byte of the client's stream (Redis's
   * {@code expected '$', got 'X'}), kept as the char of the same code, and Redis echoes it raw.
   */
  @Override
  public void writeTo(Buffer out) {
    byte[] m = getMessage().getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < m.length; i++) {
      if (m[i] == '\r' || m[i] == '\n') {
        m[i] = ' ';
      }
    }
    out.appendByte((byte) '-').appendBytes(m).appendBytes(Replies.CRLF);
  }
}
