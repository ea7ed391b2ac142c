package org.vertxdynomite.datastore.embedded;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A hash table keyed by byte strings, built like Redis's dict: chained buckets in a power-of-two
 * table, incremental rehashing into a second table (one bucket per operation, so a resize never
 * stalls a command), a reverse-binary {@link #scan} cursor that returns every key present for the
 * whole scan at least once across resizes, and O(1) expected {@link #randomNode}.
 *
 * <p>Not thread-safe: the store's lock guards every instance. Callers must not mutate the table
 * from inside {@link #scan} or {@link #forEach} callbacks.
 */
final class ByteDict<V> {

  /** One key and its value; {@code value} may be updated in place. */
  static final class Node<V> {
    final byte[] key;
    final int hash;
    V value;
    Node<V> next;

    Node(byte[] key, int hash, V value, Node<V> next) {
      this.key = key;
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }

  private static final int INITIAL_SIZE = 4;
  private static final int MIN_FILL_PERCENT = 10;
  private static final int EMPTY_VISITS_PER_STEP = 10;

  private final int seed;
  private Node<V>[] t0;
  private Node<V>[] t1;
  private int used0;
  private int used1;
  /** Next bucket of t0 to move into t1, or -1 when not rehashing. */
  private int rehashIdx = -1;
  /** Iterations in progress: lookups made meanwhile must not move nodes (Redis's safe iterator). */
  private int pauseRehash;

  ByteDict() {
    // A per-table random seed, like Redis's siphash key, keeps crafted keys from colliding.
    this(java.util.concurrent.ThreadLocalRandom.current().nextInt());
  }

  ByteDict(int seed) {
    this.seed = seed;
    t0 = newTable(INITIAL_SIZE);
  }

  int size() {
    return used0 + used1;
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** Number of buckets allocated, for memory estimates. */
  long buckets() {
    return t0.length + (t1 == null ? 0 : t1.length);
  }

  V get(byte[] key) {
    Node<V> n = find(key);
    return n == null ? null : n.value;
  }

  boolean containsKey(byte[] key) {
    return find(key) != null;
  }

  Node<V> find(byte[] key) {
    if (size() == 0) {
      return null;
    }
    rehashStep();
    int h = Bytes.hash(key, seed);
    Node<V> n = findIn(t0, h, key);
    if (n == null && t1 != null) {
      n = findIn(t1, h, key);
    }
    return n;
  }

  /** Sets {@code key} to {@code value}; returns the previous value or null. */
  V put(byte[] key, V value) {
    Node<V> n = find(key);
    if (n != null) {
      V old = n.value;
      n.value = value;
      return old;
    }
    insertNew(key, value);
    return null;
  }

  /** Adds {@code key}, which must be absent; returns the new node. */
  Node<V> insertNew(byte[] key, V value) {
    // Every write advances a rehash in progress, or a table only ever inserted into never finishes it.
    rehashStep();
    expandIfNeeded();
    int h = Bytes.hash(key, seed);
    Node<V> n;
    if (t1 != null) {
      int i = h & (t1.length - 1);
      n = new Node<>(key, h, value, t1[i]);
      t1[i] = n;
      used1++;
    } else {
      int i = h & (t0.length - 1);
      n = new Node<>(key, h, value, t0[i]);
      t0[i] = n;
      used0++;
    }
    return n;
  }

  /** Removes {@code key}; returns its node or null. */
  Node<V> remove(byte[] key) {
    if (size() == 0) {
      return null;
    }
    rehashStep();
    int h = Bytes.hash(key, seed);
    Node<V> n = removeFrom(t0, h, key);
    if (n != null) {
      used0--;
    } else if (t1 != null) {
      n = removeFrom(t1, h, key);
      if (n != null) {
        used1--;
      }
    }
    if (n != null) {
      shrinkIfNeeded();
    }
    return n;
  }

  void clear() {
    t0 = newTable(INITIAL_SIZE);
    t1 = null;
    used0 = 0;
    used1 = 0;
    rehashIdx = -1;
  }

  /** Visits every node; lookups are allowed meanwhile, insertions and removals are not. */
  void forEach(Consumer<Node<V>> fn) {
    pauseRehash++;
    try {
      visitAll(t0, fn);
      if (t1 != null) {
        visitAll(t1, fn);
      }
    } finally {
      pauseRehash--;
    }
  }

  /**
   * Visits the buckets that {@code cursor} designates and returns the next cursor (0 when done),
   * with Redis's reverse-binary increment so that growing or shrinking between calls never skips
   * a key that stays present.
   */
  long scan(long cursor, Consumer<Node<V>> fn) {
    if (size() == 0) {
      return 0;
    }
    long v = cursor;
    if (t1 == null) {
      long m0 = t0.length - 1;
      visitChain(t0[(int) (v & m0)], fn);
      return nextCursor(v, m0);
    }
    Node<V>[] small = t0.length <= t1.length ? t0 : t1;
    Node<V>[] large = small == t0 ? t1 : t0;
    long m0 = small.length - 1;
    long m1 = large.length - 1;
    visitChain(small[(int) (v & m0)], fn);
    do {
      visitChain(large[(int) (v & m1)], fn);
      v = nextCursor(v, m1);
    } while ((v & (m0 ^ m1)) != 0);
    return v;
  }

  private static long nextCursor(long v, long mask) {
    v |= ~mask;
    v = Long.reverse(v);
    v++;
    return Long.reverse(v);
  }

  /** A node chosen at random (not perfectly uniform, like Redis's), or null when empty. */
  Node<V> randomNode(RandomGenerator rnd) {
    if (size() == 0) {
      return null;
    }
    rehashStep();
    int n0 = t0.length;
    int total = n0 + (t1 == null ? 0 : t1.length);
    // Expected tries are bounded by 1/fill (at least 10%); the walk after them keeps the loop finite.
    for (int attempt = 0; attempt < 64; attempt++) {
      int i = rnd.nextInt(total);
      Node<V> head = i < n0 ? t0[i] : t1[i - n0];
      if (head != null) {
        return pickInChain(head, rnd);
      }
    }
    int start = rnd.nextInt(total);
    for (int k = 0; k < total; k++) {
      int i = (start + k) % total;
      Node<V> head = i < n0 ? t0[i] : t1[i - n0];
      if (head != null) {
        return pickInChain(head, rnd);
      }
    }
    return null;
  }

  private static <V> Node<V> pickInChain(Node<V> head, RandomGenerator rnd) {
    int len = 0;
    for (Node<V> n = head; n != null; n = n.next) {
      len++;
    }
    Node<V> n = head;
    for (int k = rnd.nextInt(len); k > 0; k--) {
      n = n.next;
    }
    return n;
  }

  private Node<V> findIn(Node<V>[] t, int h, byte[] key) {
    for (Node<V> n = t[h & (t.length - 1)]; n != null; n = n.next) {
      if (n.hash == h && Arrays.equals(n.key, key)) {
        return n;
      }
    }
    return null;
  }

  private Node<V> removeFrom(Node<V>[] t, int h, byte[] key) {
    int i = h & (t.length - 1);
    Node<V> prev = null;
    for (Node<V> n = t[i]; n != null; prev = n, n = n.next) {
      if (n.hash == h && Arrays.equals(n.key, key)) {
        if (prev == null) {
          t[i] = n.next;
        } else {
          prev.next = n.next;
        }
        n.next = null;
        return n;
      }
    }
    return null;
  }

  private void expandIfNeeded() {
    if (t1 == null && used0 >= t0.length) {
      startRehash(tableSizeFor(used0 + 1));
    }
  }

  private void shrinkIfNeeded() {
    if (t1 == null && t0.length > INITIAL_SIZE && (long) used0 * 100 / t0.length < MIN_FILL_PERCENT) {
      startRehash(Math.max(INITIAL_SIZE, tableSizeFor(used0)));
    }
  }

  private void startRehash(int newSize) {
    if (newSize == t0.length) {
      return;
    }
    t1 = newTable(newSize);
    rehashIdx = 0;
  }

  /** Moves one bucket (visiting at most a few empty ones) from t0 into t1. */
  private void rehashStep() {
    if (t1 == null || pauseRehash > 0) {
      return;
    }
    int emptyVisits = EMPTY_VISITS_PER_STEP;
    while (rehashIdx < t0.length && t0[rehashIdx] == null) {
      rehashIdx++;
      if (--emptyVisits == 0) {
        break;
      }
    }
    if (rehashIdx < t0.length && t0[rehashIdx] != null) {
      Node<V> n = t0[rehashIdx];
      t0[rehashIdx] = null;
      int mask = t1.length - 1;
      while (n != null) {
        Node<V> next = n.next;
        int i = n.hash & mask;
        n.next = t1[i];
        t1[i] = n;
        used0--;
        used1++;
        n = next;
      }
      rehashIdx++;
    }
    if (used0 == 0) {
      t0 = t1;
      used0 = used1;
      t1 = null;
      used1 = 0;
      rehashIdx = -1;
      // Keys may have been deleted meanwhile: keep shrinking (Redis does this from its cron).
      shrinkIfNeeded();
    }
  }

  private static <V> void visitAll(Node<V>[] t, Consumer<Node<V>> fn) {
    for (Node<V> head : t) {
      visitChain(head, fn);
    }
  }

  private static <V> void visitChain(Node<V> head, Consumer<Node<V>> fn) {
    for (Node<V> n = head; n != null; n = n.next) {
      fn.accept(n);
    }
  }

  private static int tableSizeFor(int n) {
    int s = INITIAL_SIZE;
    while (s < n && s < (1 << 30)) {
      s <<= 1;
    }
    return s;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <V> Node<V>[] newTable(int n) {
    return (Node<V>[]) new Node[n];
  }
}
