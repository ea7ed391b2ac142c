package org.vertxdynomite.config;

/** {@code warmup} (extension): whether a node that starts with an empty datastore warms up by itself. */
public enum WarmupMode {
  /** Warm up at start when clustered, the datastore is empty and a replica in another rack has data. */
  AUTO("auto"),
  /** Never by itself; an operator may still start one on the admin port. */
  OFF("off");

  private final String configName;

  WarmupMode(String configName) {
    this.configName = configName;
  }

  /** The name in a yml file. */
  public String configName() {
    return configName;
  }

  /**
   * Parses {@code auto} or {@code off}, ignoring case. YAML 1.1 reads an unquoted {@code off} as
   * the boolean false, so {@code false} means off too (and {@code true} auto).
   */
  public static WarmupMode parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("false")) {
      return OFF;
    }
    if (t.equalsIgnoreCase("true")) {
      return AUTO;
    }
    return EnumNames.lookup(values(), WarmupMode::configName, text);
  }
}
