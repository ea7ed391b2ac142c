package org.vertxdynomite.ring;

/**
 * {@code murmur3}: MurmurHash3 x86_32 with Dynomite's seed {@code 0xc0a1e5ce}.
 *
 * <p><b>Not routing-compatible with Dynomite.</b> Dynomite accepts {@code hash: murmur3} but its
 * implementation never hashes: the call to MurmurHash3 is commented out and the key's token stays
 * zero, so every key of every rack goes to the node holding that rack's smallest token. Copying
 * that would make the option useless, so this is the real function with Dynomite's seed; a data
 * set written by a Dynomite cluster configured with {@code murmur3} is therefore found elsewhere.
 */
final class Murmur3Hasher implements KeyHasher {

  /** The seed Dynomite's {@code dyn_murmur3.c} defines. */
  static final int DYNOMITE_SEED = 0xc0a1e5ce;

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  @Override
  public String name() {
    return "murmur3";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    return murmur3x86_32(key, offset, length, DYNOMITE_SEED);
  }

  /** Reference MurmurHash3_x86_32 of {@code key[offset .. offset + length)}, unsigned. */
  static long murmur3x86_32(byte[] key, int offset, int length, int seed) {
    Bytes.checkRange(key, offset, length);
    int h = seed;
    int end = offset + (length & ~3);
    for (int i = offset; i < end; i += 4) {
      h ^= mixK(Bytes.intLE(key, i));
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int tail = length & 3;
    if (tail > 0) {
      h ^= mixK(Bytes.partialIntLE(key, end, tail));
    }
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & Bytes.UINT32_MASK;
  }

  private static int mixK(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }
}
