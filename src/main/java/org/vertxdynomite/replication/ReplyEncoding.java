package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.Collections;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.SimpleReply;

/**
 * {@link Reply} values on the peer wire, structurally: a tag byte, then the value's payload.
 *
 * <pre>
 *   '$' bulk       varint length, bytes
 *   'N' nil bulk   (Replies.NULL_BULK, RESP2 $-1)
 *   '+' simple     varint length, UTF-8
 *   ':' integer    zig-zag varint
 *   '-' error      varint length, UTF-8 message ("WRONGTYPE ...")
 *   '*' array      varint count, then each item
 *   'M' nil array  (Replies.NULL_ARRAY, RESP2 *-1)
 *   'R' raw        varint length, complete RESP2 bytes of any other Reply implementation
 * </pre>
 *
 * Decoding gives back the same types ({@link BulkReply}, {@link SimpleReply}, {@link
 * IntegerReply}, {@link ArrayReply}, {@link RespError}, the two nil constants), so the coordinator
 * can compare replies from different nodes as values.
 */
final class ReplyEncoding {

  static final byte BULK = '$';
  static final byte NULL_BULK = 'N';
  static final byte SIMPLE = '+';
  static final byte INTEGER = ':';
  static final byte ERROR = '-';
  static final byte ARRAY = '*';
  static final byte NULL_ARRAY = 'M';
  static final byte RAW = 'R';

  /** Deeper nesting than any Redis reply, low enough that a corrupt message cannot blow the stack. */
  static final int MAX_DEPTH = 128;

  private interface Decoder {
    Reply read(WireReader in, int depth);
  }

  private static final Decoder[] BY_TAG = new Decoder[128];

  static {
    BY_TAG[BULK] = (in, depth) -> new BulkReply(in.readBytes());
    BY_TAG[NULL_BULK] = (in, depth) -> Replies.NULL_BULK;
    BY_TAG[SIMPLE] = (in, depth) -> simple(in.readString());
    BY_TAG[INTEGER] = (in, depth) -> Replies.integer(in.readZigZag());
    BY_TAG[ERROR] = (in, depth) -> new RespError(in.readString());
    BY_TAG[ARRAY] = ReplyEncoding::readArray;
    BY_TAG[NULL_ARRAY] = (in, depth) -> Replies.NULL_ARRAY;
    BY_TAG[RAW] = (in, depth) -> Replies.raw(in.readBuffer());
  }

  private ReplyEncoding() {}

  /** Appends {@code reply}'s tag and payload. */
  static void write(Buffer out, Reply reply) {
    if (reply instanceof BulkReply b) {
      out.appendByte(BULK);
      Wire.writeBytes(out, b.value());
    } else if (reply == Replies.NULL_BULK) {
      out.appendByte(NULL_BULK);
    } else if (reply instanceof SimpleReply s) {
      out.appendByte(SIMPLE);
      Wire.writeString(out, s.text());
    } else if (reply instanceof IntegerReply i) {
      out.appendByte(INTEGER);
      Wire.writeZigZag(out, i.value());
    } else if (reply instanceof ArrayReply a) {
      out.appendByte(ARRAY);
      Wire.writeVarLong(out, a.items().size());
      for (Reply item : a.items()) {
        write(out, item);
      }
    } else if (reply instanceof RespError e) {
      out.appendByte(ERROR);
      Wire.writeString(out, e.getMessage());
    } else if (reply == Replies.NULL_ARRAY) {
      out.appendByte(NULL_ARRAY);
    } else {
      // Replies.raw and any other implementation: its own RESP2 bytes, which clients get unchanged.
      out.appendByte(RAW);
      Buffer resp = reply.toBuffer();
      Wire.writeVarLong(out, resp.length());
      out.appendBuffer(resp);
    }
  }

  /** Reads one reply written by {@link #write}. */
  static Reply read(WireReader in) {
    return read(in, 0);
  }

  private static Reply read(WireReader in, int depth) {
    byte tag = in.readByte();
    Decoder d = tag >= 0 ? BY_TAG[tag] : null;
    if (d == null) {
      throw new WireFormatException("unknown reply tag " + tag);
    }
    return d.read(in, depth);
  }

  private static Reply readArray(WireReader in, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new WireFormatException("reply nested deeper than " + MAX_DEPTH);
    }
    int n = in.readCount();
    if (n == 0) {
      return Replies.EMPTY_ARRAY;
    }
    Reply[] items = new Reply[n];
    for (int i = 0; i < n; i++) {
      items[i] = read(in, depth + 1);
    }
    return new ArrayReply(Collections.unmodifiableList(Arrays.asList(items)));
  }

  private static Reply simple(String text) {
    return text.equals("OK") ? Replies.OK : Replies.simple(text);
  }
}
