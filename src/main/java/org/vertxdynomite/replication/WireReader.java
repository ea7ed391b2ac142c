package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one peer message body inside a larger buffer. Every read is checked against the
 * body's end before anything is allocated, so a corrupt message fails with a {@link
 * WireFormatException} rather than an out-of-bounds read or a huge allocation.
 */
final class WireReader {

  private final Buffer buf;
  private final int end;
  private int pos;

  private WireReader(Buffer buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  /** Opens the body written by {@link Wire#beginBody} at {@code pos}; checks length and version. */
  static WireReader openBody(Buffer buf, int pos) {
    if (pos < 0 || buf.length() - pos < 5) {
      throw new WireFormatException("truncated message header");
    }
    int len = buf.getInt(pos);
    if (len < 1 || len > buf.length() - pos - 4) {
      throw new WireFormatException("body length " + len + " beyond the message");
    }
    WireReader r = new WireReader(buf, pos + 4, pos + 4 + len);
    byte version = r.readByte();
    if (version != Wire.VERSION) {
      throw new WireFormatException("unsupported version " + version);
    }
    return r;
  }

  /** Bytes left in the body. */
  int remaining() {
    return end - pos;
  }

  /** Fails unless the whole body was consumed: trailing bytes mean the sender wrote something else. */
  void expectEnd() {
    if (pos != end) {
      throw new WireFormatException((end - pos) + " unexpected trailing bytes");
    }
  }

  byte readByte() {
    need(1);
    return buf.getByte(pos++);
  }

  /** The next byte, left unread. */
  byte peekByte() {
    need(1);
    return buf.getByte(pos);
  }

  long readLong() {
    need(8);
    long v = buf.getLong(pos);
    pos += 8;
    return v;
  }

  /** Reads an unsigned varint of at most 10 bytes. */
  long readVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new WireFormatException("varint longer than 10 bytes");
  }

  long readZigZag() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  /**
   * Reads a count of items each taking at least one byte, so a count beyond the bytes left is
   * refused before anyone allocates an array for it.
   */
  int readCount() {
    long n = readVarLong();
    if (n < 0 || n > remaining()) {
      throw new WireFormatException("count " + n + " beyond the " + remaining() + " bytes left");
    }
    return (int) n;
  }

  byte[] readBytes() {
    int len = readCount();
    byte[] b = new byte[len];
    buf.getBytes(pos, pos + len, b);
    pos += len;
    return b;
  }

  String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  /** The next {@code len} bytes as a copy; for raw RESP payloads. */
  Buffer readBuffer() {
    int len = readCount();
    Buffer b = buf.getBuffer(pos, pos + len);
    pos += len;
    return b;
  }

  private void need(int n) {
    if (end - pos < n) {
      throw new WireFormatException("truncated: needed " + n + " byte(s), " + (end - pos) + " left");
    }
  }
}
