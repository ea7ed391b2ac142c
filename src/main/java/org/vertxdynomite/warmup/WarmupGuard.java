package org.vertxdynomite.warmup;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What keeps a warm-up from losing or undoing a write: while it is {@linkplain #activate() active},
 * every key a write is applied to is recorded, and a streamed copy of a key recorded as written by a
 * whole-value write (SET, DEL…) is skipped. Copies are restored without REPLACE besides, so an
 * existing key always wins; the record is what keeps a key <em>deleted</em> during warm-up from
 * coming back.
 *
 * <p>A key that got only <em>merging</em> writes here (RPUSH, HSET, EXPIRE…) holds their effect on
 * an empty key, not on the key's older content: its copy is still wanted, and a claim for it is a
 * {@linkplain Claim#replace() replacing} one — the copy replaces the key when it holds those writes
 * (the caller checks that with the write fence) and is otherwise tried again later.
 *
 * <p>The one race left — a write arriving while the copy of its key is being restored — is closed
 * by making that write wait for the restore: {@link #claim} marks a key as being restored, and
 * {@link #beforeWrite} of a write to it completes only when {@link Claim#release} says the restore
 * is done, so the write lands on top of the copy, as it would have on a replica. Later writes to the
 * same key wait for the same restore, in the order they came, so they stay in order.
 *
 * <p>A FLUSHALL or FLUSHDB applied during the warm-up erases what the copies read before it hold:
 * the guard follows the timestamp of the newest flush started here ({@link #followFlushes}), and
 * refuses a claim for a copy whose donor had not applied that flush before reading it ({@link
 * #claim(byte[], long)}); the flush itself waits for the restores already claimed ({@link
 * #beforeFlush}), so no older copy lands after it.
 *
 * <p>Safe from any thread. Memory: one entry per key written during warm-up, dropped when the
 * guard is {@linkplain #deactivate() deactivated}.
 */
public final class WarmupGuard {

  /**
   * A key written during warm-up whose copy, if any is being restored, is {@code restore}; {@code
   * merged} when every write to it here merged into its value.
   */
  private record Written(Future<Void> restore, boolean merged) {}

  /** A key whose copy is being restored now, replacing the key when {@code replace}. */
  private record Restoring(Promise<Void> done, boolean replace) {}

  private static final Written WRITTEN = new Written(Future.succeededFuture(), false);
  private static final Written MERGED = new Written(Future.succeededFuture(), true);

  private final ConcurrentHashMap<String, Object> keys = new ConcurrentHashMap<>();
  private volatile boolean active;
  private volatile LongSupplier flushStartedAt = () -> 0;
  /** The newest flush when the guard was activated: only newer ones concern this warm-up. */
  private volatile long flushBaseline;

  /**
   * Follows this node's flushes: {@code flushStartedAt} gives the timestamp of the newest
   * FLUSHALL/FLUSHDB that started here (0 for none), set before the flush runs.
   */
  public void followFlushes(LongSupplier flushStartedAt) {
    this.flushStartedAt = flushStartedAt;
  }

  /** Starts recording writes. Keys recorded by an earlier, failed warm-up are kept. */
  public synchronized void activate() {
    if (!active) {
      flushBaseline = flushStartedAt.getAsLong();
    }
    active = true;
  }

  /** Stops recording and forgets every key: the warm-up is over. */
  public void deactivate() {
    active = false;
    keys.clear();
  }

  public boolean active() {
    return active;
  }

  /** How many keys are recorded as written during the warm-up. */
  public int writtenKeys() {
    return (int) keys.values().stream().filter(v -> v instanceof Written).count();
  }

  /**
   * Records that a write is about to be applied to {@code keys}; the write must wait for the
   * returned future, which completes at once unless a copy of one of the keys is being restored.
   * The write is taken for a whole-value one.
   */
  public Future<Void> beforeWrite(List<byte[]> writeKeys) {
    return beforeWrite(writeKeys, true);
  }

  /**
   * {@link #beforeWrite(List)} for a write that replaces each key's whole value ({@code overwrites})
   * or merges into it.
   */
  public Future<Void> beforeWrite(List<byte[]> writeKeys, boolean overwrites) {
    if (!active) {
      return Future.succeededFuture();
    }
    List<Future<Void>> waits = null;
    for (byte[] k : writeKeys) {
      Object now = keys.compute(name(k), (name, v) -> recorded(v, overwrites));
      Future<Void> restore = ((Written) now).restore();
      if (!restore.isComplete()) {
        if (waits == null) {
          waits = new ArrayList<>();
        }
        waits.add(restore);
      }
    }
    if (waits == null) {
      return Future.succeededFuture();
    }
    // A failed restore is no reason to fail the write: wait for the outcome, whatever it is.
    return Future.join(waits).transform(ar -> Future.<Void>succeededFuture());
  }

  /** What a key recorded as {@code v} (null: nothing) is once a write reaches it. */
  private static Written recorded(Object v, boolean overwrites) {
    if (v instanceof Restoring r) {
      return new Written(r.done().future(), !overwrites);
    }
    if (v instanceof Written w) {
      return overwrites && w.merged() ? new Written(w.restore(), false) : w;
    }
    return overwrites ? WRITTEN : MERGED;
  }

  /**
   * Claims {@code key} for restoring a streamed copy: null when a whole-value write reached it during
   * the warm-up (skip the copy), otherwise the claim to {@linkplain Claim#release() release} once the
   * restore is done.
   */
  public Claim claim(byte[] key) {
    return claim(key, Long.MAX_VALUE);
  }

  /**
   * {@link #claim(byte[])} for a copy read at a donor that had applied the flushes up to {@code
   * donorFlushedAt}: null as well when a newer flush started here during the warm-up ({@link
   * #flushedSince}).
   */
  public synchronized Claim claim(byte[] key, long donorFlushedAt) {
    if (flushedSince(donorFlushedAt)) {
      return null;
    }
    String name = name(key);
    Object v = keys.get(name);
    if (v == null) {
      Restoring r = new Restoring(Promise.promise(), false);
      return keys.putIfAbsent(name, r) == null ? new Claim(name, r) : null;
    }
    if (v instanceof Written w && w.merged() && w.restore().isComplete()) {
      Restoring r = new Restoring(Promise.promise(), true);
      return keys.replace(name, v, r) ? new Claim(name, r) : null;
    }
    return null;
  }

  /**
   * Whether a FLUSHALL/FLUSHDB newer than {@code donorFlushedAt} started here since the guard was
   * activated: a copy read at a donor that had applied flushes only up to {@code donorFlushedAt}
   * may hold data that flush erased.
   */
  public boolean flushedSince(long donorFlushedAt) {
    long f = flushStartedAt.getAsLong();
    return f > flushBaseline && donorFlushedAt < f;
  }

  /**
   * A FLUSHALL or FLUSHDB is about to run (its start already reported to {@link #followFlushes}'s
   * supplier): completes when every restore claimed before it is done, so none lands after it.
   * Claims taken from now on see the flush and are refused for older copies.
   */
  public Future<Void> beforeFlush() {
    List<Future<Void>> restores = new ArrayList<>();
    synchronized (this) {
      for (Object v : keys.values()) {
        if (v instanceof Restoring r) {
          restores.add(r.done().future());
        } else if (v instanceof Written w && !w.restore().isComplete()) {
          restores.add(w.restore());
        }
      }
    }
    return restores.isEmpty() ? Future.succeededFuture()
        : Future.join(restores).transform(ar -> Future.<Void>succeededFuture());
  }

  /** The right to restore one key's copy, from {@link #claim}. */
  public final class Claim {

    private final String name;
    private final Restoring restoring;

    private Claim(String name, Restoring restoring) {
      this.name = name;
      this.restoring = restoring;
    }

    /**
     * Whether the copy must replace the key: merging writes reached it here, so it exists; the copy
     * may replace it only if it holds those writes.
     */
    public boolean replace() {
      return restoring.replace();
    }

    /** {@link #release(boolean) release(true)}. */
    public void release() {
      release(true);
    }

    /**
     * Ends the restore: the key is no longer marked (unless a write came meanwhile, which keeps it
     * recorded, or a replacing copy was not {@code restored}, which leaves it merged as before), and
     * the writes that waited for the restore go ahead.
     */
    public void release(boolean restored) {
      if (restoring.replace() && !restored) {
        keys.replace(name, restoring, MERGED);
      } else {
        keys.remove(name, restoring);
      }
      restoring.done().tryComplete();
    }
  }

  private static String name(byte[] key) {
    return new String(key, StandardCharsets.ISO_8859_1);
  }
}
