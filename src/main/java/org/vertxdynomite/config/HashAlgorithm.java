package org.vertxdynomite.config;

import java.util.Locale;

/**
 * The key hash functions Dynomite names in {@code hash:} (its {@code HASH_CODEC} list). The config
 * only validates the name; the ring package maps each one to an implementation.
 */
public enum HashAlgorithm {
  ONE_AT_A_TIME,
  MD5,
  CRC16,
  CRC32,
  CRC32A,
  FNV1_64,
  FNV1A_64,
  FNV1_32,
  FNV1A_32,
  HSIEH,
  /** Dynomite's default. */
  MURMUR,
  JENKINS,
  MURMUR3;

  /** The name in a Dynomite yml file, e.g. {@code murmur} or {@code fnv1a_64}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a Dynomite hash name, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static HashAlgorithm parse(String text) {
    return EnumNames.lookup(values(), HashAlgorithm::configName, text);
  }
}
