package org.vertxdynomite.resp;

import static org.vertxdynomite.resp.ProtocolErrors.INVALID_BULK_LENGTH;
import static org.vertxdynomite.resp.ProtocolErrors.INVALID_MULTIBULK_LENGTH;
import static org.vertxdynomite.resp.ProtocolErrors.TOO_BIG_BULK_COUNT;
import static org.vertxdynomite.resp.ProtocolErrors.TOO_BIG_INLINE;
import static org.vertxdynomite.resp.ProtocolErrors.TOO_BIG_MBULK_COUNT;
import static org.vertxdynomite.resp.ProtocolErrors.UNBALANCED_QUOTES;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Turns one client's byte stream into {@link RespRequest}s, exactly as Redis 7.0 reads requests
 * ({@code processInlineBuffer} and {@code processMultibulkBuffer} in {@code networking.c}). It knows
 * bytes only: it never looks at what a command means.
 *
 * <p>Feed it the stream's buffers in order, split anywhere. It calls {@link
 * RequestHandler#handle(RespRequest)} for each complete request, in order, and {@link
 * RequestHandler#fail(ProtocolError)} once on a protocol violation, after the requests before it;
 * from then on it ignores its input. A request whose last bytes have not arrived yet is kept.
 *
 * <h2>What it accepts, as Redis does</h2>
 *
 * <ul>
 *   <li>A request starting with {@code *} is a multibulk array {@code *N\r\n} followed by N bulks
 *       {@code $len\r\n<len bytes>\r\n}; anything else is an inline command, one line of arguments
 *       split by {@link InlineSplitter}'s quoting rules, ending at {@code \n} (a {@code \r} before it
 *       is dropped).
 *   <li>Blank inline lines and arrays of zero or negative count ({@code *0}, {@code *-1}) are skipped
 *       without a reply.
 *   <li>Counts and lengths follow {@code string2ll} ({@link RespDecimal}): no sign, spaces or leading
 *       zeros.
 *   <li>Redis is lax where this parser is too: the byte after a header's {@code \r} and the two bytes
 *       after a bulk's data are skipped unchecked. A {@code *} or {@code $} line runs to the next
 *       {@code \r}: a lone {@code \n} does not end it.
 *   <li>Redis finds line ends with {@code strchr}, which stops at a NUL byte: a NUL before a line's
 *       end hides that end, and the line then waits until more than {@code maxInlineLength} bytes
 *       are buffered and fails as too big.
 * </ul>
 *
 * <p>One deliberate difference: Redis checks line lengths after each 16 KiB socket read, so a line
 * a little longer than 64 KiB that arrives in one read may pass (or fail as an invalid count). This
 * parser applies {@code maxInlineLength} to the line itself, whatever the split of its bytes, which
 * is what Redis does when the bytes trickle in. The outcome of any input is thus the same however it
 * is fragmented.
 *
 * <h2>Memory</h2>
 *
 * Declared counts and lengths are promises; nothing is allocated for them before the bytes arrive.
 * Argument slots grow with the arguments received; a bulk of at least {@value #BIG_BULK} bytes that
 * has not fully arrived is copied straight from the incoming buffers into its own array, which grows
 * (at most doubling) as data comes and ends exactly at the declared length. So {@code *2147483647}
 * or {@code $500000000} followed by a few bytes costs a few KiB. Pending input lives in one reused
 * array, kept from start to end offsets and compacted only when full.
 *
 * <p>Not thread-safe: use one parser per connection, on its event loop. The handler must neither
 * throw nor feed this parser from within its callbacks.
 */
public final class RespRequestParser implements Handler<Buffer> {

  /** Bulks this long or longer are filled straight from incoming buffers (Redis's PROTO_MBULK_BIG_ARG). */
  static final int BIG_BULK = 32 * 1024;
  private static final int BIG_BULK_FIRST_CAPACITY = 16 * 1024;
  private static final int INITIAL_BUFFER = 4 * 1024;
  /** An empty pending buffer larger than this is dropped, so one long line does not pin memory. */
  private static final int MAX_IDLE_BUFFER = 64 * 1024;
  private static final int INITIAL_ARG_SLOTS = 64;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int INCOMPLETE = -1;
  private static final int TOO_LONG = -2;
  private static final byte[] EMPTY = new byte[0];

  private final RequestHandler handler;
  private final ParserLimits limits;

  // Bytes received and not yet consumed: buf[start, end).
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int start;
  private int end;
  // What is known of the line beginning at start, so a line arriving byte by byte is scanned once.
  private int scanned;
  private boolean nulInLine;

  // The multibulk request being read: args[0, argc) received, remainingArgs still to come.
  private byte[][] args;
  private int argc;
  private int remainingArgs;
  private int bulkLength = -1;

  // A big bulk filled straight from incoming buffers: big[0, bigFilled) of bulkLength bytes.
  private byte[] big;
  private int bigFilled;
  private int bigTail;

  private boolean failed;

  /** A parser with Redis 7.0's limits ({@link ParserLimits#DEFAULT}). */
  public RespRequestParser(RequestHandler handler) {
    this(handler, ParserLimits.DEFAULT);
  }

  public RespRequestParser(RequestHandler handler, ParserLimits limits) {
    this.handler = handler;
    this.limits = limits;
  }

  /** Parses the next part of the stream; ignored once the stream has failed. */
  @Override
  public void handle(Buffer data) {
    int pos = 0;
    int length = data.length();
    while (pos < length && !failed) {
      if (big != null) {
        pos = fillBig(data, pos, length);
      } else {
        pos = append(data, pos, length);
        parse();
      }
    }
  }

  /** Whether a protocol error was reported; the parser then ignores its input. */
  public boolean hasFailed() {
    return failed;
  }

  /** Consumes complete requests from the pending bytes until more input is needed. */
  private void parse() {
    while (start < end && big == null && !failed) {
      boolean progressed;
      if (remainingArgs > 0) {
        progressed = readBulk();
      } else if (buf[start] == '*') {
        progressed = readArrayHeader();
      } else {
        progressed = readInline();
      }
      if (!progressed) {
        return;
      }
    }
  }

  /** Reads one inline line: true if consumed (a request, or nothing for a blank line). */
  private boolean readInline() {
    int nl = findLineEnd((byte) '\n');
    if (nl < 0) {
      if (nl == TOO_LONG) {
        fail(TOO_BIG_INLINE);
      }
      return false;
    }
    int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
    byte[][] argv = InlineSplitter.split(buf, start, lineEnd);
    consume(nl + 1);
    if (argv == null) {
      fail(UNBALANCED_QUOTES);
      return false;
    }
    if (argv.length > 0) {
      handler.handle(new RespRequest(argv));
    }
    return true;
  }

  /** Reads {@code *count\r\n}: true if consumed (starting a request, or skipped if count <= 0). */
  private boolean readArrayHeader() {
    int cr = findHeaderEnd(TOO_BIG_MBULK_COUNT);
    if (cr < 0) {
      return false;
    }
    long count = RespDecimal.parse(buf, start + 1, cr);
    if (count == RespDecimal.NOT_A_NUMBER || count > limits.maxArgs()) {
      fail(INVALID_MULTIBULK_LENGTH);
      return false;
    }
    consume(cr + 2);
    if (count > 0) {
      remainingArgs = (int) count;
      args = new byte[(int) Math.min(count, INITIAL_ARG_SLOTS)][];
      argc = 0;
    }
    return true;
  }

  /** Reads one {@code $len\r\n<data>\r\n}: true once it is complete and added to the request. */
  private boolean readBulk() {
    if (bulkLength < 0 && !readBulkHeader()) {
      return false;
    }
    if ((long) end - start >= (long) bulkLength + 2) {
      byte[] arg = bulkLength == 0 ? EMPTY : Arrays.copyOfRange(buf, start, start + bulkLength);
      consume(start + bulkLength + 2);
      bulkLength = -1;
      addArg(arg);
      return true;
    }
    if (bulkLength >= BIG_BULK) {
      startBig();
    }
    return false;
  }

  /** Reads {@code $len\r\n} into bulkLength: false if incomplete or invalid. */
  private boolean readBulkHeader() {
    int cr = findHeaderEnd(TOO_BIG_BULK_COUNT);
    if (cr < 0) {
      return false;
    }
    if (buf[start] != '$') {
      fail(ProtocolErrors.expectedDollar(buf[start]));
      return false;
    }
    // NOT_A_NUMBER and NEGATIVE are both below zero.
    long length = RespDecimal.parse(buf, start + 1, cr);
    if (length < 0 || length > limits.maxBulkLength()) {
      fail(INVALID_BULK_LENGTH);
      return false;
    }
    consume(cr + 2);
    bulkLength = (int) length;
    return true;
  }

  /**
   * The {@code \r} ending the header at start, once the byte after it has arrived too; otherwise
   * -1, having reported {@code tooLong} if the line can no longer end in time.
   */
  private int findHeaderEnd(ProtocolError tooLong) {
    int cr = findLineEnd((byte) '\r');
    if (cr == TOO_LONG) {
      fail(tooLong);
      return -1;
    }
    return cr >= 0 && cr + 1 < end ? cr : -1;
  }

  /**
   * The index of the first {@code terminator} of the line at start, INCOMPLETE if more bytes are
   * needed, or TOO_LONG once more than maxInlineLength bytes are buffered without it. A NUL byte
   * hides what follows, as for Redis's strchr.
   */
  private int findLineEnd(byte terminator) {
    int max = limits.maxInlineLength();
    if (!nulInLine) {
      int windowEnd = (int) Math.min(end, start + (long) max + 1);
      for (int i = start + scanned; i < windowEnd; i++) {
        byte b = buf[i];
        if (b == terminator) {
          scanned = i - start;
          return i;
        }
        if (b == 0) {
          nulInLine = true;
          break;
        }
      }
      if (!nulInLine) {
        scanned = windowEnd - start;
      }
    }
    return end - start > max ? TOO_LONG : INCOMPLETE;
  }

  private void addArg(byte[] arg) {
    if (argc == args.length) {
      long total = (long) argc + remainingArgs;
      args = Arrays.copyOf(args, (int) Math.min(total, 2L * args.length));
    }
    args[argc++] = arg;
    if (--remainingArgs == 0) {
      byte[][] complete = args;
      args = null;
      argc = 0;
      handler.handle(new RespRequest(complete));
    }
  }

  /** Moves a big bulk's bytes from the pending buffer into its own array, which incoming bytes fill next. */
  private void startBig() {
    int available = end - start;
    int have = Math.min(available, bulkLength);
    big = new byte[Math.min(bulkLength, Math.max(have, BIG_BULK_FIRST_CAPACITY))];
    System.arraycopy(buf, start, big, 0, have);
    bigFilled = have;
    bigTail = 2 - (available - have);
    consume(end);
  }

  /** Copies data[pos, length) into the big bulk as far as it reaches; returns the new pos. */
  private int fillBig(Buffer data, int pos, int length) {
    int n = Math.min(bulkLength - bigFilled, length - pos);
    if (n > 0) {
      if (bigFilled + n > big.length) {
        big = Arrays.copyOf(big, (int) Math.min(bulkLength, Math.max(bigFilled + n, 2L * big.length)));
      }
      data.getBytes(pos, pos + n, big, bigFilled);
      bigFilled += n;
      pos += n;
    }
    int skip = Math.min(bigTail, length - pos);
    bigTail -= skip;
    pos += skip;
    if (bigFilled == bulkLength && bigTail == 0) {
      byte[] arg = big;
      big = null;
      bulkLength = -1;
      addArg(arg);
    }
    return pos;
  }

  /** Copies as much of data[pos, length) as fits into the pending buffer; returns the new pos. */
  private int append(Buffer data, int pos, int length) {
    if (start == end) {
      start = 0;
      end = 0;
      if (buf.length > MAX_IDLE_BUFFER) {
        buf = new byte[INITIAL_BUFFER];
      }
    } else if (end == buf.length) {
      makeRoom();
    }
    int n = Math.min(length - pos, buf.length - end);
    data.getBytes(pos, pos + n, buf, end);
    end += n;
    return pos + n;
  }

  /**
   * The buffer is full: moves the pending bytes to its front, or doubles it when they fill more
   * than half of it (so each round frees at least half). Pending bytes are one unfinished line or
   * small bulk, so the buffer stays near max(maxInlineLength, BIG_BULK).
   */
  private void makeRoom() {
    int pending = end - start;
    byte[] target = pending > buf.length / 2 ? new byte[(int) Math.min(MAX_ARRAY, 2L * buf.length)] : buf;
    System.arraycopy(buf, start, target, 0, pending);
    buf = target;
    start = 0;
    end = pending;
  }

  private void consume(int to) {
    start = to;
    scanned = 0;
    nulInLine = false;
  }

  private void fail(ProtocolError error) {
    failed = true;
    buf = EMPTY;
    start = 0;
    end = 0;
    args = null;
    remainingArgs = 0;
    bulkLength = -1;
    big = null;
    handler.fail(error);
  }

  /** Whether no request is partly received: nothing pending, no array or bulk open. For tests. */
  boolean isIdle() {
    return start == end && remainingArgs == 0 && big == null;
  }

  /** Bytes held for unfinished input: pending buffer, argument slots, big bulk. For tests. */
  long retainedBytes() {
    return buf.length + (args == null ? 0 : 8L * args.length) + (big == null ? 0 : big.length);
  }
}
