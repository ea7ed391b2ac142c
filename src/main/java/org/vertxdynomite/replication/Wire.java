package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writing the primitives of the peer wire format: unsigned LEB128 varints for counts, lengths and
 * ids, zig-zag varints for signed integers, length-prefixed byte strings.
 */
final class Wire {

  /** Version byte at the start of every peer message body; bumped on incompatible changes. */
  static final byte VERSION = 1;

  private Wire() {}

  /** Appends {@code v} as an unsigned varint: 1 byte below 128, at most 10 bytes. */
  static void writeVarLong(Buffer out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.appendByte((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.appendByte((byte) v);
  }

  /** Appends a signed value zig-zag encoded, so small negative numbers stay short too. */
  static void writeZigZag(Buffer out, long v) {
    writeVarLong(out, (v << 1) ^ (v >> 63));
  }

  static void writeBytes(Buffer out, byte[] bytes) {
    writeVarLong(out, bytes.length);
    out.appendBytes(bytes);
  }

  static void writeString(Buffer out, String s) {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes {@link #writeVarLong} takes for a non-negative {@code v}. */
  static int varLongSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  /** Reserves the 4-byte body length; {@link #endBody} fills it in. Returns the reserved position. */
  static int beginBody(Buffer out) {
    int at = out.length();
    out.appendInt(0);
    out.appendByte(VERSION);
    return at;
  }

  static void endBody(Buffer out, int at) {
    out.setInt(at, out.length() - at - 4);
  }
}
