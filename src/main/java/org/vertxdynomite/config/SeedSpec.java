package org.vertxdynomite.config;

import java.util.List;

/**
 * One entry of Dynomite's {@code dyn_seeds} list, written {@code host:port:rack:dc:tokens}: a peer
 * node, its rack and datacenter, and the tokens it owns ({@code 1383429731} or {@code 1,1001}).
 */
public record SeedSpec(String host, int port, String rack, String dc, List<Long> tokens) {

  private static final String FORMAT = "expected host:port:rack:dc:tokens";

  /** Validates every part; rack and dc must be names without blanks or colons. */
  public SeedSpec {
    new HostPort(host, port);
    Names.check(rack, "rack");
    Names.check(dc, "dc");
    if (tokens == null || tokens.isEmpty()) {
      throw new IllegalArgumentException("no token given");
    }
    tokens.forEach(Tokens::check);
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses {@code host:port:rack:dc:tokens}, reading the fields from the end as Dynomite does, so an
   * IPv6 host keeps its colons.
   *
   * @throws IllegalArgumentException with a short reason
   */
  public static SeedSpec parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("a seed name after a space is not supported");
    }
    String[] tail = new String[3]; // tokens, dc, rack, taken from the end
    int end = s.length();
    for (int i = 0; i < tail.length; i++) {
      int colon = s.lastIndexOf(':', end - 1);
      if (colon <= 0) {
        throw new IllegalArgumentException(FORMAT);
      }
      tail[i] = s.substring(colon + 1, end);
      end = colon;
    }
    if (s.lastIndexOf(':', end - 1) < 0) {
      // Too few fields, e.g. the old host:port:dc:tokens form: say so rather than "no port".
      throw new IllegalArgumentException(FORMAT);
    }
    HostPort address = HostPort.parse(s.substring(0, end));
    return new SeedSpec(address.host(), address.port(), tail[2], tail[1], Tokens.parse(tail[0]));
  }

  /** The peer's address. */
  public HostPort hostPort() {
    return new HostPort(host, port);
  }

  /** {@code host:port:rack:dc:tokens}, as Dynomite writes it. */
  @Override
  public String toString() {
    return hostPort() + ":" + rack + ":" + dc + ":" + Tokens.format(tokens);
  }
}
