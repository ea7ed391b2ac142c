package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The keys and their values, with Redis's expiry rules and a running memory estimate.
 *
 * <p>Expiry is lazy (a key whose deadline has passed is deleted when a command looks it up; a key
 * expiring at exactly "now" is still alive, as in Redis) and active ({@link #activeExpire} samples
 * keys that have a TTL). Memory: each looked-up or created entry is re-measured when the command
 * ends ({@link #settle()}), so handlers never do accounting themselves.
 *
 * <p>Not thread-safe: the store's lock guards it. "Now" is fixed per command ({@link #begin}).
 */
final class Keyspace {

  /** A key, its value and its absolute expiry in Unix milliseconds (-1: none). */
  static final class Entry {
    final byte[] key;
    Value value;
    long expireAt = -1;
    long accounted;
    boolean touched;
    boolean live = true;

    Entry(byte[] key, Value value) {
      this.key = key;
      this.value = value;
    }

    boolean hasExpire() {
      return expireAt >= 0;
    }
  }

  /** Told when a list or sorted set appears under a key, so blocked clients can be served. */
  interface ReadyListener {
    void keyReady(byte[] key);
  }

  private final ByteDict<Entry> data = new ByteDict<>();
  private final ByteDict<Entry> volatileKeys = new ByteDict<>();
  private final List<Entry> touched = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom();
  private final ReadyListener readyListener;
  private long now;
  private long usedMemory;
  private long expiredKeys;
  private long avgTtl;

  Keyspace(ReadyListener readyListener) {
    this.readyListener = readyListener;
  }

  /** Fixes "now" for the command about to run. */
  void begin(long nowMillis) {
    this.now = nowMillis;
  }

  long now() {
    return now;
  }

  SplittableRandom random() {
    return random;
  }

  long size() {
    return data.size();
  }

  long usedMemory() {
    return usedMemory;
  }

  long expiredKeys() {
    return expiredKeys;
  }

  long volatileCount() {
    return volatileKeys.size();
  }

  /** The live entry for {@code key}, deleting it first if it has expired; null if absent. */
  Entry entry(byte[] key) {
    Entry e = data.get(key);
    if (e == null) {
      return null;
    }
    if (isExpired(e)) {
      expire(e);
      return null;
    }
    touch(e);
    return e;
  }

  Value get(byte[] key) {
    Entry e = entry(key);
    return e == null ? null : e.value;
  }

  /** The value under {@code key} if it has {@code type}; null if absent; WRONGTYPE otherwise. */
  @SuppressWarnings("unchecked")
  <T extends Value> T get(byte[] key, ValueType type) {
    Value v = get(key);
    if (v == null) {
      return null;
    }
    if (v.type() != type) {
      throw Errors.WRONGTYPE;
    }
    return (T) v;
  }

  /** Whether the key exists (and is not expired) without touching it for memory accounting. */
  boolean exists(byte[] key) {
    return entry(key) != null;
  }

  /** Adds a key that must not exist. */
  Entry add(byte[] key, Value value) {
    Entry e = new Entry(key, value);
    data.insertNew(key, e);
    touch(e);
    signalIfReady(key, value);
    return e;
  }

  /** Sets {@code key} to {@code value}, creating it or replacing its value and dropping any TTL. */
  Entry set(byte[] key, Value value) {
    return set(key, value, false);
  }

  /** As {@link #set(byte[], Value)}, keeping an existing TTL when {@code keepTtl}. */
  Entry set(byte[] key, Value value, boolean keepTtl) {
    Entry e = entry(key);
    if (e == null) {
      return add(key, value);
    }
    e.value = value;
    if (!keepTtl) {
      removeExpire(e);
    }
    signalIfReady(key, value);
    return e;
  }

  private void signalIfReady(byte[] key, Value value) {
    if (readyListener != null && (value.type() == ValueType.LIST || value.type() == ValueType.ZSET)) {
      readyListener.keyReady(key);
    }
  }

  /** Deletes {@code key}; returns whether it existed (expired keys count as absent). */
  boolean delete(byte[] key) {
    Entry e = entry(key);
    if (e == null) {
      return false;
    }
    remove(e);
    return true;
  }

  /** Deletes the key of {@code e} if its collection has become empty (Redis never keeps those). */
  void deleteIfEmpty(Entry e) {
    if (e.live && e.value.isEmptyCollection()) {
      remove(e);
    }
  }

  /** Deletes {@code key} if it holds an empty collection. */
  void deleteIfEmpty(byte[] key, Value v) {
    if (v.isEmptyCollection()) {
      Entry e = data.get(key);
      if (e != null && e.value == v) {
        remove(e);
      }
    }
  }

  void remove(Entry e) {
    data.remove(e.key);
    if (e.hasExpire()) {
      volatileKeys.remove(e.key);
    }
    e.live = false;
    usedMemory -= e.accounted;
    e.accounted = 0;
  }

  void setExpire(Entry e, long at) {
    if (!e.hasExpire()) {
      volatileKeys.insertNew(e.key, e);
    }
    e.expireAt = at;
    touch(e);
  }

  /** Removes the TTL; returns whether there was one. */
  boolean removeExpire(Entry e) {
    if (!e.hasExpire()) {
      return false;
    }
    volatileKeys.remove(e.key);
    e.expireAt = -1;
    touch(e);
    return true;
  }

  /** Drops every key in O(1) (the old tables are left to the garbage collector, like FLUSHALL ASYNC). */
  void flush() {
    for (Entry e : touched) {
      e.live = false;
    }
    data.clear();
    volatileKeys.clear();
    touched.clear();
    usedMemory = 0;
  }

  /** A random live key, or null when there is none; expired picks are deleted on the way. */
  byte[] randomKey() {
    // Bounded: every failed pick deletes an expired key; give up after as many tries as keys.
    for (long tries = data.size(); tries >= 0; tries--) {
      ByteDict.Node<Entry> n = data.randomNode(random);
      if (n == null) {
        return null;
      }
      if (!isExpired(n.value)) {
        return n.key;
      }
      expire(n.value);
    }
    return null;
  }

  /** One SCAN step over the keys; collects candidate keys (expiry is checked by the caller). */
  long scan(long cursor, Consumer<byte[]> out) {
    return data.scan(cursor, n -> out.accept(n.key));
  }

  /** Visits every live key; the keyspace must not change meanwhile. */
  void forEachKey(Consumer<Entry> fn) {
    data.forEach(n -> {
      if (!isExpired(n.value)) {
        fn.accept(n.value);
      }
    });
  }

  /**
   * One round of active expiry: samples up to {@code samples} keys with a TTL and deletes the
   * expired ones. Returns how many were expired.
   */
  int activeExpire(int samples) {
    int expired = 0;
    long ttlSum = 0;
    int ttlSamples = 0;
    int n = Math.min(samples, volatileKeys.size());
    for (int i = 0; i < n; i++) {
      ByteDict.Node<Entry> node = volatileKeys.randomNode(random);
      if (node == null) {
        break;
      }
      if (isExpired(node.value)) {
        expire(node.value);
        expired++;
      } else {
        ttlSum += node.value.expireAt - now;
        ttlSamples++;
      }
    }
    if (ttlSamples > 0) {
      // Redis's estimate (expire.c): a running average, each round weighing 2 % of it.
      long roundAvg = ttlSum / ttlSamples;
      avgTtl = avgTtl == 0 ? roundAvg : (avgTtl / 50) * 49 + roundAvg / 50;
    }
    if (volatileKeys.size() == 0) {
      avgTtl = 0;
    }
    return expired;
  }

  /**
   * Redis's {@code avg_ttl}: an estimate in ms of the remaining time to live of the keys with one,
   * kept by the active expiry's samples; 0 when none has been sampled.
   */
  long avgTtl() {
    return volatileKeys.size() == 0 ? 0 : avgTtl;
  }

  private boolean isExpired(Entry e) {
    return e.expireAt >= 0 && e.expireAt < now;
  }

  private void expire(Entry e) {
    remove(e);
    expiredKeys++;
  }

  private void touch(Entry e) {
    if (!e.touched) {
      e.touched = true;
      touched.add(e);
    }
  }

  /** Re-measures the entries the last command looked at or created. */
  void settle() {
    for (Entry e : touched) {
      e.touched = false;
      if (e.live) {
        long size = Memory.KEY_ENTRY + Memory.bytes(e.key.length) + e.value.memory()
            + (e.hasExpire() ? Memory.VOLATILE_ENTRY : 0);
        usedMemory += size - e.accounted;
        e.accounted = size;
      }
    }
    touched.clear();
  }
}
