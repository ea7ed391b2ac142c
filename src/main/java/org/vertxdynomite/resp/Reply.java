package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;

/**
 * One RESP2 reply value, ready to be written to a client.
 *
 * <p>Replies are immutable. {@link #writeTo(Buffer)} appends the exact RESP2 bytes; a reply may be
 * written any number of times (constants are shared).
 */
public interface Reply {

  /** Appends this reply's RESP2 encoding to {@code out}. */
  void writeTo(Buffer out);

  /** This reply's RESP2 encoding as a new buffer. */
  default Buffer toBuffer() {
    Buffer out = Buffer.buffer(32);
    writeTo(out);
    return out;
  }
}
