package org.vertxdynomite.config;

/**
 * Dynomite's read and write consistency levels ({@code read_consistency}, {@code
 * write_consistency}). Names are matched ignoring case, as Dynomite does.
 */
public enum Consistency {
  /** One replica in the local datacenter answers (the node's own rack when it can). */
  DC_ONE,
  /** A quorum of the local datacenter's racks must answer. */
  DC_QUORUM,
  /** A quorum of the local datacenter's racks must answer, and their replies must agree. */
  DC_SAFE_QUORUM,
  /** {@link #DC_SAFE_QUORUM} in every datacenter. */
  DC_EACH_SAFE_QUORUM;

  /**
   * Parses a level name, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static Consistency parse(String text) {
    return EnumNames.lookup(values(), Consistency::name, text);
  }
}
