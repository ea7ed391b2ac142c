package org.vertxdynomite.ring;

import java.util.Objects;

/**
 * A key's way to its token: the configured hash tag picks the bytes to hash, the configured hash
 * function hashes them. This is what Dynomite's {@code hash:} and {@code hash_tag:} options
 * together decide.
 *
 * @param hasher the {@code hash:} function
 * @param hashTag the {@code hash_tag:} option, or {@link HashTag#NONE}
 */
public record Partitioner(KeyHasher hasher, HashTag hashTag) {

  /** Dynomite's defaults: {@code murmur}, no hash tag. */
  public static final Partitioner DEFAULT =
      new Partitioner(HashAlgorithms.defaultHasher(), HashTag.NONE);

  public Partitioner {
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(hashTag, "hashTag");
  }

  /** The token of {@code key[offset .. offset + length)}, without copying or allocating. */
  public long token(byte[] key, int offset, int length) {
    return hashTag.hash(hasher, key, offset, length);
  }

  /** The token of the whole of {@code key}. */
  public long token(byte[] key) {
    return token(key, 0, key.length);
  }
}
