package org.vertxdynomite.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the raw RESP2 bytes of one reply into plain Java values for assertions: simple and bulk
 * strings as {@code String} (ISO-8859-1, so every byte survives), errors as {@link Error}, integers
 * as {@code Long}, arrays as {@code List<Object>}, nils as null.
 */
final class ParsedReply {

  /** An error reply's text, without the leading '-'. */
  record Error(String message) {}

  private final byte[] bytes;
  private int pos;

  private ParsedReply(byte[] bytes) {
    this.bytes = bytes;
  }

  static Object parse(byte[] reply) {
    return new ParsedReply(reply).value();
  }

  private Object value() {
    byte type = bytes[pos++];
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        return new Error(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int n = Integer.parseInt(line);
        if (n < 0) {
          return null;
        }
        String s = new String(bytes, pos, n, StandardCharsets.ISO_8859_1);
        pos += n + 2;
        return s;
      }
      case '*': {
        int n = Integer.parseInt(line);
        if (n < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(value());
        }
        return items;
      }
      default:
        throw new IllegalArgumentException("not RESP2: " + (char) type);
    }
  }

  private String line() {
    int start = pos;
    while (bytes[pos] != '\r') {
      pos++;
    }
    String s = new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1);
    pos += 2;
    return s;
  }
}
