package org.vertxdynomite.handoff;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable, append-only hint log: one log per target under {@code <data_dir>/hints/}, bounded
 * in size, read back in order, trimmed as hints are acknowledged. docs/HANDOFF.md describes the
 * format and the guarantees.
 *
 * <p>Every file operation runs on one thread of the log's own, in the order the calls were made;
 * nothing blocks the caller. Futures complete on the caller's context.
 *
 * <p>Durability: {@link #append} completes once the hint's bytes are written to the file (they are
 * in the operating system's cache: a kill -9 of the JVM loses nothing). The files are forced to the
 * device every {@code hints_fsync_ms} and on {@link #close}: a machine crash or power loss may lose
 * the hints appended in the last interval.
 */
public final class HintLog {

  private static final Logger LOG = Logger.getLogger(HintLog.class.getName());

  /** A blocking step of the log, run on its I/O thread. */
  @FunctionalInterface
  interface IoTask<T> {
    T run(HintStore store) throws IOException;
  }

  private final Vertx vertx;
  private final HintCounters counters;
  private final ExecutorService io;
  private final long maxQueuedBytes;
  /** Bytes of appends handed to the I/O thread and not yet written: bounded by maxQueuedBytes. */
  private final AtomicLong queuedBytes = new AtomicLong();
  private HintStore store; // I/O thread only
  private long fsyncTimer = -1;
  private volatile boolean closed;

  private HintLog(Vertx vertx, HintCounters counters, long maxQueuedBytes) {
    this.vertx = vertx;
    this.counters = counters;
    this.maxQueuedBytes = maxQueuedBytes;
    this.io = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "vertx-dynomite-hints");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens the log in {@code settings.directory()}, finding the hints a previous run left pending. */
  public static Future<HintLog> open(Vertx vertx, HandoffSettings settings) {
    return open(vertx, settings, new HintCounters());
  }

  static Future<HintLog> open(Vertx vertx, HandoffSettings settings, HintCounters counters) {
    return open(vertx, settings, counters, HandoffSettings.DEFAULT_QUEUE_BYTES);
  }

  static Future<HintLog> open(Vertx vertx, HandoffSettings settings, HintCounters counters, long maxQueuedBytes) {
    HintLog log = new HintLog(vertx, counters, maxQueuedBytes);
    return log.call(s -> {
      log.store = HintStore.open(settings, counters);
      return log;
    }).onSuccess(l -> l.fsyncTimer = vertx.setPeriodic(settings.fsyncMs(), id -> l.sync()))
        .onFailure(e -> log.io.shutdown());
  }

  /**
   * Appends a hint after every hint appended before it for the same target. Completes once the
   * bytes reached the operating system; fails with {@link HandoffError#FULL} when the log is at
   * {@code hints_max_bytes}, {@link HandoffError#BUSY} when the appends still waiting for the disk
   * hold {@link HandoffSettings#DEFAULT_QUEUE_BYTES} (memory stays bounded when the disk is slower
   * than the writes), {@link HandoffError#CLOSED} after {@link #close}.
   */
  public Future<Void> append(Hint hint) {
    long size = sizeOf(hint);
    if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
      queuedBytes.addAndGet(-size);
      counters.countRefused();
      return Future.failedFuture(HandoffError.BUSY);
    }
    return this.<Void>call(s -> {
      try {
        s.append(hint);
      } finally {
        queuedBytes.addAndGet(-size);
      }
      return null;
    }).onFailure(e -> {
      if (e == HandoffError.CLOSED) {
        queuedBytes.addAndGet(-size);
      }
    });
  }

  /** The memory a queued hint holds, roughly: its arguments plus a fixed overhead per argument. */
  private static long sizeOf(Hint hint) {
    long size = 64;
    for (int i = 0; i < hint.request().argc(); i++) {
      size += hint.request().arg(i).length + 16;
    }
    return size;
  }

  /** The counts: pending per target, written, replayed, expired, failed, refused, corrupt. */
  public HintStats stats() {
    return counters;
  }

  HintCounters counters() {
    return counters;
  }

  /** Up to {@code maxHints} of the target's pending hints from its cursor, in order (see {@link TargetLog#read}). */
  Future<List<StoredHint>> read(HintTarget target, int maxHints, long maxBytes, long nowMillis) {
    return call(s -> s.read(target, maxHints, maxBytes, nowMillis));
  }

  /** Acknowledges the target's hints before sequence number {@code upTo}. */
  Future<Void> acknowledge(HintTarget target, long upTo) {
    return call(s -> {
      s.acknowledge(target, upTo);
      return null;
    });
  }

  /** Drops expired hints at the head of every log but those of {@code skip}. */
  Future<Void> dropExpired(long nowMillis, Set<HintTarget> skip) {
    return call(s -> {
      s.dropExpired(nowMillis, skip);
      return null;
    });
  }

  /** Forces appended bytes to the device and stores moved cursors now (also done periodically). */
  Future<Void> sync() {
    return this.<Void>call(s -> {
      s.sync();
      return null;
    }).onFailure(e -> LOG.log(Level.WARNING, "hints: sync failed", e));
  }

  /** Forces everything to the device, stores the cursors, closes the files and the I/O thread. */
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    if (fsyncTimer >= 0) {
      vertx.cancelTimer(fsyncTimer);
    }
    Future<Void> done = call(s -> {
      s.close();
      return null;
    });
    closed = true;
    io.shutdown();
    return done;
  }

  <T> Future<T> call(IoTask<T> task) {
    if (closed) {
      return Future.failedFuture(HandoffError.CLOSED);
    }
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    try {
      io.execute(() -> {
        try {
          T result = task.run(store);
          context.runOnContext(v -> promise.complete(result));
        } catch (HandoffError e) {
          context.runOnContext(v -> promise.fail(e));
        } catch (IOException | RuntimeException e) {
          context.runOnContext(v -> promise.fail(HandoffError.io(e.toString())));
        }
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(HandoffError.CLOSED);
    }
    return promise.future();
  }
}
