package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** BITFIELD and BITFIELD_RO: GET/SET/INCRBY on signed or unsigned fields with WRAP/SAT/FAIL overflow. */
final class BitfieldCommand {

  private static final RespError BAD_TYPE = RespError.err(
      "Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");
  private static final RespError BAD_OVERFLOW = RespError.err("Invalid OVERFLOW type specified");
  private static final RespError RO_ONLY_GET = RespError.err("BITFIELD_RO only supports the GET subcommand");

  private enum Overflow { WRAP, SAT, FAIL }

  private enum Op { GET, SET, INCRBY }

  private record FieldOp(Op op, boolean signed, int bits, long offset, long value, Overflow overflow) {}

  private BitfieldCommand() {}

  static void register(CommandTable.Builder t) {
    t.add("bitfield", -2, WRITE | DENYOOM, c -> bitfield(c, false));
    t.add("bitfield_ro", -2, READONLY, c -> bitfield(c, true));
  }

  private static Reply bitfield(Call c, boolean readOnlyCommand) {
    List<FieldOp> ops = new ArrayList<>();
    Overflow overflow = Overflow.WRAP;
    boolean readonly = true;
    long highestWrite = 0;
    for (int j = 2; j < c.argc(); j++) {
      int rem = c.argc() - j - 1;
      Op op;
      if (c.is(j, "get") && rem >= 2) {
        op = Op.GET;
      } else if (c.is(j, "set") && rem >= 3) {
        op = Op.SET;
      } else if (c.is(j, "incrby") && rem >= 3) {
        op = Op.INCRBY;
      } else if (c.is(j, "overflow") && rem >= 1) {
        j++;
        if (c.is(j, "wrap")) {
          overflow = Overflow.WRAP;
        } else if (c.is(j, "sat")) {
          overflow = Overflow.SAT;
        } else if (c.is(j, "fail")) {
          overflow = Overflow.FAIL;
        } else {
          throw BAD_OVERFLOW;
        }
        continue;
      } else {
        throw Errors.SYNTAX;
      }
      byte[] type = c.arg(j + 1);
      boolean signed;
      if (type.length > 0 && type[0] == 'i') {
        signed = true;
      } else if (type.length > 0 && type[0] == 'u') {
        signed = false;
      } else {
        throw BAD_TYPE;
      }
      long bits = Numbers.parseLong(java.util.Arrays.copyOfRange(type, 1, type.length), BAD_TYPE);
      if (bits < 1 || (signed && bits > 64) || (!signed && bits > 63)) {
        throw BAD_TYPE;
      }
      long offset = BitCommands.bitOffset(c.arg(j + 2), (int) bits);
      long value = 0;
      if (op != Op.GET) {
        readonly = false;
        highestWrite = Math.max(highestWrite, offset + bits - 1);
        value = c.longArg(j + 3);
      }
      ops.add(new FieldOp(op, signed, (int) bits, offset, value, overflow));
      j += op == Op.GET ? 2 : 3;
    }

    byte[] buf;
    int len;
    if (readonly) {
      StringValue s = c.ks.get(c.arg(1), ValueType.STRING);
      buf = s == null ? Bytes.EMPTY : s.peek();
      len = s == null ? 0 : s.length();
    } else {
      if (readOnlyCommand) {
        throw RO_ONLY_GET;
      }
      StringValue s = BitCommands.growForBits(c, c.arg(1), highestWrite);
      buf = s.writableBuffer(0);
      len = s.length();
    }
    List<Reply> out = new ArrayList<>(ops.size());
    for (FieldOp f : ops) {
      out.add(f.op == Op.GET ? get(buf, len, f) : write(buf, f));
    }
    return Replies.array(out);
  }

  private static Reply get(byte[] buf, int len, FieldOp f) {
    long v = read(buf, len, f.offset, f.bits, f.signed);
    return Replies.integer(v);
  }

  private static Reply write(byte[] buf, FieldOp f) {
    long old = read(buf, buf.length, f.offset, f.bits, f.signed);
    long candidate;
    int overflow;
    long[] limit = new long[1];
    if (f.op == Op.INCRBY) {
      overflow = f.signed ? signedOverflow(old, f.value, f.bits, f.overflow, limit)
          : unsignedOverflow(old, f.value, f.bits, f.overflow, limit);
      candidate = overflow != 0 ? limit[0] : old + f.value;
    } else {
      overflow = f.signed ? signedOverflow(f.value, 0, f.bits, f.overflow, limit)
          : unsignedOverflow(f.value, 0, f.bits, f.overflow, limit);
      candidate = overflow != 0 ? limit[0] : f.value;
    }
    if (overflow != 0 && f.overflow == Overflow.FAIL) {
      return Replies.NULL_BULK;
    }
    writeBits(buf, f.offset, f.bits, candidate);
    return Replies.integer(f.op == Op.INCRBY ? candidate : old);
  }

  /** Reads {@code bits} bits MSB-first from {@code offset}; bytes past {@code len} read as zero. */
  private static long read(byte[] buf, int len, long offset, int bits, boolean signed) {
    long v = 0;
    for (int j = 0; j < bits; j++) {
      long pos = offset + j;
      int byteIdx = (int) (pos >> 3);
      int bit = byteIdx < len ? (buf[byteIdx] >> (7 - (int) (pos & 7))) & 1 : 0;
      v = (v << 1) | bit;
    }
    if (signed && bits < 64 && (v & (1L << (bits - 1))) != 0) {
      v |= -1L << bits;
    }
    return v;
  }

  private static void writeBits(byte[] buf, long offset, int bits, long value) {
    for (int j = 0; j < bits; j++) {
      long bitval = (value >>> (bits - 1 - j)) & 1;
      long pos = offset + j;
      int byteIdx = (int) (pos >> 3);
      int shift = 7 - (int) (pos & 7);
      buf[byteIdx] = (byte) ((buf[byteIdx] & ~(1 << shift)) | ((int) bitval << shift));
    }
  }

  /** Redis's checkUnsignedBitfieldOverflow on 64-bit unsigned arithmetic; 1 over, -1 under, 0 fine. */
  private static int unsignedOverflow(long value, long incr, int bits, Overflow ow, long[] limit) {
    long max = bits == 64 ? -1L : (1L << bits) - 1;
    long maxIncr = max - value;
    long minIncr = -value;
    int result;
    if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
      result = 1;
      limit[0] = max;
    } else if (incr < 0 && incr < minIncr) {
      result = -1;
      limit[0] = 0;
    } else {
      return 0;
    }
    if (ow == Overflow.WRAP) {
      long mask = -1L << bits;
      limit[0] = (value + incr) & ~mask;
      return 1;
    }
    return result;
  }

  /** Redis's checkSignedBitfieldOverflow; 1 over, -1 under, 0 fine. */
  private static int signedOverflow(long value, long incr, int bits, Overflow ow, long[] limit) {
    long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    long min = -max - 1;
    long maxIncr = max - value;
    long minIncr = min - value;
    int result;
    if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
      result = 1;
      limit[0] = max;
    } else if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
      result = -1;
      limit[0] = min;
    } else {
      return 0;
    }
    if (ow == Overflow.WRAP) {
      long c = value + incr;
      if (bits < 64) {
        long mask = -1L << bits;
        c = (c & (1L << (bits - 1))) != 0 ? c | mask : c & ~mask;
      }
      limit[0] = c;
      return 1;
    }
    return result;
  }
}
