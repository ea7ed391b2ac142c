package org.vertxdynomite.replication;

import java.util.function.IntConsumer;

/**
 * Last-write-wins for one node's datastore: it remembers, per key, the timestamp of the newest
 * write applied here and of the newest write that replaced the key's whole value (SET, DEL…, see
 * {@link LateWrites}), and voids a write that comes later than it should: one older than the key's
 * newest whole-value write (its effect would have been erased by that write anyway), one older than
 * the last FLUSHALL, and a replayed hint carrying exactly the key's newest timestamp (the same
 * write, already applied).
 *
 * <p>So replicas converge whatever order writes arrive in: two SETs of one key from two
 * coordinators end as the newer one everywhere, a hint replayed after the owner took newer writes
 * does not undo them, and a late DEL does not remove a newer value (nor a late write resurrect a
 * deleted one). Writes that merge into a value (LPUSH, SADD, HINCRBY…) are applied when they are
 * not older than the key's newest whole-value write, even when they arrive out of order: their
 * effects are kept, their order among themselves may differ between replicas.
 *
 * <p>Memory is bounded: a table of {@code slots} entries (a 64-bit fingerprint and a few timestamps
 * each) in sets of four, the set chosen by the key's hash. A key new to a full set takes the place
 * of the entry whose newest write is oldest, which is forgotten, and its next write is applied; how
 * long a key is remembered therefore depends on the write rate (about {@code slots} writes to
 * other keys), not on which keys happen to share a hash (a direct-mapped table forgot a key as soon
 * as any other key of its slot was written: in a fault run that let a late hint undo a newer
 * write). Writes without a timestamp (0) are applied and not remembered. Safe from any thread
 * (striped locks).
 *
 * <p>Warm-up: a key restored from a donor's copy is marked {@linkplain #copied copied up to} the
 * donor's newest write timestamp for it, and a replayed hint not newer than that is void too — the
 * copy already holds its effect. The mark's table is allocated on the first copy only.
 */
public final class WriteFence {

  /** Default number of slots: 2^18, 6 MiB. */
  public static final int DEFAULT_SLOTS = 1 << 18;

  private static final int STRIPES = 64;
  /** Entries per set. */
  private static final int WAYS = 4;

  private final int mask;
  private final int ways;
  private final int setMask;
  /** Per set, the newest write of any entry it forgot: every forgotten key's writes are older. */
  private final long[] evictedUpTo;
  private final long[] fingerprints;
  private final long[] newest;
  private final long[] newestOverwrite;
  /** The newest write of the slot's key its datastore confirmed applied (see {@link #confirmed}). */
  private final long[] applied;
  /** Wall-clock ms this node last admitted a write of the slot's key (it may not be applied yet). */
  private final long[] touchedAt;
  private final Object[] locks = new Object[STRIPES];
  private volatile long flushedAt;
  /** A timestamp of this fence's creation: every write it never saw of a key it has no slot for is older. */
  private final long startedAt = System.currentTimeMillis() << HybridClock.LOGICAL_BITS;
  private volatile long flushStartedAt;
  /** Per slot, the newest timestamp a restored copy of the slot's key holds; null until a copy. */
  private volatile long[] copiedUpTo;
  private long voided;

  /** A fence of {@code slots} entries, rounded up to a power of two. */
  public WriteFence(int slots) {
    if (slots < 1 || slots > 1 << 28) {
      throw new IllegalArgumentException("slots must be in 1.." + (1 << 28) + ": " + slots);
    }
    int n = Integer.highestOneBit(slots - 1) << 1;
    n = slots == 1 ? 1 : n;
    mask = n - 1;
    ways = Math.min(WAYS, n);
    setMask = n / ways - 1;
    evictedUpTo = new long[n / ways];
    fingerprints = new long[n];
    newest = new long[n];
    newestOverwrite = new long[n];
    touchedAt = new long[n];
    applied = new long[n];
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Number of slots. */
  public int slots() {
    return mask + 1;
  }

  /**
   * Whether a write stamped {@code timestamp} to {@code keys} must not be applied: it is void for
   * every one of its keys (see the class description). Call {@link #applied} once it has been.
   *
   * @param replayed whether it is a replayed hint (a duplicate of the newest write is void)
   */
  public boolean isLate(byte[][] keys, long timestamp, boolean replayed) {
    if (timestamp <= 0) {
      return false;
    }
    if (timestamp < flushedAt) {
      countVoided();
      return true;
    }
    for (byte[] key : keys) {
      if (!isVoid(hash(key), timestamp, replayed)) {
        return false;
      }
    }
    countVoided();
    return true;
  }

  /**
   * Remembers that a write stamped {@code timestamp} to {@code keys} was applied; only then, so a
   * write whose datastore failed is not taken for applied when its hint comes back.
   *
   * @param overwrites whether the write replaced each key's whole value
   */
  public void applied(byte[][] keys, long timestamp, boolean overwrites) {
    if (timestamp <= 0) {
      return;
    }
    for (byte[] key : keys) {
      record(hash(key), timestamp, overwrites);
    }
  }

  /**
   * The write stamped {@code timestamp} that {@link #admit} took in could not be applied (its
   * datastore failed): it no longer counts as the keys' newest write, so its hint, replayed
   * later, is not taken for a duplicate. Older writes stay void: the hint will supersede them.
   */
  public void notApplied(byte[][] keys, long timestamp) {
    if (timestamp <= 0) {
      return;
    }
    eachRemembered(keys, slot -> {
      if (newest[slot] == timestamp) {
        newest[slot] = timestamp - 1;
      }
    });
  }

  /**
   * {@link #isLate} then, when not late, {@link #applied}, in one step, so that of two writes to a
   * key racing to the datastore the older one is voided here rather than applied after the newer.
   */
  public boolean admit(byte[][] keys, long timestamp, boolean overwrites, boolean replayed) {
    if (keys.length != 1 || timestamp <= 0 || timestamp < flushedAt) {
      if (isLate(keys, timestamp, replayed)) {
        return false;
      }
      applied(keys, timestamp, overwrites);
      return true;
    }
    // One key (nearly every write): checked and recorded under one lock, with one hash.
    long h = hash(keys[0]);
    synchronized (lockFor(h)) {
      if (!isVoidLocked(h, timestamp, replayed)) {
        recordLocked(h, timestamp, overwrites);
        return true;
      }
    }
    countVoided();
    return false;
  }

  /**
   * What this node remembers of {@code key}: its newest write and newest whole-value write
   * timestamps, both 0 when it remembers nothing.
   */
  public Remembered remembered(byte[] key) {
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      return slot >= 0 ? new Remembered(newest[slot], newestOverwrite[slot]) : Remembered.NOTHING;
    }
  }

  /**
   * What a node's fence remembers of one key.
   *
   * @param newest the newest write applied
   * @param newestOverwrite the newest whole-value write applied
   */
  public record Remembered(long newest, long newestOverwrite) {
    /** Nothing remembered. */
    public static final Remembered NOTHING = new Remembered(0, 0);
  }

  /**
   * {@code key} is being restored from a copy that holds every write the donor applied up to
   * {@code containsUpTo}: a replayed hint to it not newer than that is void from now on.
   */
  public void copied(byte[] key, long containsUpTo) {
    if (containsUpTo <= 0) {
      return;
    }
    long[] marks = copiedUpTo;
    if (marks == null) {
      synchronized (this) {
        marks = copiedUpTo;
        if (marks == null) {
          marks = new long[mask + 1];
          copiedUpTo = marks;
        }
      }
    }
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      if (slot < 0) {
        slot = claim(h);
      }
      touchedAt[slot] = System.currentTimeMillis();
      marks[slot] = Math.max(marks[slot], containsUpTo);
    }
  }

  /** The copy {@link #copied} announced was not restored after all: the mark goes. */
  public void notCopied(byte[] key, long containsUpTo) {
    long[] marks = copiedUpTo;
    if (marks == null || containsUpTo <= 0) {
      return;
    }
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      if (slot >= 0 && marks[slot] == containsUpTo) {
        marks[slot] = 0;
      }
    }
  }

  /**
   * A FLUSHALL or FLUSHDB stamped {@code timestamp} is about to be applied (what {@link
   * #flushStartedAt} reports; voiding starts only once it is {@link #flushed}).
   */
  public void flushStarting(long timestamp) {
    synchronized (locks[0]) {
      if (timestamp > flushStartedAt) {
        flushStartedAt = timestamp;
      }
    }
  }

  /** The timestamp of the newest FLUSHALL/FLUSHDB that started here, 0 if none. */
  public long flushStartedAt() {
    return flushStartedAt;
  }

  /** The timestamp of the newest FLUSHALL/FLUSHDB applied here, 0 if none. */
  public long flushedAt() {
    return flushedAt;
  }

  /** A FLUSHALL or FLUSHDB stamped {@code timestamp} was applied: older writes are void. */
  public void flushed(long timestamp) {
    synchronized (locks[0]) {
      if (timestamp > flushedAt) {
        flushedAt = timestamp;
      }
    }
  }

  /** The newest write to {@code key} applied here, 0 when the fence does not remember one. */
  public long newest(byte[] key) {
    return lookup(key, false);
  }

  /** The newest whole-value write (or delete) of {@code key} applied here, 0 when not remembered. */
  public long newestOverwrite(byte[] key) {
    return lookup(key, true);
  }

  /**
   * For a key the fence does not remember ({@link #newest} 0): a timestamp every write to it
   * applied here is older than — when it was applied before this fence existed (the node
   * restarted), the fence's start; when it was forgotten since to make room for another key, the
   * newest write of any entry its set forgot. 0 when the key is remembered.
   */
  public long forgottenBefore(byte[] key) {
    long h = hash(key);
    synchronized (lockFor(h)) {
      if (find(h) >= 0) {
        return 0;
      }
      return Math.max(startedAt, evictedUpTo[(int) h & setMask]);
    }
  }

  /**
   * For anti-entropy repair: in one step, checks that nothing changed for {@code key} since the
   * repair looked (its newest write is still {@code expectedNewest}, 0 for none remembered, and
   * the last flush still {@code expectedFlushedAt}) and, if so, remembers the repair as a
   * whole-value write stamped {@code stamp} (nothing when 0), so that older writes arriving later
   * are voided. False when something changed: the repair must not be applied.
   */
  public boolean repair(byte[] key, long expectedNewest, long expectedFlushedAt, long stamp) {
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      long current = slot >= 0 ? newest[slot] : 0;
      if (current != expectedNewest || flushedAt != expectedFlushedAt) {
        return false;
      }
      if (stamp > 0) {
        recordLocked(h, stamp, true);
      }
      return true;
    }
  }

  /** The datastore applied the write stamped {@code timestamp} to {@code keys} that {@link #admit} took in. */
  public void confirmed(byte[][] keys, long timestamp) {
    if (timestamp <= 0) {
      return;
    }
    eachRemembered(keys, slot -> applied[slot] = Math.max(applied[slot], timestamp));
  }

  /**
   * Whether a replayed hint stamped {@code timestamp} is the newest write admitted here for one of
   * {@code keys} while its datastore has not confirmed it yet: the original copy is still on its
   * way, and whether it lands (the hint is a duplicate) or fails (the hint must be applied) is not
   * known. The hint must be offered again later rather than voided or applied now.
   */
  public boolean stillApplying(byte[][] keys, long timestamp) {
    if (timestamp <= 0) {
      return false;
    }
    for (byte[] key : keys) {
      long h = hash(key);
      synchronized (lockFor(h)) {
        int slot = find(h);
        if (slot >= 0 && newest[slot] == timestamp && applied[slot] < timestamp) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * When this node last admitted a write of {@code key} (wall-clock ms), 0 when the key is not
   * remembered. A write is remembered once admitted, before its datastore has applied it: for a
   * while after this moment, what the datastore holds may not reflect the remembered timestamps.
   */
  public long touchedAt(byte[] key) {
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      return slot >= 0 ? touchedAt[slot] : 0;
    }
  }

  private long lookup(byte[] key, boolean overwrite) {
    long h = hash(key);
    synchronized (lockFor(h)) {
      int slot = find(h);
      if (slot < 0) {
        return 0;
      }
      return overwrite ? newestOverwrite[slot] : newest[slot];
    }
  }

  /** Writes voided so far. */
  public synchronized long voided() {
    return voided;
  }

  private synchronized void countVoided() {
    voided++;
  }

  private boolean isVoid(long h, long timestamp, boolean replayed) {
    synchronized (lockFor(h)) {
      return isVoidLocked(h, timestamp, replayed);
    }
  }

  /** Under the set's lock. */
  private boolean isVoidLocked(long h, long timestamp, boolean replayed) {
    int slot = find(h);
    if (slot < 0) {
      return false;
    }
    if (timestamp < newestOverwrite[slot]) {
      return true;
    }
    long[] marks = copiedUpTo;
    return replayed && (timestamp == newest[slot] || (marks != null && timestamp <= marks[slot]));
  }

  private void record(long h, long timestamp, boolean overwrites) {
    synchronized (lockFor(h)) {
      recordLocked(h, timestamp, overwrites);
    }
  }

  /** Under the set's lock. */
  private void recordLocked(long h, long timestamp, boolean overwrites) {
    int slot = find(h);
    if (slot < 0) {
      slot = claim(h);
    }
    touchedAt[slot] = System.currentTimeMillis();
    newest[slot] = Math.max(newest[slot], timestamp);
    if (overwrites) {
      newestOverwrite[slot] = Math.max(newestOverwrite[slot], timestamp);
    }
  }

  /** Runs {@code update} on the entry of each of {@code keys} the fence remembers, under its set's lock. */
  private void eachRemembered(byte[][] keys, IntConsumer update) {
    for (byte[] key : keys) {
      long h = hash(key);
      synchronized (lockFor(h)) {
        int slot = find(h);
        if (slot >= 0) {
          update.accept(slot);
        }
      }
    }
  }

  /** The lock of the set {@code h} belongs to. */
  private Object lockFor(long h) {
    return locks[((int) h & setMask) & (STRIPES - 1)];
  }

  /** Under the set's lock: the entry remembering {@code h}, -1 if none. */
  private int find(long h) {
    int base = ((int) h & setMask) * ways;
    for (int i = base; i < base + ways; i++) {
      if (fingerprints[i] == h) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Under the set's lock: a fresh entry for {@code h} (which has none), free or taken from the key
   * whose newest write is oldest, which is forgotten.
   */
  private int claim(long h) {
    int set = (int) h & setMask;
    int base = set * ways;
    int victim = base;
    for (int i = base; i < base + ways; i++) {
      if (fingerprints[i] == 0) {
        victim = i;
        break;
      }
      if (newest[i] < newest[victim]) {
        victim = i;
      }
    }
    if (fingerprints[victim] != 0) {
      evictedUpTo[set] = Math.max(evictedUpTo[set], Math.max(newest[victim], newestOverwrite[victim]));
    }
    fingerprints[victim] = h;
    newest[victim] = 0;
    newestOverwrite[victim] = 0;
    applied[victim] = 0;
    long[] marks = copiedUpTo;
    if (marks != null) {
      marks[victim] = 0;
    }
    return victim;
  }

  /** FNV-1a over the bytes, then MurmurHash3's 64-bit finaliser; never 0 (0 marks a free slot). */
  static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
