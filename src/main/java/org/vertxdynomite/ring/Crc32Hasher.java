package org.vertxdynomite.ring;

/**
 * The two CRC-32 variants Dynomite offers, both built on the standard CRC-32 (IEEE 802.3,
 * reflected polynomial {@code 0xEDB88320}, initial and final XOR {@code 0xFFFFFFFF}):
 *
 * <ul>
 *   <li>{@code crc32a}: the standard CRC-32 itself ({@code "123456789"} gives {@code 0xCBF43926});
 *   <li>{@code crc32}: libmemcached's variant, which keeps only bits 16..30 of the standard value,
 *       {@code (crc >>> 16) & 0x7FFF}, so its tokens lie in {@code 0 .. 32767}.
 * </ul>
 */
final class Crc32Hasher implements KeyHasher {

  private static final int[] TABLE = table();

  private final String name;
  private final boolean memcachedTruncation;

  private Crc32Hasher(String name, boolean memcachedTruncation) {
    this.name = name;
    this.memcachedTruncation = memcachedTruncation;
  }

  /** {@code crc32a}: the standard CRC-32. */
  static Crc32Hasher standard() {
    return new Crc32Hasher("crc32a", false);
  }

  /** {@code crc32}: libmemcached's 15-bit truncation of the standard CRC-32. */
  static Crc32Hasher libmemcached() {
    return new Crc32Hasher("crc32", true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    long crc = crc32(key, offset, length);
    return memcachedTruncation ? (crc >>> 16) & 0x7FFF : crc;
  }

  /** The standard CRC-32 of {@code key[offset .. offset + length)}. */
  static long crc32(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    int crc = ~0;
    for (int i = offset, end = offset + length; i < end; i++) {
      crc = TABLE[(crc ^ key[i]) & 0xFF] ^ (crc >>> 8);
    }
    return ~crc & Bytes.UINT32_MASK;
  }

  private static int[] table() {
    int[] t = new int[256];
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
      }
      t[i] = c;
    }
    return t;
  }
}
