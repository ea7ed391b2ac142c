package org.vertxdynomite.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One segment file of a target's log, {@code <first sequence number, 20 digits>.hints}: a 4-byte
 * magic {@code VDH1}, then {@link HintCodec} frames, appended only. Used by the log's I/O thread
 * only.
 */
final class Segment implements AutoCloseable {

  static final int HEADER = 4;
  private static final byte[] MAGIC = {'V', 'D', 'H', '1'};
  private static final String SUFFIX = ".hints";

  /** A frame that cannot be read back: torn, damaged, or not a hint. */
  static final class CorruptRecord extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptRecord(String message) {
      super(message, null, false, false);
    }
  }

  final long firstSeq;
  final Path path;
  /** The bytes that hold whole records (the file may be longer only while a torn tail is not yet cut). */
  long size;
  private FileChannel channel;
  private boolean unsynced;

  private Segment(long firstSeq, Path path, long size) {
    this.firstSeq = firstSeq;
    this.path = path;
    this.size = size;
  }

  /** A new, empty segment starting at {@code firstSeq}. */
  static Segment create(Path dir, long firstSeq) throws IOException {
    Segment s = new Segment(firstSeq, dir.resolve(fileName(firstSeq)), 0);
    s.channel = FileChannel.open(s.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    s.write(ByteBuffer.wrap(MAGIC));
    return s;
  }

  /** An existing segment file, as long as the file is. */
  static Segment open(Path path, long firstSeq) throws IOException {
    return new Segment(firstSeq, path, Files.size(path));
  }

  static String fileName(long firstSeq) {
    return String.format("%020d%s", firstSeq, SUFFIX);
  }

  /** The first sequence number a segment file's name gives, or -1 when the file is not a segment. */
  static long firstSeqOf(String fileName) {
    if (!fileName.endsWith(SUFFIX) || fileName.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    String digits = fileName.substring(0, 20);
    return digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(digits) : -1;
  }

  /** Whether the file starts with the magic. */
  boolean headerValid() throws IOException {
    if (size < HEADER) {
      return false;
    }
    ByteBuffer b = ByteBuffer.allocate(HEADER);
    readFully(b, 0);
    return Arrays.equals(b.array(), MAGIC);
  }

  /** Appends a frame; on failure the segment is cut back to where it was, so no partial frame stays. */
  void append(ByteBuffer frame) throws IOException {
    long before = size;
    try {
      write(frame);
    } catch (IOException e) {
      size = before;
      channel().truncate(before);
      throw e;
    }
  }

  private void write(ByteBuffer b) throws IOException {
    FileChannel ch = channel();
    while (b.hasRemaining()) {
      size += ch.write(b, size);
    }
    unsynced = true;
  }

  /**
   * The record at {@code offset}, or {@code null} at the end of the segment.
   *
   * @throws CorruptRecord when the bytes there are not a whole, intact record
   */
  StoredHint readAt(long offset, HintTarget target) throws IOException, CorruptRecord {
    if (offset >= size) {
      return null;
    }
    if (size - offset < HintCodec.FRAME_HEADER) {
      throw new CorruptRecord("torn frame header at " + offset);
    }
    ByteBuffer header = ByteBuffer.allocate(HintCodec.FRAME_HEADER);
    readFully(header, offset);
    int length = header.getInt(0);
    if (length < HintCodec.MIN_BODY || length > size - offset - HintCodec.FRAME_HEADER) {
      throw new CorruptRecord("bad record length " + length + " at " + offset);
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(body, offset + HintCodec.FRAME_HEADER);
    if (HintCodec.crc(body.array(), 0, length) != header.getInt(4)) {
      throw new CorruptRecord("CRC mismatch at " + offset);
    }
    StoredHint hint = HintCodec.decode(target, body.array());
    if (hint == null) {
      throw new CorruptRecord("malformed record at " + offset);
    }
    return hint;
  }

  private void readFully(ByteBuffer b, long position) throws IOException {
    FileChannel ch = channel();
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new IOException("unexpected end of " + path);
      }
    }
  }

  /** Cuts the file to {@code newSize} bytes. */
  void truncate(long newSize) throws IOException {
    channel().truncate(newSize);
    size = newSize;
  }

  /** Forces written bytes to the device, if any were written since the last force. */
  void force() throws IOException {
    if (unsynced && channel != null) {
      channel.force(false);
      unsynced = false;
    }
  }

  private FileChannel channel() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }

  /** Closes the file; a later read or append opens it again. */
  @Override
  public void close() throws IOException {
    if (channel != null) {
      force();
      channel.close();
      channel = null;
    }
  }

  /** Closes and removes the file. */
  void delete() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
    Files.deleteIfExists(path);
  }
}
