package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Factories and shared constants for RESP2 replies. */
public final class Replies {

  static final byte[] CRLF = {'\r', '\n'};

  public static final Reply OK = new SimpleReply("OK");
  public static final Reply PONG = new SimpleReply("PONG");
  public static final Reply QUEUED = new SimpleReply("QUEUED");
  /** {@code $-1}: RESP2's nil bulk string, the usual "no value". */
  public static final Reply NULL_BULK = out -> out.appendBytes(new byte[] {'$', '-', '1', '\r', '\n'});
  /** {@code *-1}: RESP2's nil array, used by blocking pops on timeout and a few others. */
  public static final Reply NULL_ARRAY = out -> out.appendBytes(new byte[] {'*', '-', '1', '\r', '\n'});
  public static final Reply EMPTY_ARRAY = new ArrayReply(List.of());
  public static final Reply ZERO = new IntegerReply(0);
  public static final Reply ONE = new IntegerReply(1);

  private static final IntegerReply[] SMALL_INTS = new IntegerReply[128];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = new IntegerReply(i);
    }
  }

  private Replies() {}

  public static Reply simple(String text) {
    return new SimpleReply(text);
  }

  public static Reply integer(long value) {
    return value >= 0 && value < SMALL_INTS.length ? SMALL_INTS[(int) value] : new IntegerReply(value);
  }

  public static Reply bulk(byte[] value) {
    return value == null ? NULL_BULK : new BulkReply(value);
  }

  public static Reply bulk(String value) {
    return value == null ? NULL_BULK : new BulkReply(value.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply array(List<? extends Reply> items) {
    return items.isEmpty() ? EMPTY_ARRAY : new ArrayReply(List.copyOf(items));
  }

  public static Reply array(Reply... items) {
    return array(List.of(items));
  }

  /** Bytes that are already a complete RESP2 encoding, written through unchanged. */
  public static Reply raw(Buffer encoded) {
    return out -> out.appendBuffer(encoded);
  }

  /** Appends {@code prefix}, the decimal digits of {@code n} and CRLF, without allocating a String. */
  static void writeLine(Buffer out, byte prefix, long n) {
    out.appendByte(prefix);
    if (n == 0) {
      out.appendByte((byte) '0');
    } else {
      if (n < 0) {
        out.appendByte((byte) '-');
        if (n == Long.MIN_VALUE) {
          out.appendString("9223372036854775808");
          out.appendBytes(CRLF);
          return;
        }
        n = -n;
      }
      byte[] digits = new byte[19];
      int i = digits.length;
      while (n > 0) {
        digits[--i] = (byte) ('0' + (n % 10));
        n /= 10;
      }
      out.appendBytes(digits, i, digits.length - i);
    }
    out.appendBytes(CRLF);
  }
}
