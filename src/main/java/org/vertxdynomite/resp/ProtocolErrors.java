package org.vertxdynomite.resp;

/**
 * The protocol errors the request parser reports, worded exactly as Redis 7.0 words them. The fixed
 * ones are shared constants: errors carry no stack trace and nothing in them changes.
 */
final class ProtocolErrors {

  static final ProtocolError TOO_BIG_INLINE = new ProtocolError("too big inline request");
  static final ProtocolError UNBALANCED_QUOTES = new ProtocolError("unbalanced quotes in request");
  static final ProtocolError INVALID_MULTIBULK_LENGTH = new ProtocolError("invalid multibulk length");
  static final ProtocolError TOO_BIG_MBULK_COUNT = new ProtocolError("too big mbulk count string");
  static final ProtocolError INVALID_BULK_LENGTH = new ProtocolError("invalid bulk length");
  static final ProtocolError TOO_BIG_BULK_COUNT = new ProtocolError("too big bulk count string");

  private ProtocolErrors() {}

  /**
   * A multibulk element that does not start with {@code $}. The byte becomes the char of the same
   * code, which {@link ProtocolError#writeTo} writes back as that raw byte, as Redis does (a CR or
   * LF as a space).
   */
  static ProtocolError expectedDollar(byte got) {
    return new ProtocolError("expected '$', got '" + (char) (got & 0xff) + "'");
  }
}
