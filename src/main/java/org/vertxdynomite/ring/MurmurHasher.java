package org.vertxdynomite.ring;

/**
 * {@code murmur}, Dynomite's default: MurmurHash2 (32-bit) as Dynomite inherited it from
 * twemproxy and libmemcached.
 *
 * <p>It differs from Appleby's reference MurmurHash2 only in the seed: the seed is not a parameter
 * but {@code 0xdeadbeef * length}, and the initial state is {@code seed ^ length}. Words are read
 * little-endian (Dynomite reads native words on x86).
 */
final class MurmurHasher implements KeyHasher {

  private static final int M = 0x5bd1e995;
  private static final int R = 24;

  @Override
  public String name() {
    return "murmur";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    int h = (0xdeadbeef * length) ^ length;
    int i = offset;
    int remaining = length;
    while (remaining >= 4) {
      int k = Bytes.intLE(key, i);
      k *= M;
      k ^= k >>> R;
      k *= M;
      h *= M;
      h ^= k;
      i += 4;
      remaining -= 4;
    }
    if (remaining > 0) {
      h ^= Bytes.partialIntLE(key, i, remaining);
      h *= M;
    }
    h ^= h >>> 13;
    h *= M;
    h ^= h >>> 15;
    return h & Bytes.UINT32_MASK;
  }
}
