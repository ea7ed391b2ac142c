package org.vertxdynomite.ring;

/**
 * One of Dynomite's key hash functions (its {@code hash:} option): turns the bytes of a key into
 * the key's position on a rack's token ring.
 *
 * <p>The result is an unsigned 32-bit value carried in a {@code long}, always in {@code 0 ..
 * 4294967295} ({@link Token#MAX_VALUE}); callers compare it as a plain {@code long}, so no
 * unsigned-int arithmetic leaks out of this package. Functions whose natural output is wider (MD5,
 * 64-bit FNV) are truncated exactly the way Dynomite truncates them, so a key lands on the same
 * token here as in a Dynomite cluster with the same {@code hash:} setting.
 *
 * <p>Implementations are stateless (or keep per-thread scratch state) and thread-safe; they read
 * {@code key[offset .. offset + length)} in place and never copy it. Obtain one through {@link
 * HashAlgorithms#byName(String)}.
 */
public interface KeyHasher {

  /** The name Dynomite's configuration uses for this function, e.g. {@code murmur}. */
  String name();

  /**
   * The token of {@code key[offset .. offset + length)}, in {@code 0 .. 4294967295}.
   *
   * @throws IndexOutOfBoundsException if the range does not lie within {@code key}
   */
  long hash(byte[] key, int offset, int length);

  /** The token of the whole of {@code key}. */
  default long hash(byte[] key) {
    return hash(key, 0, key.length);
  }
}
