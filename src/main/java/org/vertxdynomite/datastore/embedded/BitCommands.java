package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Bitmaps: SETBIT, GETBIT, BITCOUNT and BITPOS (BYTE/BIT ranges), BITOP. */
final class BitCommands {

  static final RespError BAD_OFFSET = RespError.err("bit offset is not an integer or out of range");
  private static final RespError BAD_BIT = RespError.err("bit is not an integer or out of range");
  private static final RespError BIT_ARG = RespError.err("The bit argument must be 1 or 0.");
  private static final RespError NOT_SINGLE = RespError.err("BITOP NOT must be called with a single source key.");

  private BitCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("setbit", 4, WRITE | DENYOOM, BitCommands::setbit);
    t.add("getbit", 3, READONLY, BitCommands::getbit);
    t.add("bitcount", -2, READONLY, BitCommands::bitcount);
    t.add("bitpos", -3, READONLY, BitCommands::bitpos);
    t.add("bitop", -4, WRITE | DENYOOM, BitCommands::bitop);
  }

  /** Redis's getBitOffsetFromArgument; {@code bits > 0} allows the "#n" form (n × bits). */
  static long bitOffset(byte[] arg, int bits) {
    boolean hash = bits > 0 && arg.length > 0 && arg[0] == '#';
    byte[] digits = hash ? java.util.Arrays.copyOfRange(arg, 1, arg.length) : arg;
    long off = Numbers.parseLong(digits, BAD_OFFSET);
    if (hash) {
      off *= bits;
    }
    if (off < 0 || (off >> 3) >= Errors.MAX_STRING) {
      throw BAD_OFFSET;
    }
    return off;
  }

  /** The string at {@code key} made long enough to address {@code maxBit} (created if absent). */
  static StringValue growForBits(Call c, byte[] key, long maxBit) {
    int bytes = (int) (maxBit >> 3) + 1;
    Keyspace.Entry e = c.ks.entry(key);
    if (e == null) {
      StringValue s = new StringValue(new byte[bytes]);
      c.ks.add(key, s);
      return s;
    }
    StringValue s = StringCommands.asString(e);
    s.writableBuffer(bytes);
    return s;
  }

  private static Reply setbit(Call c) {
    long off = bitOffset(c.arg(2), 0);
    long on = c.longArg(3, BAD_BIT);
    if ((on & ~1L) != 0) {
      throw BAD_BIT;
    }
    StringValue s = growForBits(c, c.arg(1), off);
    byte[] buf = s.writableBuffer(0);
    int byteIdx = (int) (off >> 3);
    int bit = 7 - (int) (off & 7);
    int old = (buf[byteIdx] >> bit) & 1;
    buf[byteIdx] = (byte) ((buf[byteIdx] & ~(1 << bit)) | ((int) on << bit));
    return Replies.integer(old);
  }

  private static Reply getbit(Call c) {
    long off = bitOffset(c.arg(2), 0);
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return Replies.ZERO;
    }
    long byteIdx = off >> 3;
    if (byteIdx >= s.length()) {
      return Replies.ZERO;
    }
    return Replies.integer((s.byteAt((int) byteIdx) >> (7 - (int) (off & 7))) & 1);
  }

  private static Reply bitcount(Call c) {
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return Replies.ZERO;
    }
    long len = s.length();
    Span span;
    if (c.argc() == 4 || c.argc() == 5) {
      long start = c.longArg(2);
      long end = c.longArg(3);
      if (start < 0 && end < 0 && start > end) {
        return Replies.ZERO;
      }
      span = Span.of(start, end, len, rangeUnit(c, 4));
    } else if (c.argc() == 2) {
      span = new Span(0, len - 1, 0, 0);
    } else {
      throw Errors.SYNTAX;
    }
    if (span.start > span.end) {
      return Replies.ZERO;
    }
    byte[] p = s.peek();
    long count = 0;
    for (long i = span.start; i <= span.end; i++) {
      count += Integer.bitCount(p[(int) i] & 0xff);
    }
    count -= Integer.bitCount(p[(int) span.start] & span.firstMask);
    count -= Integer.bitCount(p[(int) span.end] & span.lastMask);
    return Replies.integer(count);
  }

  /**
   * A BYTE or BIT range as bytes [start, end] plus masks of the bits of the first and last byte
   * that lie outside a BIT range (0 when none).
   */
  private record Span(long start, long end, int firstMask, int lastMask) {
    static Span of(long start, long end, long len, boolean isBit) {
      long[] r = Ranges.clamped(start, end, isBit ? len << 3 : len);
      if (isBit && r[0] <= r[1]) {
        return new Span(r[0] >> 3, r[1] >> 3, ~((1 << (8 - (int) (r[0] & 7))) - 1) & 0xFF,
            (1 << (7 - (int) (r[1] & 7))) - 1);
      }
      return new Span(r[0], r[1], 0, 0);
    }
  }

  /** Parses an optional BIT|BYTE at {@code idx}; true for BIT. */
  private static boolean rangeUnit(Call c, int idx) {
    if (c.argc() <= idx) {
      return false;
    }
    if (c.is(idx, "bit")) {
      return true;
    }
    if (c.is(idx, "byte")) {
      return false;
    }
    throw Errors.SYNTAX;
  }

  private static Reply bitpos(Call c) {
    long bit = c.longArg(2);
    if (bit != 0 && bit != 1) {
      throw BIT_ARG;
    }
    StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
    if (s == null) {
      return Replies.integer(bit == 1 ? -1 : 0);
    }
    long len = s.length();
    boolean endGiven = false;
    Span span;
    if (c.argc() >= 4 && c.argc() <= 6) {
      long start = c.longArg(3);
      boolean isBit = c.argc() == 6 && rangeUnit(c, 5);
      long end = len - 1;
      if (c.argc() >= 5) {
        end = c.longArg(4);
        endGiven = true;
      }
      span = Span.of(start, end, len, isBit);
    } else if (c.argc() == 3) {
      span = new Span(0, len - 1, 0, 0);
    } else {
      throw Errors.SYNTAX;
    }
    if (span.start > span.end) {
      return Replies.integer(-1);
    }
    return Replies.integer(findBit(s.peek(), (int) span.start, (int) span.end, (int) bit,
        span.firstMask, span.lastMask, endGiven));
  }

  /** BITPOS over bytes [start, end] with edge masks for BIT ranges, exactly as Redis scans them. */
  private static long findBit(byte[] p, int start, int end, int bit, int firstMask, int lastMask, boolean endGiven) {
    long bytes = end - start + 1;
    long pos;
    scan: {
      if (firstMask != 0) {
        int tmp = bit == 1 ? p[start] & ~firstMask : p[start] | firstMask;
        if (lastMask != 0 && bytes == 1) {
          tmp = bit == 1 ? tmp & ~lastMask : tmp | lastMask;
        }
        pos = bitposIn(new byte[] {(byte) tmp}, 0, 1, bit);
        if (bytes == 1 || (pos != -1 && pos != 8)) {
          break scan;
        }
        start++;
        bytes--;
      }
      long cur = bytes - (lastMask != 0 ? 1 : 0);
      if (cur > 0) {
        pos = bitposIn(p, start, (int) cur, bit);
        if (bytes == cur || (pos != -1 && pos != cur << 3)) {
          break scan;
        }
        start += (int) cur;
        bytes -= cur;
      }
      int tmp = bit == 1 ? p[end] & ~lastMask : p[end] | lastMask;
      pos = bitposIn(new byte[] {(byte) tmp}, 0, 1, bit);
    }
    if (endGiven && bit == 0 && pos == bytes << 3) {
      return -1;
    }
    return pos != -1 ? pos + ((long) start << 3) : -1;
  }

  /** Redis's redisBitpos: first bit equal to {@code bit}; -1 when looking for 1 and none; count*8 for 0. */
  private static long bitposIn(byte[] p, int from, int count, int bit) {
    for (int i = 0; i < count; i++) {
      int b = p[from + i] & 0xff;
      int probe = bit == 1 ? b : ~b & 0xff;
      if (probe != 0) {
        return (long) i * 8 + Integer.numberOfLeadingZeros(probe) - 24;
      }
    }
    return bit == 1 ? -1 : (long) count * 8;
  }

  private static Reply bitop(Call c) {
    int op;
    if (c.is(1, "and")) {
      op = 0;
    } else if (c.is(1, "or")) {
      op = 1;
    } else if (c.is(1, "xor")) {
      op = 2;
    } else if (c.is(1, "not")) {
      op = 3;
    } else {
      throw Errors.SYNTAX;
    }
    if (op == 3 && c.argc() != 4) {
      throw NOT_SINGLE;
    }
    int n = c.argc() - 3;
    byte[][] src = new byte[n][];
    int maxLen = 0;
    for (int j = 0; j < n; j++) {
      StringValue s = c.ks.get(c.arg(j + 3), ValueType.STRING);
      src[j] = s == null ? Bytes.EMPTY : s.bytes();
      maxLen = Math.max(maxLen, src[j].length);
    }
    if (maxLen == 0) {
      c.ks.delete(c.arg(2));
      return Replies.ZERO;
    }
    byte[] res = new byte[maxLen];
    for (int i = 0; i < maxLen; i++) {
      int out = i < src[0].length ? src[0][i] & 0xff : 0;
      if (op == 3) {
        out = ~out & 0xff;
      }
      for (int j = 1; j < n; j++) {
        int b = i < src[j].length ? src[j][i] & 0xff : 0;
        out = op == 0 ? out & b : op == 1 ? out | b : out ^ b;
      }
      res[i] = (byte) out;
    }
    c.ks.set(c.arg(2), new StringValue(res));
    return Replies.integer(maxLen);
  }
}
