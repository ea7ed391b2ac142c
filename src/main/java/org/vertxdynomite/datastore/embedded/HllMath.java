package org.vertxdynomite.datastore.embedded;

/**
 * The arithmetic of Redis's HyperLogLog: MurmurHash64A with Redis's seed, the register index and
 * run length of an element, and Ertl's improved cardinality estimator over a register histogram,
 * computed in the same floating-point order as Redis.
 */
final class HllMath {

  private static final double ALPHA_INF = 0.721347520444481703680;

  private HllMath() {}

  /** MurmurHash64A (little-endian reads), as Redis uses it. */
  static long murmur64a(byte[] key, long seed) {
    final long m = 0xc6a4a7935bd1e995L;
    final int r = 47;
    int len = key.length;
    long h = seed ^ (len * m);
    int end = len - (len & 7);
    for (int i = 0; i < end; i += 8) {
      long k = 0;
      for (int b = 7; b >= 0; b--) {
        k = (k << 8) | (key[i + b] & 0xffL);
      }
      k *= m;
      k ^= k >>> r;
      k *= m;
      h ^= k;
      h *= m;
    }
    int rem = len & 7;
    if (rem > 0) {
      for (int b = rem - 1; b >= 0; b--) {
        h ^= (key[end + b] & 0xffL) << (8 * b);
      }
      h *= m;
    }
    h ^= h >>> r;
    h *= m;
    h ^= h >>> r;
    return h;
  }

  /** Register index (low 32 bits) and run length (high 32 bits) for an element. */
  static long patLen(byte[] ele) {
    long hash = murmur64a(ele, 0xadc83b19L);
    int index = (int) (hash & (HyperLogLog.REGISTERS - 1));
    hash >>>= HyperLogLog.P;
    hash |= 1L << HyperLogLog.Q;
    int count = 1 + Long.numberOfTrailingZeros(hash);
    return ((long) count << 32) | index;
  }

  static int[] rawHistogram(byte[] raw) {
    int[] h = new int[64];
    for (byte r : raw) {
      h[r]++;
    }
    return h;
  }

  /** Ertl's improved estimator over the register histogram, as Redis computes it. */
  static long count(int[] reghisto) {
    double m = HyperLogLog.REGISTERS;
    double z = m * tau((m - reghisto[HyperLogLog.Q + 1]) / m);
    for (int j = HyperLogLog.Q; j >= 1; --j) {
      z += reghisto[j];
      z *= 0.5;
    }
    z += m * sigma(reghisto[0] / m);
    double e = ALPHA_INF * m * m / z;
    // llroundl: round half away from zero (e is never negative).
    long r = (long) e;
    return e - r >= 0.5 ? r + 1 : r;
  }

  private static double sigma(double x) {
    if (x == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double zPrime;
    double y = 1;
    double z = x;
    do {
      x *= x;
      zPrime = z;
      z += x * y;
      y += y;
    } while (zPrime != z);
    return z;
  }

  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) {
      return 0.0;
    }
    double zPrime;
    double y = 1.0;
    double z = 1 - x;
    do {
      x = Math.sqrt(x);
      zPrime = z;
      y *= 0.5;
      double d = 1 - x;
      z -= d * d * y;
    } while (zPrime != z);
    return z / 3;
  }
}
