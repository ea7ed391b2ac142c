package org.vertxdynomite.config;

/** Checks for DNS names such as a Kubernetes Service's {@code dynomite-peers.default.svc.cluster.local}. */
final class DnsNames {

  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  private DnsNames() {}

  /**
   * Returns {@code name} if it is a DNS name: dot-separated labels of letters, digits and {@code
   * -}, none empty, none starting or ending with {@code -}, each at most 63 characters, at most 253
   * in all; one trailing dot (a fully qualified name) is allowed.
   */
  static String check(String name) {
    String body = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (body.isEmpty() || body.length() > MAX_NAME) {
      throw new IllegalArgumentException("must be a DNS name of 1.." + MAX_NAME + " characters");
    }
    for (String label : body.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")
          || !label.chars().allMatch(DnsNames::isLabelChar)) {
        throw new IllegalArgumentException("'" + label + "' is not a DNS label (letters, digits and '-', "
            + "not at either end, at most " + MAX_LABEL + " characters)");
      }
    }
    return name;
  }

  private static boolean isLabelChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
