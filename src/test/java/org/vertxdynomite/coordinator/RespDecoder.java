package org.vertxdynomite.coordinator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Decodes the raw bytes of one RESP2 reply, as redis-server sent them, into the node's {@link Reply} values. */
final class RespDecoder {

  private final byte[] bytes;
  private int pos;

  private RespDecoder(byte[] bytes) {
    this.bytes = bytes;
  }

  static Reply decode(byte[] reply) {
    return new RespDecoder(reply).value();
  }

  private Reply value() {
    byte type = bytes[pos++];
    String line = line();
    return switch (type) {
      case '+' -> Replies.simple(line);
      case '-' -> new RespError(line);
      case ':' -> Replies.integer(Long.parseLong(line));
      case '$' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield Replies.NULL_BULK;
        }
        byte[] value = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n + 2;
        yield Replies.bulk(value);
      }
      case '*' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield Replies.NULL_ARRAY;
        }
        List<Reply> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(value());
        }
        yield Replies.array(items);
      }
      default -> throw new IllegalArgumentException("not RESP2: " + (char) type);
    };
  }

  private String line() {
    int start = pos;
    while (bytes[pos] != '\r') {
      pos++;
    }
    pos += 2;
    return new String(bytes, start, pos - 2 - start, StandardCharsets.ISO_8859_1);
  }
}
