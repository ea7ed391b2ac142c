package org.vertxdynomite.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * One target's log: its segments in order, the next sequence number to give, and the cursor (the
 * first hint not yet acknowledged). Hints {@code cursor .. nextSeq-1} are pending. Used by the
 * log's I/O thread only.
 *
 * <p>A read remembers where it stopped, so the next read from the same place continues there
 * instead of scanning the segment again; a read from anywhere else (after a failed delivery)
 * scans from the start of the cursor's segment, at most one segment's bytes.
 */
final class TargetLog {

  private static final Logger LOG = Logger.getLogger(TargetLog.class.getName());

  final HintTarget target;
  final Path dir;
  private final HintCounters counters;
  private final List<Segment> segments = new ArrayList<>();
  private long cursor;
  private long nextSeq;
  private boolean cursorDirty;
  /** False once the last segment was found damaged: the next append starts a new one. */
  private boolean tailWritable = true;
  private long bytes;
  private Segment readSegment;
  private long readOffset;
  private long readSeq = -1;

  private TargetLog(HintTarget target, Path dir, HintCounters counters) {
    this.target = target;
    this.dir = dir;
    this.counters = counters;
  }

  /** A log with no hints, in a directory created if need be. */
  static TargetLog create(Path root, HintTarget target, HintCounters counters) throws IOException {
    Path dir = root.resolve(target.directoryName());
    Files.createDirectories(dir);
    return new TargetLog(target, dir, counters);
  }

  /**
   * The log in {@code dir}, as a previous run left it. A torn or damaged tail of the last segment
   * is cut off (logged once); a segment without a valid header is removed.
   */
  static TargetLog open(Path dir, HintTarget target, HintCounters counters) throws IOException {
    TargetLog log = new TargetLog(target, dir, counters);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        long first = Segment.firstSeqOf(f.getFileName().toString());
        if (first >= 0) {
          log.segments.add(Segment.open(f, first));
        }
      }
    }
    log.segments.sort(Comparator.comparingLong(s -> s.firstSeq));
    long persisted = CursorFile.read(dir);
    log.dropSegmentsWithoutHeader();
    log.nextSeq = log.segments.isEmpty() ? Math.max(persisted, 0) : log.scanTail();
    long first = log.segments.isEmpty() ? log.nextSeq : log.segments.get(0).firstSeq;
    log.cursor = Math.min(Math.max(persisted, first), log.nextSeq);
    log.bytes = log.segments.stream().mapToLong(s -> s.size).sum();
    log.deleteAcknowledgedSegments();
    return log;
  }

  private void dropSegmentsWithoutHeader() throws IOException {
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (!s.headerValid()) {
        boolean last = i == segments.size() - 1;
        long lost = last ? 0 : segments.get(i + 1).firstSeq - s.firstSeq;
        LOG.warning(() -> "hints for " + target + ": " + s.path.getFileName() + " has no valid header; removed ("
            + (last ? "an unfinished segment" : lost + " hints lost") + ")");
        counters.countCorrupt(lost);
        s.delete();
        segments.remove(i--);
      }
    }
  }

  // Finds the last segment's last whole record and cuts what follows; returns the next sequence number.
  private long scanTail() throws IOException {
    Segment tail = segments.get(segments.size() - 1);
    long offset = Segment.HEADER;
    long seq = tail.firstSeq;
    String problem = null;
    while (problem == null) {
      try {
        StoredHint h = tail.readAt(offset, target);
        if (h == null) {
          break;
        }
        if (h.seq() != seq) {
          problem = "sequence " + h.seq() + " where " + seq + " was expected at " + offset;
        } else {
          offset += h.frameBytes();
          seq++;
        }
      } catch (Segment.CorruptRecord e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      long cut = tail.size - offset;
      long kept = seq - tail.firstSeq;
      String why = problem;
      LOG.warning(() -> "hints for " + target + ": " + tail.path.getFileName() + " ends in an incomplete or damaged"
          + " record (" + why + "); cut " + cut + " bytes, kept " + kept + " hints");
      tail.truncate(offset);
    }
    return seq;
  }

  long pending() {
    return nextSeq - cursor;
  }

  long bytes() {
    return bytes;
  }

  /** Whether the log holds nothing, pending or not: its directory can go. */
  boolean empty() {
    return segments.isEmpty() && pending() == 0;
  }

  /** The bytes appending a frame of {@code frameSize} adds: the frame, and a header if a segment starts. */
  long appendCost(int frameSize, int segmentBytes) {
    return frameSize + (needsNewSegment(frameSize, segmentBytes) ? Segment.HEADER : 0);
  }

  private boolean needsNewSegment(int frameSize, int segmentBytes) {
    Segment tail = segments.isEmpty() ? null : segments.get(segments.size() - 1);
    return tail == null || !tailWritable || tail.size > Segment.HEADER && tail.size + frameSize > segmentBytes;
  }

  /** Appends {@code hint} after every hint before it; returns its sequence number. */
  long append(Hint hint, int segmentBytes) throws IOException {
    ByteBuffer frame = HintCodec.frame(nextSeq, hint);
    if (needsNewSegment(frame.remaining(), segmentBytes)) {
      Segment s = Segment.create(dir, nextSeq);
      segments.add(s);
      tailWritable = true;
      bytes += Segment.HEADER;
    }
    Segment tail = segments.get(segments.size() - 1);
    int size = frame.remaining();
    tail.append(frame);
    bytes += size;
    return nextSeq++;
  }

  /**
   * Up to {@code maxHints} pending hints from the cursor, in order, stopping once {@code maxBytes}
   * are reached (at least one hint is returned if any is pending). Expired hints at the cursor are
   * dropped (the cursor moves past them) and counted; an expired hint after live ones ends the
   * batch, so it is dropped by the next read. With {@code maxHints} 0 it only drops. A damaged record is logged and the rest of its
   * segment is dropped and counted as corrupt.
   */
  List<StoredHint> read(int maxHints, long maxBytes, long nowMillis) throws IOException {
    List<StoredHint> out = new ArrayList<>();
    long outBytes = 0;
    long before = cursor;
    boolean cached = readSeq == cursor && segments.contains(readSegment);
    Segment seg = cached ? readSegment : segmentFor(cursor);
    long offset = cached ? readOffset : Segment.HEADER;
    long seq = cached ? readSeq : seg == null ? cursor : seg.firstSeq;
    while (seg != null && outBytes < maxBytes) {
      StoredHint h;
      try {
        h = seg.readAt(offset, target);
        if (h != null && h.seq() != seq) {
          throw new Segment.CorruptRecord("sequence " + h.seq() + " where " + seq + " was expected at " + offset);
        }
      } catch (Segment.CorruptRecord e) {
        if (!out.isEmpty()) {
          break; // deliver what was read; the next read meets the damage at the cursor
        }
        dropRestOf(seg, e.getMessage());
        seg = segmentFor(cursor);
        offset = Segment.HEADER;
        seq = seg == null ? cursor : seg.firstSeq;
        continue;
      }
      if (h == null) {
        Segment next = segmentAfter(seg);
        if (next == null) {
          break; // stay at the end of the last segment: later appends continue from here
        }
        seg = next;
        offset = Segment.HEADER;
        seq = next.firstSeq;
        continue;
      }
      if (h.seq() >= cursor && h.hint().expiredAt(nowMillis)) {
        if (!out.isEmpty()) {
          break;
        }
        counters.countExpired(1);
        cursor = h.seq() + 1;
      } else if (h.seq() >= cursor) {
        if (out.size() >= maxHints) {
          break; // stay at this hint: the next read starts with it
        }
        out.add(h);
        outBytes += h.frameBytes();
      }
      offset += h.frameBytes();
      seq++;
    }
    readSegment = seg;
    readOffset = offset;
    readSeq = seq;
    if (cursor != before) {
      cursorDirty = true;
      deleteAcknowledgedSegments();
    }
    return out;
  }

  // The records from the cursor to the end of seg cannot be read: skip them, and write no more into seg.
  private void dropRestOf(Segment seg, String problem) throws IOException {
    long end = endSeqOf(seg);
    long lost = end - cursor;
    LOG.warning(() -> "hints for " + target + ": damaged record in " + seg.path.getFileName() + " (" + problem
        + "); dropped " + lost + " hints");
    counters.countCorrupt(lost);
    if (seg == segments.get(segments.size() - 1)) {
      tailWritable = false;
    }
    cursor = end;
    cursorDirty = true;
    deleteAcknowledgedSegments();
  }

  /** Acknowledges every hint before {@code upTo}: they are not read again, and a segment of only those goes. */
  void acknowledge(long upTo) throws IOException {
    long to = Math.min(upTo, nextSeq);
    if (to > cursor) {
      cursor = to;
      cursorDirty = true;
      deleteAcknowledgedSegments();
    }
  }

  private void deleteAcknowledgedSegments() throws IOException {
    boolean deleted = false;
    while (!segments.isEmpty() && endSeqOf(segments.get(0)) <= cursor) {
      Segment s = segments.remove(0);
      bytes -= s.size;
      s.delete();
      deleted = true;
    }
    if (deleted) {
      // So a restart does not replay what the deleted segments held acknowledged after them.
      persistCursor();
    }
  }

  /** Forces appended bytes to the device and stores the cursor if it moved. */
  void sync() throws IOException {
    for (Segment s : segments) {
      s.force();
    }
    if (cursorDirty) {
      persistCursor();
    }
  }

  private void persistCursor() throws IOException {
    CursorFile.write(dir, cursor);
    cursorDirty = false;
  }

  /** Forces, stores the cursor and closes the files. */
  void close() throws IOException {
    sync();
    for (Segment s : segments) {
      s.close();
    }
  }

  /** Removes the directory of an {@link #empty()} log. */
  void deleteDirectory() throws IOException {
    CursorFile.delete(dir);
    Files.deleteIfExists(dir);
  }

  private Segment segmentFor(long seq) {
    Segment found = null;
    for (Segment s : segments) {
      if (s.firstSeq > seq) {
        break;
      }
      found = s;
    }
    return found;
  }

  private Segment segmentAfter(Segment seg) {
    int i = segments.indexOf(seg);
    return i >= 0 && i + 1 < segments.size() ? segments.get(i + 1) : null;
  }

  private long endSeqOf(Segment seg) {
    Segment next = segmentAfter(seg);
    return next == null ? nextSeq : next.firstSeq;
  }
}
