package org.vertxdynomite.datastore.embedded;

/**
 * A value stored under a key. Each implementation keeps an estimate of the bytes it occupies,
 * updated as it changes, which the keyspace sums for the {@code maxmemory} bound.
 */
sealed interface Value permits StringValue, ListValue, HashValue, SetValue, ZSetValue {

  ValueType type();

  /** Estimated bytes held by this value (payload plus per-element bookkeeping). */
  long memory();

  /** An independent deep copy, for COPY. */
  Value copy();

  /** Whether a collection has no elements left (Redis deletes such keys); false for strings. */
  default boolean isEmptyCollection() {
    return false;
  }
}
