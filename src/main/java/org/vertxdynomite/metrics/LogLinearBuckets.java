package org.vertxdynomite.metrics;

/**
 * Log-linear buckets for non-negative longs: values below {@code 2^subBits} each have a bucket of
 * their own, then every power of two is split into {@code 2^subBits} equal buckets, so a bucket's
 * width is within {@code 2^-subBits} of its values.
 */
public final class LogLinearBuckets {

  private final int subBits;
  private final int sub;

  public LogLinearBuckets(int subBits) {
    if (subBits < 1 || subBits > 16) {
      throw new IllegalArgumentException("subBits must be 1..16: " + subBits);
    }
    this.subBits = subBits;
    this.sub = 1 << subBits;
  }

  /** How many buckets cover every non-negative long. */
  public int count() {
    return sub + (63 - subBits) * sub;
  }

  /** The bucket of {@code v} (non-negative). */
  public int bucket(long v) {
    if (v < sub) {
      return (int) v;
    }
    int exp = 63 - Long.numberOfLeadingZeros(v);
    int s = (int) (v >>> (exp - subBits)) - sub;
    return sub + (exp - subBits) * sub + s;
  }

  /** The highest value bucket {@code i} holds. */
  public long highestIn(int i) {
    if (i < sub) {
      return i;
    }
    int exp = (i - sub) / sub + subBits;
    long low = (long) ((i - sub) % sub + sub) << (exp - subBits);
    return low + (1L << (exp - subBits)) - 1;
  }
}
