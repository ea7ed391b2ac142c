package org.vertxdynomite.config;

/**
 * A listening or connecting address written {@code host:port}, as Dynomite writes {@code listen},
 * {@code dyn_listen} and {@code stats_listen}.
 *
 * <p>The host is an IPv4 address, a host name, or an IPv6 address (bracketed or not: like Dynomite,
 * the port is whatever follows the <em>last</em> colon). It is checked for syntax only and never
 * resolved here. The port is 1..65535. Unix socket paths, which Dynomite accepts for
 * {@code listen}, are not supported.
 */
public record HostPort(String host, int port) {

  /** Validates both parts; throws {@link IllegalArgumentException} naming what is wrong. */
  public HostPort {
    checkHost(host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535");
    }
  }

  /**
   * Parses {@code host:port}.
   *
   * @throws IllegalArgumentException with a short reason, e.g. {@code port must be 1..65535}
   */
  public static HostPort parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    if (s.startsWith("/")) {
      throw new IllegalArgumentException("unix socket paths are not supported");
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("the :port is missing");
    }
    String host = s.substring(0, colon);
    if (host.length() > 1 && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, parsePort(s.substring(colon + 1)));
  }

  /** Whether the host is a wildcard address (binds every interface). */
  public boolean isWildcard() {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
  }

  /** Whether binding both addresses at once would collide: same port, and same or wildcard host. */
  public boolean collidesWith(HostPort other) {
    return port == other.port && (host.equalsIgnoreCase(other.host) || isWildcard() || other.isWildcard());
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(HostPort::isDigit)) {
      throw new IllegalArgumentException("port must be 1..65535");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535");
    }
    return port;
  }

  private static void checkHost(String host) {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("the host is empty");
    }
    if (host.indexOf(':') >= 0) {
      if (!host.chars().allMatch(c -> isDigit(c) || "abcdefABCDEF:.".indexOf(c) >= 0)) {
        throw new IllegalArgumentException("'" + host + "' is not a valid IPv6 address");
      }
    } else if (host.chars().allMatch(c -> isDigit(c) || c == '.')) {
      checkIpv4(host);
    } else if (host.length() > 253 || !host.matches("[A-Za-z0-9_]([A-Za-z0-9_-]*)(\\.[A-Za-z0-9_-]+)*\\.?")) {
      throw new IllegalArgumentException("'" + host + "' is not a valid host name");
    }
  }

  private static void checkIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    boolean ok = parts.length == 4;
    for (int i = 0; ok && i < parts.length; i++) {
      ok = !parts[i].isEmpty() && parts[i].length() <= 3 && Integer.parseInt(parts[i]) <= 255;
    }
    if (!ok) {
      throw new IllegalArgumentException("'" + host + "' is not a valid IPv4 address");
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
