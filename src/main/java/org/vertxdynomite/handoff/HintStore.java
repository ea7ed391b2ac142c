package org.vertxdynomite.handoff;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every target's log under one directory, within one size bound. Blocking and not thread-safe:
 * {@link HintLog} runs it on its own I/O thread; tests call it directly.
 */
final class HintStore implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HintStore.class.getName());

  private final Path root;
  private final long maxBytes;
  private final int segmentBytes;
  private final HintCounters counters;
  private final Map<HintTarget, TargetLog> targets = new HashMap<>();

  private HintStore(Path root, long maxBytes, int segmentBytes, HintCounters counters) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.counters = counters;
  }

  /** Opens (creating if need be) the log in {@code settings.directory()}, finding every target's pending hints. */
  static HintStore open(HandoffSettings settings, HintCounters counters) throws IOException {
    HintStore store = new HintStore(settings.directory(), settings.maxBytes(), settings.segmentBytes(), counters);
    Files.createDirectories(store.root);
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(store.root, Files::isDirectory)) {
      for (Path dir : dirs) {
        Optional<HintTarget> target = HintTarget.fromDirectoryName(dir.getFileName().toString());
        if (target.isEmpty()) {
          LOG.warning(() -> "hints: ignoring " + dir + ", which is not a target's directory");
          continue;
        }
        store.targets.put(target.get(), TargetLog.open(dir, target.get(), counters));
        store.settle(store.targets.get(target.get()));
      }
    }
    return store;
  }

  /**
   * Appends {@code hint} to its target's log, after every hint appended before; the bytes have
   * reached the operating system when this returns.
   *
   * @throws HandoffError {@link HandoffError#FULL} when it would take the log past its bound
   */
  void append(Hint hint) throws IOException {
    TargetLog log = targets.get(hint.target());
    int frameSize = HintCodec.frameSize(hint);
    long cost = log == null ? frameSize + Segment.HEADER : log.appendCost(frameSize, segmentBytes);
    if (bytes() + cost > maxBytes) {
      counters.countRefused();
      throw HandoffError.FULL;
    }
    if (log == null) {
      log = TargetLog.create(root, hint.target(), counters);
      targets.put(hint.target(), log);
    }
    log.append(hint, segmentBytes);
    counters.countWritten();
    counters.setPending(log.target, log.pending());
  }

  /** Up to {@code maxHints} (and about {@code maxBytes}) of the target's pending hints, in order; see {@link TargetLog#read}. */
  List<StoredHint> read(HintTarget target, int maxHints, long maxBytes, long nowMillis) throws IOException {
    TargetLog log = targets.get(target);
    if (log == null) {
      return List.of();
    }
    List<StoredHint> hints = log.read(maxHints, maxBytes, nowMillis);
    settle(log);
    return hints;
  }

  /** Acknowledges the target's hints before sequence number {@code upTo}. */
  void acknowledge(HintTarget target, long upTo) throws IOException {
    TargetLog log = targets.get(target);
    if (log != null) {
      log.acknowledge(upTo);
      settle(log);
    }
  }

  /** Drops the expired hints at the head of the logs of every target but those in {@code skip} (being replayed). */
  void dropExpired(long nowMillis, Set<HintTarget> skip) throws IOException {
    for (TargetLog log : List.copyOf(targets.values())) {
      if (!skip.contains(log.target)) {
        log.read(0, Long.MAX_VALUE, nowMillis);
        settle(log);
      }
    }
  }

  /** The targets with pending hints. */
  Set<HintTarget> targets() {
    return Set.copyOf(targets.keySet());
  }

  long pending(HintTarget target) {
    TargetLog log = targets.get(target);
    return log == null ? 0 : log.pending();
  }

  /** The bytes of every segment file together. */
  long bytes() {
    long sum = 0;
    for (TargetLog log : targets.values()) {
      sum += log.bytes();
    }
    return sum;
  }

  /** Forces appended bytes to the device and stores the cursors that moved. */
  void sync() throws IOException {
    for (TargetLog log : targets.values()) {
      log.sync();
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (TargetLog log : targets.values()) {
      try {
        log.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    targets.clear();
    if (first != null) {
      throw first;
    }
  }

  // Publishes the target's pending count; a log with nothing left goes, directory and all.
  private void settle(TargetLog log) throws IOException {
    counters.setPending(log.target, log.pending());
    if (log.empty()) {
      targets.remove(log.target);
      log.deleteDirectory();
    }
  }
}
