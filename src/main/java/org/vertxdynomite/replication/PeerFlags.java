package org.vertxdynomite.replication;

/**
 * The bits of {@link PeerRequest#flags()}: what kind of copy of a write a request carries. The
 * receiver applies flagged writes through its {@link WriteFence} like any other; the flags say
 * how late the write may be and whether a duplicate is possible.
 */
public final class PeerFlags {

  /** A hint replayed by a stand-in: the write may be old and may already have been applied. */
  public static final int HINTED = 1;
  /** A copy streamed by warm-up from a donor. */
  public static final int WARMUP = 1 << 1;

  private PeerFlags() {}

  /** Whether {@code flags} has {@code bit}. */
  public static boolean has(int flags, int bit) {
    return (flags & bit) != 0;
  }
}
