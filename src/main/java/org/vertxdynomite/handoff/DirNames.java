package org.vertxdynomite.handoff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Names as directory names, reversibly: ASCII letters, digits, {@code .} and {@code -} stay; every
 * other byte of the UTF-8 form becomes {@code _XX} (two upper-case hex digits).
 */
final class DirNames {

  private static final String HEX = "0123456789ABCDEF";

  private DirNames() {}

  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (kept(c)) {
        out.append((char) c);
      } else {
        out.append('_').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
      }
    }
    return out.toString();
  }

  /** The name {@code s} encodes; throws {@link IllegalArgumentException} for text {@link #encode} never makes. */
  static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' && i + 2 < s.length() && HEX.indexOf(s.charAt(i + 1)) >= 0 && HEX.indexOf(s.charAt(i + 2)) >= 0) {
        out.write(HEX.indexOf(s.charAt(i + 1)) << 4 | HEX.indexOf(s.charAt(i + 2)));
        i += 2;
      } else if (c < 128 && kept(c)) {
        out.write(c);
      } else {
        throw new IllegalArgumentException("not an encoded name: " + s);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean kept(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
  }
}
