package org.vertxdynomite.ring;

/**
 * The four Fowler–Noll–Vo functions Dynomite offers. FNV-1 multiplies then XORs each byte, FNV-1a
 * XORs then multiplies; the 64-bit variants are truncated to their low 32 bits.
 *
 * <p>Dynomite computes {@code fnv1a_64} with the 64-bit offset basis and prime cast to 32 bits,
 * and {@code fnv1_64} in 64 bits then cast. Both equal the low 32 bits of the standard 64-bit
 * function, because the low 32 bits of a product depend only on the low 32 bits of its factors;
 * so all four are computed here in 64-bit arithmetic and masked at the end.
 */
final class FnvHasher implements KeyHasher {

  private static final long OFFSET_BASIS_64 = 0xcbf29ce484222325L;
  private static final long PRIME_64 = 0x100000001b3L;
  private static final long OFFSET_BASIS_32 = 2166136261L;
  private static final long PRIME_32 = 16777619L;

  static final FnvHasher FNV1_64 = new FnvHasher("fnv1_64", OFFSET_BASIS_64, PRIME_64, false);
  static final FnvHasher FNV1A_64 = new FnvHasher("fnv1a_64", OFFSET_BASIS_64, PRIME_64, true);
  static final FnvHasher FNV1_32 = new FnvHasher("fnv1_32", OFFSET_BASIS_32, PRIME_32, false);
  static final FnvHasher FNV1A_32 = new FnvHasher("fnv1a_32", OFFSET_BASIS_32, PRIME_32, true);

  private final String name;
  private final long offsetBasis;
  private final long prime;
  private final boolean xorFirst;

  private FnvHasher(String name, long offsetBasis, long prime, boolean xorFirst) {
    this.name = name;
    this.offsetBasis = offsetBasis;
    this.prime = prime;
    this.xorFirst = xorFirst;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    return fullWidth(key, offset, length) & Bytes.UINT32_MASK;
  }

  /**
   * The untruncated function: the standard 64-bit FNV value for the 64-bit variants; for the
   * 32-bit variants only the low 32 bits are meaningful.
   */
  long fullWidth(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    long h = offsetBasis;
    for (int i = offset, end = offset + length; i < end; i++) {
      long b = key[i] & 0xFF;
      h = xorFirst ? (h ^ b) * prime : (h * prime) ^ b;
    }
    return h;
  }
}
