package org.vertxdynomite.datastore.embedded;

import java.util.Arrays;

/**
 * Redis's HyperLogLog, byte for byte: the same 16-byte header ("HYLL", encoding, cached
 * cardinality with its invalid bit), the same sparse run-length opcodes (ZERO, XZERO, VAL) and
 * 6-bit dense registers; hashing and estimation are in {@link HllMath}. GET of an HLL key and
 * PFCOUNT therefore answer exactly what redis-server answers.
 *
 * <p>An HLL is edited in a {@link Buf} (bytes plus length, room to grow) and written back as a
 * string value.
 */
final class HyperLogLog {

  static final int P = 14;
  static final int Q = 64 - P;
  static final int REGISTERS = 1 << P;
  static final int HDR = 16;
  static final int DENSE_SIZE = HDR + (REGISTERS * 6 + 7) / 8;
  static final int SPARSE = 1;
  static final int DENSE = 0;
  /** Redis's hll-sparse-max-bytes default. */
  static final int SPARSE_MAX_BYTES = 3000;
  private static final int VAL_MAX_VALUE = 32;
  private static final int VAL_MAX_LEN = 4;
  private static final int ZERO_MAX_LEN = 64;
  private static final int XZERO_MAX_LEN = 16384;

  /** A mutable HLL representation. */
  static final class Buf {
    byte[] b;
    int len;

    Buf(byte[] bytes, int len) {
      this.b = bytes;
      this.len = len;
    }

    byte[] toBytes() {
      return Arrays.copyOf(b, len);
    }

    int encoding() {
      return b[4];
    }

    void ensure(int n) {
      if (b.length < n) {
        b = Arrays.copyOf(b, Math.max(n, b.length * 2));
      }
    }
  }

  private HyperLogLog() {}

  /** A new, empty HLL in the sparse encoding: one XZERO opcode covering every register. */
  static Buf create() {
    byte[] s = new byte[HDR + 2];
    s[0] = 'H';
    s[1] = 'Y';
    s[2] = 'L';
    s[3] = 'L';
    s[4] = SPARSE;
    s[HDR] = (byte) (0x40 | ((XZERO_MAX_LEN - 1) >> 8));
    s[HDR + 1] = (byte) ((XZERO_MAX_LEN - 1) & 0xff);
    return new Buf(s, s.length);
  }

  /** Redis's isHLLObjectOrReply checks: magic, known encoding, exact dense size. */
  static boolean isValid(byte[] s, int len) {
    if (len < HDR || s[0] != 'H' || s[1] != 'Y' || s[2] != 'L' || s[3] != 'L') {
      return false;
    }
    int enc = s[4] & 0xff;
    return enc <= 1 && (enc != DENSE || len == DENSE_SIZE);
  }

  static void invalidateCache(Buf h) {
    h.b[15] |= (byte) 0x80;
  }

  static int denseGet(byte[] b, int regnum) {
    int byteIdx = HDR + regnum * 6 / 8;
    int fb = regnum * 6 & 7;
    int b0 = b[byteIdx] & 0xff;
    int b1 = byteIdx + 1 < b.length ? b[byteIdx + 1] & 0xff : 0;
    return ((b0 >> fb) | (b1 << (8 - fb))) & 63;
  }

  static void denseSet(byte[] b, int regnum, int val) {
    int byteIdx = HDR + regnum * 6 / 8;
    int fb = regnum * 6 & 7;
    b[byteIdx] = (byte) ((b[byteIdx] & ~(63 << fb)) | (val << fb));
    if (byteIdx + 1 < DENSE_SIZE) {
      int fb8 = 8 - fb;
      b[byteIdx + 1] = (byte) ((b[byteIdx + 1] & ~(63 >> fb8)) | (val >> fb8));
    }
  }

  /** Adds an element: 1 if a register changed, 0 if not, -1 if the sparse data is corrupt. */
  static int add(Buf h, byte[] ele) {
    long pl = HllMath.patLen(ele);
    int index = (int) pl;
    int count = (int) (pl >>> 32);
    return set(h, index, count);
  }

  /** Raises register {@code index} to {@code count}: 1 changed, 0 unchanged, -1 corrupt. */
  static int set(Buf h, int index, int count) {
    if (h.encoding() == DENSE) {
      if (count > denseGet(h.b, index)) {
        denseSet(h.b, index, count);
        return 1;
      }
      return 0;
    }
    return sparseSet(h, index, count);
  }

  private static boolean isZero(int op) {
    return (op & 0xc0) == 0;
  }

  private static boolean isXzero(int op) {
    return (op & 0xc0) == 0x40;
  }

  private static int sparseSet(Buf h, int index, int count) {
    if (count > VAL_MAX_VALUE) {
      return promote(h, index, count);
    }
    h.ensure(h.len + 3);
    byte[] b = h.b;
    int p = HDR;
    int end = h.len;
    int first = 0;
    int prev = -1;
    int span = 0;
    while (p < end) {
      int op = b[p] & 0xff;
      int oplen = 1;
      if (isZero(op)) {
        span = (op & 0x3f) + 1;
      } else if ((op & 0x80) != 0) {
        span = (op & 0x3) + 1;
      } else {
        span = (((op & 0x3f) << 8) | (b[p + 1] & 0xff)) + 1;
        oplen = 2;
      }
      if (index <= first + span - 1) {
        break;
      }
      prev = p;
      p += oplen;
      first += span;
    }
    if (span == 0 || p >= end) {
      return -1;
    }
    int op = b[p] & 0xff;
    int next = isXzero(op) ? p + 2 : p + 1;
    if (next >= end) {
      next = -1;
    }
    boolean zero = isZero(op);
    boolean xzero = isXzero(op);
    boolean val = !zero && !xzero;
    int runlen = zero ? (op & 0x3f) + 1 : xzero ? (((op & 0x3f) << 8) | (b[p + 1] & 0xff)) + 1 : (op & 0x3) + 1;

    if (val) {
      int old = ((op >> 2) & 0x1f) + 1;
      if (old >= count) {
        return 0;
      }
      if (runlen == 1) {
        b[p] = valOp(count, 1);
        return mergeAdjacent(h, prev, end);
      }
    }
    if (zero && runlen == 1) {
      b[p] = valOp(count, 1);
      return mergeAdjacent(h, prev, end);
    }

    // General case: split the opcode into up to three (XZERO-VAL-XZERO is 5 bytes).
    byte[] seq = new byte[5];
    int n = 0;
    int last = first + span - 1;
    if (zero || xzero) {
      if (index != first) {
        n = putZeros(seq, n, index - first);
      }
      seq[n++] = valOp(count, 1);
      if (index != last) {
        n = putZeros(seq, n, last - index);
      }
    } else {
      int cur = ((op >> 2) & 0x1f) + 1;
      if (index != first) {
        seq[n++] = valOp(cur, index - first);
      }
      seq[n++] = valOp(count, 1);
      if (index != last) {
        seq[n++] = valOp(cur, last - index);
      }
    }
    int oldLen = xzero ? 2 : 1;
    int delta = n - oldLen;
    if (delta > 0 && h.len + delta > SPARSE_MAX_BYTES) {
      return promote(h, index, count);
    }
    if (delta != 0 && next >= 0) {
      System.arraycopy(b, next, b, next + delta, end - next);
    }
    h.len += delta;
    System.arraycopy(seq, 0, b, p, n);
    return mergeAdjacent(h, prev, end + delta);
  }

  private static int putZeros(byte[] seq, int n, int len) {
    if (len > ZERO_MAX_LEN) {
      seq[n++] = (byte) (0x40 | ((len - 1) >> 8));
      seq[n++] = (byte) ((len - 1) & 0xff);
    } else {
      seq[n++] = (byte) (len - 1);
    }
    return n;
  }

  private static byte valOp(int value, int len) {
    return (byte) (((value - 1) << 2 | (len - 1)) | 0x80);
  }

  /** Step 4 of Redis's sparse update: merge adjacent equal VAL opcodes, scanning 5 from {@code prev}. */
  private static int mergeAdjacent(Buf h, int prev, int end) {
    byte[] b = h.b;
    int p = prev >= 0 ? prev : HDR;
    int scan = 5;
    while (p < end && scan-- > 0) {
      int op = b[p] & 0xff;
      if (isXzero(op)) {
        p += 2;
        continue;
      }
      if (isZero(op)) {
        p++;
        continue;
      }
      if (p + 1 < end && (b[p + 1] & 0x80) != 0) {
        int v1 = ((op >> 2) & 0x1f) + 1;
        int op2 = b[p + 1] & 0xff;
        int v2 = ((op2 >> 2) & 0x1f) + 1;
        if (v1 == v2) {
          int len = (op & 0x3) + 1 + (op2 & 0x3) + 1;
          if (len <= VAL_MAX_LEN) {
            b[p + 1] = valOp(v1, len);
            System.arraycopy(b, p + 1, b, p, end - p - 1);
            h.len--;
            end--;
            continue;
          }
        }
      }
      p++;
    }
    invalidateCache(h);
    return 1;
  }

  private static int promote(Buf h, int index, int count) {
    if (!toDense(h)) {
      return -1;
    }
    denseSet(h.b, index, count);
    return 1;
  }

  /** Converts a sparse HLL to dense in place (header and cached cardinality kept); false if corrupt. */
  static boolean toDense(Buf h) {
    if (h.encoding() == DENSE) {
      return true;
    }
    byte[] dense = new byte[DENSE_SIZE];
    System.arraycopy(h.b, 0, dense, 0, HDR);
    dense[4] = DENSE;
    byte[] b = h.b;
    int idx = 0;
    int p = HDR;
    while (p < h.len) {
      int op = b[p] & 0xff;
      if (isZero(op)) {
        idx += (op & 0x3f) + 1;
        p++;
      } else if (isXzero(op)) {
        idx += (((op & 0x3f) << 8) | (b[p + 1] & 0xff)) + 1;
        p += 2;
      } else {
        int runlen = (op & 0x3) + 1;
        int v = ((op >> 2) & 0x1f) + 1;
        if (idx + runlen > REGISTERS) {
          return false;
        }
        for (int i = 0; i < runlen; i++) {
          denseSet(dense, idx++, v);
        }
        p++;
      }
      if (idx > REGISTERS) {
        return false;
      }
    }
    if (idx != REGISTERS) {
      return false;
    }
    h.b = dense;
    h.len = DENSE_SIZE;
    return true;
  }

  /** max[i] = MAX(max[i], register i of {@code s}); false if a sparse HLL is corrupt. */
  static boolean merge(byte[] max, byte[] s, int len) {
    if (s[4] == DENSE) {
      for (int i = 0; i < REGISTERS; i++) {
        int v = denseGet(s, i);
        if (v > max[i]) {
          max[i] = (byte) v;
        }
      }
      return true;
    }
    int i = 0;
    int p = HDR;
    while (p < len) {
      int op = s[p] & 0xff;
      int runlen;
      if (isZero(op)) {
        runlen = (op & 0x3f) + 1;
        p++;
      } else if (isXzero(op)) {
        runlen = (((op & 0x3f) << 8) | (p + 1 < len ? s[p + 1] & 0xff : 0)) + 1;
        p += 2;
      } else {
        runlen = (op & 0x3) + 1;
        int v = ((op >> 2) & 0x1f) + 1;
        if (i + runlen > REGISTERS) {
          return false;
        }
        for (int k = 0; k < runlen; k++, i++) {
          if (v > max[i]) {
            max[i] = (byte) v;
          }
        }
        p++;
        continue;
      }
      if (i + runlen > REGISTERS) {
        return false;
      }
      i += runlen;
    }
    return i == REGISTERS;
  }

  /** Histogram of register values of a stored HLL; null if a sparse HLL is corrupt. */
  static int[] histogram(byte[] s, int len) {
    byte[] raw = new byte[REGISTERS];
    if (!merge(raw, s, len)) {
      return null;
    }
    return HllMath.rawHistogram(raw);
  }

  /** The cached cardinality if valid, else -1. */
  static long cached(byte[] s) {
    if ((s[15] & 0x80) != 0) {
      return -1;
    }
    long card = 0;
    for (int i = 7; i >= 0; i--) {
      card = (card << 8) | (s[8 + i] & 0xffL);
    }
    return card;
  }

  static void storeCache(byte[] s, long card) {
    for (int i = 0; i < 8; i++) {
      s[8 + i] = (byte) (card >>> (8 * i));
    }
  }
}
