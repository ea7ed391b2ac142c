package org.vertxdynomite.datastore.embedded;

import java.util.Arrays;

/**
 * A string value: a byte buffer that may have spare capacity, so that repeated APPEND and SETRANGE
 * are amortised O(1) per byte.
 *
 * <p>{@link #bytes()} may hand out the internal array (replies are written after the lock is
 * released), so an exposed array is never written again: the next mutation copies it first.
 */
final class StringValue implements Value {

  private byte[] buf;
  private int len;
  private boolean exposed;

  /** A string holding {@code value}, which is shared, never written. */
  StringValue(byte[] value) {
    this.buf = value;
    this.len = value.length;
    this.exposed = true;
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  int length() {
    return len;
  }

  byte byteAt(int i) {
    return buf[i];
  }

  /** The value; the array must not be modified by the caller. */
  byte[] bytes() {
    if (buf.length != len) {
      buf = Arrays.copyOf(buf, len);
    }
    exposed = true;
    return buf;
  }

  /** A copy of bytes {@code [from, to)}. */
  byte[] range(int from, int to) {
    return Arrays.copyOfRange(buf, from, to);
  }

  /** The internal array for reading only, valid up to {@link #length()}, until the next mutation. */
  byte[] peek() {
    return buf;
  }

  void append(byte[] more) {
    int newLen = len + more.length;
    writable(newLen);
    System.arraycopy(more, 0, buf, len, more.length);
    len = newLen;
  }

  /** Overwrites from {@code offset}, zero-padding any gap, as SETRANGE does. */
  void setRange(int offset, byte[] part) {
    int newLen = Math.max(len, offset + part.length);
    writable(newLen);
    if (offset > len) {
      Arrays.fill(buf, len, offset, (byte) 0);
    }
    System.arraycopy(part, 0, buf, offset, part.length);
    len = newLen;
  }

  /**
   * Makes the value at least {@code minLen} bytes long (zero-padded) and returns an array that
   * may be written in place up to {@link #length()}.
   */
  byte[] writableBuffer(int minLen) {
    int newLen = Math.max(len, minLen);
    writable(newLen);
    if (newLen > len) {
      Arrays.fill(buf, len, newLen, (byte) 0);
    }
    len = newLen;
    return buf;
  }

  private void writable(int needed) {
    if (needed > buf.length) {
      int cap = needed < (1 << 20) ? Math.max(needed * 2, 16) : needed + (1 << 20);
      buf = Arrays.copyOf(buf, cap);
      exposed = false;
    } else if (exposed) {
      buf = buf.clone();
      exposed = false;
    }
  }

  @Override
  public long memory() {
    return Memory.bytes(buf.length);
  }

  @Override
  public Value copy() {
    return new StringValue(Arrays.copyOf(buf, len));
  }
}
