package org.vertxdynomite.ring;

/**
 * {@code jenkins}: Bob Jenkins's lookup3 {@code hashlittle} with Dynomite's initial value 13.
 *
 * <p>lookup3 reads the key as little-endian 32-bit words in blocks of 12 bytes; the last block
 * (1 to 12 bytes, never mixed in the loop) goes through the final mix only. An empty key skips all
 * mixing and yields the initial state {@code 0xdeadbeef + 13}; Dynomite itself returns early there
 * without setting the token, so this is the reference function's answer, not Dynomite's.
 */
final class JenkinsHasher implements KeyHasher {

  /** Dynomite's (and libmemcached's) {@code JENKINS_INITVAL}. */
  static final int DYNOMITE_INITVAL = 13;

  @Override
  public String name() {
    return "jenkins";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    return hashLittle(key, offset, length, DYNOMITE_INITVAL);
  }

  /** Reference lookup3 {@code hashlittle} of {@code key[offset .. offset + length)}, unsigned. */
  static long hashLittle(byte[] key, int offset, int length, int initval) {
    Bytes.checkRange(key, offset, length);
    int a = 0xdeadbeef + length + initval;
    int b = a;
    int c = a;
    int i = offset;
    int remaining = length;
    while (remaining > 12) {
      a += Bytes.intLE(key, i);
      b += Bytes.intLE(key, i + 4);
      c += Bytes.intLE(key, i + 8);
      // mix(a, b, c)
      a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
      a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
      i += 12;
      remaining -= 12;
    }
    if (remaining == 0) {
      return c & Bytes.UINT32_MASK;
    }
    a += Bytes.partialIntLE(key, i, Math.min(remaining, 4));
    b += Bytes.partialIntLE(key, i + 4, Math.max(0, Math.min(remaining - 4, 4)));
    c += Bytes.partialIntLE(key, i + 8, Math.max(0, remaining - 8));
    // final(a, b, c)
    c ^= b; c -= Integer.rotateLeft(b, 14);
    a ^= c; a -= Integer.rotateLeft(c, 11);
    b ^= a; b -= Integer.rotateLeft(a, 25);
    c ^= b; c -= Integer.rotateLeft(b, 16);
    a ^= c; a -= Integer.rotateLeft(c, 4);
    b ^= a; b -= Integer.rotateLeft(a, 14);
    c ^= b; c -= Integer.rotateLeft(b, 24);
    return c & Bytes.UINT32_MASK;
  }
}
