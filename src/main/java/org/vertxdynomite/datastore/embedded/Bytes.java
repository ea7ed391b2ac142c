package org.vertxdynomite.datastore.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-string helpers: hashing, Redis's member ordering, ASCII case folding, decimal rendering. */
final class Bytes {

  static final byte[] EMPTY = new byte[0];

  private Bytes() {}

  /** Murmur3 (32-bit) of {@code k} with {@code seed}: the hash behind every {@link ByteDict}. */
  static int hash(byte[] k, int seed) {
    int h = seed;
    int n = k.length;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      int w = (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
      h ^= mixWord(w);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int rem = n - i;
    if (rem > 0) {
      int tail = 0;
      for (int b = rem - 1; b >= 0; b--) {
        tail = (tail << 8) | (k[i + b] & 0xff);
      }
      h ^= mixWord(tail);
    }
    h ^= n;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static int mixWord(int w) {
    return Integer.rotateLeft(w * 0xcc9e2d51, 15) * 0x1b873593;
  }

  /** Redis's order for members and keys: unsigned bytes, then the shorter string first (memcmp). */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /**
   * Whether {@code arg} equals {@code lower} (an ASCII lower-case word) ignoring ASCII case, read
   * as a C string (Redis's strcasecmp stops at a NUL byte).
   */
  static boolean is(byte[] arg, String lower) {
    int n = lower.length();
    if (arg.length < n || (arg.length > n && arg[n] != 0)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int b = arg[i];
      if (b >= 'A' && b <= 'Z') {
        b += 32;
      }
      if (b != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The decimal digits of {@code v}, as Redis's ll2string writes them. */
  static byte[] ascii(long v) {
    return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
