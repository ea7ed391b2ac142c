package org.vertxdynomite.handoff;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.vertxdynomite.resp.RespRequest;

/**
 * The log's record format. A record is a frame: body length (int), CRC32 of the body (int), body.
 * The body: format version (byte, 1), kind code (byte), sequence number, timestamp, expiry, order
 * key (longs), argument count (int), then each argument as length (int) and bytes. Big-endian.
 *
 * <p>The target is not in the record: it is the directory the segment lives in.
 */
final class HintCodec {

  /** Bytes before the body: length and CRC. */
  static final int FRAME_HEADER = 8;
  static final byte VERSION = 1;
  /** The smallest body: version, kind, four longs, argc, one empty argument. */
  static final int MIN_BODY = 1 + 1 + 4 * 8 + 4 + 4;

  private HintCodec() {}

  /** The frame's size in bytes. */
  static int frameSize(Hint hint) {
    long n = FRAME_HEADER + MIN_BODY - 4;
    RespRequest r = hint.request();
    for (int i = 0; i < r.argc(); i++) {
      n += 4 + r.arg(i).length;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("hint too large: " + n + " bytes");
    }
    return (int) n;
  }

  /** The whole frame for {@code hint} with sequence number {@code seq}, ready to write. */
  static ByteBuffer frame(long seq, Hint hint) {
    int size = frameSize(hint);
    ByteBuffer b = ByteBuffer.allocate(size);
    b.position(FRAME_HEADER);
    b.put(VERSION).put(hint.kind().code()).putLong(seq).putLong(hint.timestamp()).putLong(hint.expiresAtMillis())
        .putLong(hint.orderKey());
    RespRequest r = hint.request();
    b.putInt(r.argc());
    for (int i = 0; i < r.argc(); i++) {
      b.putInt(r.arg(i).length).put(r.arg(i));
    }
    b.putInt(0, size - FRAME_HEADER).putInt(4, crc(b.array(), FRAME_HEADER, size - FRAME_HEADER));
    return b.rewind();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Decodes a body whose CRC has been checked. Returns {@code null} when the body does not hold
   * a well-formed hint (a record written by another format version, or damage the CRC missed).
   */
  static StoredHint decode(HintTarget target, byte[] body) {
    ByteBuffer b = ByteBuffer.wrap(body);
    if (body.length < MIN_BODY || b.get() != VERSION) {
      return null;
    }
    HintKind kind = HintKind.fromCode(b.get());
    long seq = b.getLong();
    long timestamp = b.getLong();
    long expires = b.getLong();
    long orderKey = b.getLong();
    int argc = b.getInt();
    if (kind == null || argc < 1 || argc > b.remaining() / 4) {
      return null;
    }
    byte[][] args = new byte[argc][];
    for (int i = 0; i < argc; i++) {
      int len = b.remaining() >= 4 ? b.getInt() : -1;
      if (len < 0 || len > b.remaining()) {
        return null;
      }
      args[i] = new byte[len];
      b.get(args[i]);
    }
    if (b.hasRemaining()) {
      return null;
    }
    return new StoredHint(seq, new Hint(target, kind, timestamp, expires, orderKey, new RespRequest(args)),
        FRAME_HEADER + body.length);
  }
}
