package org.vertxdynomite.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A target's acknowledgement cursor, the file {@code cursor} in its directory: the sequence number
 * of the first hint not yet acknowledged (8 bytes) and a CRC32 of it (4 bytes). Replaced whole
 * (written to {@code cursor.tmp}, then renamed over), so a crash leaves the old or the new value.
 */
final class CursorFile {

  static final String NAME = "cursor";
  private static final String TMP = "cursor.tmp";

  private CursorFile() {}

  /** The stored cursor, or -1 when there is none or it is damaged (the log then starts at its first hint). */
  static long read(Path dir) throws IOException {
    byte[] b;
    try {
      b = Files.readAllBytes(dir.resolve(NAME));
    } catch (NoSuchFileException e) {
      return -1;
    }
    if (b.length != 12 || HintCodec.crc(b, 0, 8) != ByteBuffer.wrap(b).getInt(8)) {
      return -1;
    }
    long seq = ByteBuffer.wrap(b).getLong(0);
    return seq < 0 ? -1 : seq;
  }

  static void write(Path dir, long seq) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(12).putLong(0, seq);
    b.putInt(8, HintCodec.crc(b.array(), 0, 8));
    Path tmp = dir.resolve(TMP);
    Files.write(tmp, b.array());
    Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(TMP));
    Files.deleteIfExists(dir.resolve(NAME));
  }
}
