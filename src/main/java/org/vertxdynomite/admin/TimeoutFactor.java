package org.vertxdynomite.admin;

/**
 * Dynomite's timeout factor: every timeout a new request gets (to another node, to the datastore)
 * is the configured one times this factor, 1 to 10. Operators raise it on the admin port when a
 * datacenter is slow, instead of restarting nodes with another {@code timeout}. Requests already
 * waiting keep their deadline. Safe from any thread.
 */
public final class TimeoutFactor {

  /** Dynomite's bounds. */
  public static final int MIN = 1;
  public static final int MAX = 10;

  private volatile int factor = MIN;

  public int get() {
    return factor;
  }

  /**
   * Sets the factor.
   *
   * @throws IllegalArgumentException when {@code value} is outside 1..10 (Dynomite clamps silently;
   *     here the operator is told)
   */
  public void set(int value) {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException("timeout factor must be " + MIN + ".." + MAX + ", got " + value);
    }
    factor = value;
  }
}
