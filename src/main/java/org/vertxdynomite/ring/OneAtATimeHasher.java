package org.vertxdynomite.ring;

/**
 * {@code one_at_a_time}: Bob Jenkins's one-at-a-time hash.
 *
 * <p>Dynomite reads the key through a plain {@code char *}, which is signed on x86, so a byte of
 * {@code 0x80} or above is sign-extended before it is added ({@code 0xC3} adds {@code
 * 0xFFFFFFC3}). Java's {@code byte} is signed too, so adding it as an {@code int} reproduces that;
 * for ASCII keys the result is the textbook function.
 */
final class OneAtATimeHasher implements KeyHasher {

  @Override
  public String name() {
    return "one_at_a_time";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h += key[i];
      h += h << 10;
      h ^= h >>> 6;
    }
    h += h << 3;
    h ^= h >>> 11;
    h += h << 15;
    return h & Bytes.UINT32_MASK;
  }
}
