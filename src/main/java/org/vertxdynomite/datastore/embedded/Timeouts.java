package org.vertxdynomite.datastore.embedded;

/** Blocking-command timeouts, parsed exactly as Redis 7.0 does (seconds as an x87 long double). */
final class Timeouts {

  private Timeouts() {}

  /**
   * The absolute deadline in Unix ms for a timeout argument in seconds, 0 for "forever". The
   * value is multiplied by 1000 in long double precision and rounded up to whole milliseconds;
   * a deadline beyond the 64-bit range never fires (Redis's wrapped deadline never does either).
   */
  static long deadline(byte[] arg, long now) {
    LongDouble seconds = LongDouble.parse(arg);
    if (seconds == null) {
      throw Errors.TIMEOUT_NOT_FLOAT;
    }
    long ms = seconds.multiply(1000).ceil().toLongX86();
    if (ms < 0) {
      throw Errors.TIMEOUT_NEGATIVE;
    }
    if (ms == 0 || ms > Long.MAX_VALUE - now) {
      return 0;
    }
    return ms + now;
  }
}
