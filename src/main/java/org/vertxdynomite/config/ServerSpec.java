package org.vertxdynomite.config;

/**
 * One entry of Dynomite's {@code servers} list, written {@code host:port:weight}: the datastore
 * this node fronts. Dynomite parses the weight but never uses it; so do we.
 */
public record ServerSpec(String host, int port, int weight) {

  /** Validates the parts through {@link HostPort}; the weight must not be negative. */
  public ServerSpec {
    new HostPort(host, port);
    if (weight < 0) {
      throw new IllegalArgumentException("weight must be a non-negative integer");
    }
  }

  /**
   * Parses {@code host:port:weight}.
   *
   * @throws IllegalArgumentException with a short reason
   */
  public static ServerSpec parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("a server name after a space is not supported");
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0 || s.lastIndexOf(':', colon - 1) < 0) {
      throw new IllegalArgumentException("expected host:port:weight");
    }
    String weight = s.substring(colon + 1);
    if (weight.isEmpty() || weight.length() > 9 || !weight.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("weight must be a non-negative integer");
    }
    HostPort address = HostPort.parse(s.substring(0, colon));
    return new ServerSpec(address.host(), address.port(), Integer.parseInt(weight));
  }

  /** The datastore's address. */
  public HostPort hostPort() {
    return new HostPort(host, port);
  }

  /** {@code host:port:weight}, as Dynomite writes it. */
  @Override
  public String toString() {
    return hostPort() + ":" + weight;
  }
}
