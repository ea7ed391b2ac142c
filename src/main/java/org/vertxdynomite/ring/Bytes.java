package org.vertxdynomite.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Little-endian reads shared by the hash functions (Dynomite runs on x86, so its word reads are
 * little-endian).
 */
final class Bytes {

  static final long UINT32_MASK = 0xFFFF_FFFFL;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  /** The 32-bit little-endian word at {@code key[i .. i + 4)}. */
  static int intLE(byte[] key, int i) {
    return (int) INT_LE.get(key, i);
  }

  /** The 16-bit little-endian word at {@code key[i .. i + 2)}, as a non-negative int. */
  static int shortLE(byte[] key, int i) {
    return (key[i] & 0xFF) | (key[i + 1] & 0xFF) << 8;
  }

  /** The {@code count} (0..4) bytes at {@code key[i]} as a little-endian word, the rest zero. */
  static int partialIntLE(byte[] key, int i, int count) {
    int word = 0;
    for (int b = 0; b < count; b++) {
      word |= (key[i + b] & 0xFF) << (8 * b);
    }
    return word;
  }

  /** Fails as an array access would if {@code [offset, offset + length)} is outside {@code key}. */
  static void checkRange(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
  }
}
