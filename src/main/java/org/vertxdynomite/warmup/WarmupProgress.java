package org.vertxdynomite.warmup;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How far a warm-up has got: keys and bytes copied, keys skipped (written here during the warm-up,
 * already present, or read before a FLUSHALL/FLUSHDB applied here), the estimated total, the rate and the time left. Counters are safe from any
 * thread; {@link #snapshot()} reads them at one moment for the log, the admin port and metrics.
 */
public final class WarmupProgress {

  /** What one reading says. Rates are per second since the start; the ETA is -1 when unknown. */
  public record Snapshot(long copiedKeys, long copiedBytes, long skippedWritten, long skippedExisting,
      long skippedFlushed, long scannedKeys, long estimatedKeys, long elapsedMillis) {

    /** Keys copied per second so far. */
    public double keysPerSecond() {
      return elapsedMillis == 0 ? 0 : copiedKeys * 1000.0 / elapsedMillis;
    }

    /** Bytes copied per second so far. */
    public double bytesPerSecond() {
      return elapsedMillis == 0 ? 0 : copiedBytes * 1000.0 / elapsedMillis;
    }

    /** Keys handled: copied or skipped. */
    public long doneKeys() {
      return copiedKeys + skippedWritten + skippedExisting + skippedFlushed;
    }

    /** Done keys over the estimate, 0..100; 100 when nothing is expected. */
    public double percent() {
      return estimatedKeys <= 0 ? 100 : Math.min(100, doneKeys() * 100.0 / estimatedKeys);
    }

    /** Seconds left at the rate so far; -1 when the rate is not known yet. */
    public long etaSeconds() {
      double rate = elapsedMillis == 0 ? 0 : doneKeys() * 1000.0 / elapsedMillis;
      if (rate <= 0) {
        return -1;
      }
      return (long) Math.ceil(Math.max(0, estimatedKeys - doneKeys()) / rate);
    }

    public JsonObject toJson() {
      return new JsonObject()
          .put("copied_keys", copiedKeys)
          .put("copied_bytes", copiedBytes)
          .put("skipped_written_keys", skippedWritten)
          .put("skipped_existing_keys", skippedExisting)
          .put("skipped_flushed_keys", skippedFlushed)
          .put("scanned_keys", scannedKeys)
          .put("estimated_keys", estimatedKeys)
          .put("percent", Math.round(percent() * 10) / 10.0)
          .put("elapsed_ms", elapsedMillis)
          .put("keys_per_second", Math.round(keysPerSecond()))
          .put("bytes_per_second", Math.round(bytesPerSecond()))
          .put("eta_seconds", etaSeconds());
    }

    /** One line for the log. */
    public String describe() {
      return String.format("%d/%d keys (%.1f%%), %d bytes, %d skipped as written here, %d already present, "
          + "%.0f keys/s, %.2f MB/s, ETA %s", copiedKeys, estimatedKeys, percent(), copiedBytes, skippedWritten,
          skippedExisting, keysPerSecond(), bytesPerSecond() / 1e6, etaSeconds() < 0 ? "unknown" : etaSeconds() + " s");
    }
  }

  private final LongSupplier clock;
  private final AtomicLong copiedKeys = new AtomicLong();
  private final AtomicLong copiedBytes = new AtomicLong();
  private final AtomicLong skippedWritten = new AtomicLong();
  private final AtomicLong skippedExisting = new AtomicLong();
  private final AtomicLong skippedFlushed = new AtomicLong();
  private final AtomicLong scannedKeys = new AtomicLong();
  private final AtomicLong estimatedKeys = new AtomicLong();
  private final long startedAt;
  private volatile long endedAt = -1;

  /** Starts now by {@code clock} (milliseconds). */
  public WarmupProgress(LongSupplier clock) {
    this.clock = clock;
    this.startedAt = clock.getAsLong();
  }

  void copied(long bytes) {
    copiedKeys.incrementAndGet();
    copiedBytes.addAndGet(bytes);
  }

  void skippedWritten() {
    skippedWritten.incrementAndGet();
  }

  void skippedFlushed() {
    skippedFlushed.incrementAndGet();
  }

  void skippedExisting() {
    skippedExisting.incrementAndGet();
  }

  void scanned(long keys) {
    scannedKeys.addAndGet(keys);
  }

  void estimate(long keys) {
    estimatedKeys.set(keys);
  }

  /** Stops the clock: later snapshots keep the final figures. */
  void end() {
    endedAt = clock.getAsLong();
  }

  public Snapshot snapshot() {
    long now = endedAt >= 0 ? endedAt : clock.getAsLong();
    return new Snapshot(copiedKeys.get(), copiedBytes.get(), skippedWritten.get(), skippedExisting.get(),
        skippedFlushed.get(),
        scannedKeys.get(), estimatedKeys.get(), Math.max(0, now - startedAt));
  }
}
