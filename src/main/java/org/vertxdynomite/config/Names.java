package org.vertxdynomite.config;

/** Checks for datacenter, rack and pool names. */
final class Names {

  private Names() {}

  /**
   * Returns {@code name} if it is a usable datacenter or rack name: not empty, no blanks, and no
   * colon or comma, which would break the {@code host:port:rack:dc:tokens} seed format.
   */
  static String check(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c == ':' || c == ',') {
        throw new IllegalArgumentException(what + " must not contain blanks, ':' or ','");
      }
    }
    return name;
  }
}
