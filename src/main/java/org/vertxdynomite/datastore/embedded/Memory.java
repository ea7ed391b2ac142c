package org.vertxdynomite.datastore.embedded;

/**
 * Per-structure overheads used to estimate memory. They approximate a 64-bit JVM with compressed
 * pointers (object headers, array headers, references) and are only used for the maxmemory bound
 * and reporting, never for correctness.
 */
final class Memory {

  /** A keyspace entry: dict node, entry object, key array header. */
  static final long KEY_ENTRY = 80;
  /** Extra for a key with a TTL: its node in the volatile-keys dict. */
  static final long VOLATILE_ENTRY = 32;
  /** A byte array header. */
  static final long ARRAY = 16;
  /** One reference in a dict bucket array or list slot. */
  static final long REF = 4;
  /** A dict node (key, hash, value, next) for hash, set and zset members. */
  static final long DICT_NODE = 32;
  /** A skip-list node of average height 1.33 with spans. */
  static final long SKIPLIST_NODE = 72;

  private Memory() {}

  /** Bytes for a byte array of {@code len} bytes. */
  static long bytes(int len) {
    return ARRAY + ((len + 7L) & ~7L);
  }
}
