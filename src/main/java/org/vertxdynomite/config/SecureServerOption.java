package org.vertxdynomite.config;

import java.util.Locale;

/**
 * Dynomite's {@code secure_server_option}: which peer links Dynomite encrypts. vertx-dynomite
 * validates and exposes the value but does not encrypt peer traffic; any value but {@link #NONE}
 * is reported in {@link NodeConfig#ignoredKeys()}.
 */
public enum SecureServerOption {
  /** No peer link is encrypted. */
  NONE,
  /** Links between different racks are encrypted. */
  RACK,
  /** Links between different datacenters are encrypted. */
  DATACENTER,
  /** Every peer link is encrypted. */
  ALL;

  /** The name in a Dynomite yml file: {@code none}, {@code rack}, {@code datacenter}, {@code all}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a Dynomite name, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static SecureServerOption parse(String text) {
    return EnumNames.lookup(values(), SecureServerOption::configName, text);
  }
}
