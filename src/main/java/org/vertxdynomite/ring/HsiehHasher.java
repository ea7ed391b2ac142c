package org.vertxdynomite.ring;

/**
 * {@code hsieh}: Paul Hsieh's SuperFastHash, reading 16-bit words little-endian.
 *
 * <p>For an empty key Dynomite returns early without setting the token (so the token is whatever
 * its caller's stack held); the reference function's answer for empty input, 0, is used here.
 */
final class HsiehHasher implements KeyHasher {

  @Override
  public String name() {
    return "hsieh";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    if (length == 0) {
      return 0;
    }
    int h = 0;
    int i = offset;
    for (int blocks = length >>> 2; blocks > 0; blocks--) {
      h += Bytes.shortLE(key, i);
      int tmp = (Bytes.shortLE(key, i + 2) << 11) ^ h;
      h = (h << 16) ^ tmp;
      i += 4;
      h += h >>> 11;
    }
    switch (length & 3) {
      case 3:
        h += Bytes.shortLE(key, i);
        h ^= h << 16;
        h ^= (key[i + 2] & 0xFF) << 18;
        h += h >>> 11;
        break;
      case 2:
        h += Bytes.shortLE(key, i);
        h ^= h << 11;
        h += h >>> 17;
        break;
      case 1:
        h += key[i] & 0xFF;
        h ^= h << 10;
        h += h >>> 1;
        break;
      default:
        break;
    }
    // Final avalanche.
    h ^= h << 3;
    h += h >>> 5;
    h ^= h << 4;
    h += h >>> 17;
    h ^= h << 25;
    h += h >>> 6;
    return h & Bytes.UINT32_MASK;
  }
}
