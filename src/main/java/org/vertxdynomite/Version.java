package org.vertxdynomite;

/** Version facts the node reports (INFO, HELLO, {@code -V}, the admin port). */
public final class Version {

  /** This implementation's version, from the jar's manifest ({@code dev} when run from classes). */
  public static final String NODE = version();

  /** The Redis version whose commands and replies the node reproduces. */
  public static final String REDIS_COMPATIBLE = "7.0.15";

  private Version() {}

  private static String version() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
