package org.vertxdynomite.datastore.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A RESP2 reply parsed from raw bytes: for order-insensitive comparison and readable failures. */
record RespValue(char type, byte[] data, List<RespValue> items) {

  static RespValue parse(byte[] raw) {
    int[] pos = {0};
    RespValue v = read(raw, pos);
    if (pos[0] != raw.length) {
      throw new IllegalArgumentException("trailing bytes after reply: " + render(raw));
    }
    return v;
  }

  private static RespValue read(byte[] raw, int[] pos) {
    char t = (char) raw[pos[0]];
    int eol = pos[0];
    while (!(raw[eol] == '\r' && raw[eol + 1] == '\n')) {
      eol++;
    }
    String line = new String(raw, pos[0] + 1, eol - pos[0] - 1, StandardCharsets.ISO_8859_1);
    pos[0] = eol + 2;
    switch (t) {
      case '$' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          return new RespValue('$', null, null);
        }
        byte[] d = Arrays.copyOfRange(raw, pos[0], pos[0] + n);
        pos[0] += n + 2;
        return new RespValue('$', d, null);
      }
      case '*' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          return new RespValue('*', null, null);
        }
        List<RespValue> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(read(raw, pos));
        }
        return new RespValue('*', null, items);
      }
      default -> {
        return new RespValue(t, line.getBytes(StandardCharsets.ISO_8859_1), null);
      }
    }
  }

  boolean isNil() {
    return (type == '$' && data == null) || (type == '*' && items == null);
  }

  boolean isError() {
    return type == '-';
  }

  long asLong() {
    return Long.parseLong(str());
  }

  String str() {
    return data == null ? null : new String(data, StandardCharsets.UTF_8);
  }

  /** A canonical key for sorting/multiset comparison. */
  String key() {
    if (items != null) {
      StringBuilder sb = new StringBuilder("*[");
      for (RespValue i : items) {
        sb.append(i.key()).append(',');
      }
      return sb.append(']').toString();
    }
    return type + (data == null ? "nil" : Arrays.toString(data));
  }

  @Override
  public String toString() {
    if (items != null) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < items.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(items.get(i));
      }
      return sb.append(']').toString();
    }
    if (isNil()) {
      return "(nil" + type + ")";
    }
    return type == '$' ? '"' + str() + '"' : type + str();
  }

  /** Raw reply bytes made printable. */
  static String render(byte[] raw) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(raw.length, 400);
    for (int i = 0; i < shown; i++) {
      byte b = raw[i];
      if (b == '\r') {
        sb.append("\\r");
      } else if (b == '\n') {
        sb.append("\\n");
      } else if (b < 32 || b > 126) {
        sb.append(String.format("\\x%02x", b & 0xff));
      } else {
        sb.append((char) b);
      }
    }
    if (shown < raw.length) {
      sb.append("…(").append(raw.length).append(" bytes)");
    }
    return sb.toString();
  }
}
