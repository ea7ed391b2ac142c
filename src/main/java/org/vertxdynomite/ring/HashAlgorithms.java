package org.vertxdynomite.ring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key hash functions by the names Dynomite's {@code hash:} option accepts.
 *
 * <p>Names are matched exactly (lower case), as Dynomite matches them. See each function's notes
 * in {@code package-info}; in short, every function reproduces Dynomite's tokens except {@code
 * murmur3}, which Dynomite never actually computes (see {@link #byName(String)}).
 */
public final class HashAlgorithms {

  /** Dynomite's default {@code hash:} value. */
  public static final String DEFAULT_NAME = "murmur";

  // One entry per function, in the order Dynomite's hash table lists them.
  private static final Map<String, KeyHasher> BY_NAME =
      index(
          new OneAtATimeHasher(),
          new Md5Hasher(),
          new Crc16Hasher(),
          Crc32Hasher.libmemcached(),
          Crc32Hasher.standard(),
          FnvHasher.FNV1_64,
          FnvHasher.FNV1A_64,
          FnvHasher.FNV1_32,
          FnvHasher.FNV1A_32,
          new HsiehHasher(),
          new MurmurHasher(),
          new JenkinsHasher(),
          new Murmur3Hasher());

  private HashAlgorithms() {}

  /**
   * The function Dynomite calls {@code name}: one of {@code one_at_a_time, md5, crc16, crc32,
   * crc32a, fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, hsieh, murmur, jenkins, murmur3}.
   *
   * <p>{@code murmur3} is real MurmurHash3 (x86_32, Dynomite's seed) and does not route like
   * Dynomite, whose {@code murmur3} sends every key to the node with the rack's smallest token.
   *
   * @throws IllegalArgumentException naming the valid names, if {@code name} is not one of them
   */
  public static KeyHasher byName(String name) {
    Objects.requireNonNull(name, "name");
    KeyHasher hasher = BY_NAME.get(name);
    if (hasher == null) {
      throw new IllegalArgumentException(
          "unknown hash '" + name + "'; valid: " + String.join(", ", names()));
    }
    return hasher;
  }

  /** Dynomite's default function, {@code murmur}. */
  public static KeyHasher defaultHasher() {
    return byName(DEFAULT_NAME);
  }

  /** Every accepted name, in Dynomite's order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  private static Map<String, KeyHasher> index(KeyHasher... hashers) {
    Map<String, KeyHasher> byName = new LinkedHashMap<>();
    for (KeyHasher h : hashers) {
      if (byName.put(h.name(), h) != null) {
        throw new IllegalStateException("two hash functions named " + h.name());
      }
    }
    return byName;
  }
}
