package org.vertxdynomite.datastore.embedded;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32C;

/**
 * The embedded store's DUMP payload: {@code type, body, format version (2 bytes), CRC32C of all
 * before it (4 bytes)}. Lengths and counts are unsigned LEB128 varints; scores are IEEE doubles.
 * It is not Redis's RDB encoding: payloads move between embedded nodes (warm-up), and RESTORE
 * rejects anything else with Redis's own "DUMP payload version or checksum are wrong".
 */
final class DumpFormat {

  static final int VERSION = 1;

  private static final int T_STRING = 0;
  private static final int T_LIST = 1;
  private static final int T_SET = 2;
  private static final int T_ZSET = 3;
  private static final int T_HASH = 4;

  private DumpFormat() {}

  static byte[] dump(Value v) {
    Out out = new Out();
    if (v instanceof StringValue s) {
      out.write(T_STRING);
      out.bytes(s.bytes());
    } else if (v instanceof ListValue l) {
      out.write(T_LIST);
      out.varint(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.bytes(l.get(i));
      }
    } else if (v instanceof SetValue s) {
      out.write(T_SET);
      out.varint(s.size());
      s.members.forEach(n -> out.bytes(n.key));
    } else if (v instanceof ZSetValue z) {
      out.write(T_ZSET);
      out.write(z.isListpack() ? 1 : 0);
      out.varint(z.size());
      for (ZSkipList.Node n = z.list.header.next(); n != null; n = n.next()) {
        out.bytes(n.member);
        out.longBits(Double.doubleToRawLongBits(n.score));
      }
    } else {
      HashValue h = (HashValue) v;
      out.write(T_HASH);
      out.varint(h.size());
      h.fields.forEach(n -> {
        out.bytes(n.key);
        out.bytes(n.value);
      });
    }
    out.write(VERSION >>> 8);
    out.write(VERSION & 0xff);
    CRC32C crc = new CRC32C();
    byte[] body = out.toByteArray();
    crc.update(body);
    long sum = crc.getValue();
    out.write((int) (sum >>> 24));
    out.write((int) (sum >>> 16));
    out.write((int) (sum >>> 8));
    out.write((int) sum);
    return out.toByteArray();
  }

  /** Whether the trailer's version and checksum are right (Redis's verifyDumpPayload). */
  static boolean verify(byte[] p) {
    if (p.length < 7) {
      return false;
    }
    int n = p.length - 4;
    int version = (p[n - 2] & 0xff) << 8 | (p[n - 1] & 0xff);
    if (version != VERSION) {
      return false;
    }
    CRC32C crc = new CRC32C();
    crc.update(p, 0, n);
    long stored = (p[n] & 0xffL) << 24 | (p[n + 1] & 0xffL) << 16 | (p[n + 2] & 0xffL) << 8 | (p[n + 3] & 0xffL);
    return crc.getValue() == stored;
  }

  /** Decodes a verified payload; null when its body is malformed ("Bad data format"). */
  static Value restore(byte[] p) {
    In in = new In(p, p.length - 6);
    try {
      Value v = switch (in.read()) {
        case T_STRING -> new StringValue(in.bytes());
        case T_LIST -> {
          ListValue l = new ListValue();
          for (long i = in.count(); i > 0; i--) {
            l.addLast(in.bytes());
          }
          yield l;
        }
        case T_SET -> {
          SetValue s = new SetValue();
          for (long i = in.count(); i > 0; i--) {
            s.add(in.bytes());
          }
          yield s;
        }
        case T_ZSET -> {
          ZSetValue z = new ZSetValue(in.read() == 1);
          for (long i = in.count(); i > 0; i--) {
            byte[] m = in.bytes();
            z.put(m, Double.longBitsToDouble(in.longBits()));
          }
          yield z;
        }
        case T_HASH -> {
          HashValue h = new HashValue();
          for (long i = in.count(); i > 0; i--) {
            h.put(in.bytes(), in.bytes());
          }
          yield h;
        }
        default -> null;
      };
      // Redis refuses empty collections and trailing garbage as bad data too.
      if (v == null || v.isEmptyCollection() || !in.atEnd()) {
        return null;
      }
      return v;
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static final class Out extends ByteArrayOutputStream {
    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void bytes(byte[] b) {
      varint(b.length);
      write(b, 0, b.length);
    }

    void longBits(long v) {
      for (int s = 56; s >= 0; s -= 8) {
        write((int) (v >>> s));
      }
    }
  }

  private static final class In {
    private final byte[] p;
    private final int end;
    private int pos;

    In(byte[] p, int end) {
      this.p = p;
      this.end = end;
    }

    int read() {
      if (pos >= end) {
        throw new IndexOutOfBoundsException(pos);
      }
      return p[pos++] & 0xff;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = read();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IndexOutOfBoundsException("varint too long");
    }

    /** A count that cannot exceed the bytes left (each element takes at least one byte). */
    long count() {
      long n = varint();
      if (n < 0 || n > end - pos) {
        throw new IndexOutOfBoundsException("count " + n);
      }
      return n;
    }

    byte[] bytes() {
      long n = varint();
      if (n < 0 || n > end - pos) {
        throw new IndexOutOfBoundsException("length " + n);
      }
      byte[] b = java.util.Arrays.copyOfRange(p, pos, pos + (int) n);
      pos += (int) n;
      return b;
    }

    long longBits() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = v << 8 | read();
      }
      return v;
    }

    boolean atEnd() {
      return pos == end;
    }
  }
}
