package org.vertxdynomite.repair;

import java.nio.charset.StandardCharsets;

/** Keys as map keys: each byte one ISO-8859-1 char, so any binary key round-trips. */
final class Keys {

  private Keys() {}

  static String of(byte[] key) {
    return new String(key, StandardCharsets.ISO_8859_1);
  }

  static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.ISO_8859_1);
  }
}
