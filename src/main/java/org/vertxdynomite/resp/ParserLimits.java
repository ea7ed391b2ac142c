package org.vertxdynomite.resp;

/**
 * The limits a {@link RespRequestParser} enforces on one client's requests, each checked before
 * anything is allocated for the thing it limits.
 *
 * <p>The defaults are Redis 7.0's:
 *
 * <ul>
 *   <li>{@code maxBulkLength}: longest bulk argument, Redis's {@code proto-max-bulk-len} (512 MiB).
 *       A longer declared length is {@code invalid bulk length}.
 *   <li>{@code maxArgs}: most arguments in a multibulk request. Redis 7.0 accepts any count up to
 *       {@code INT_MAX} (the old 1024*1024 cap is gone; the limit of 10 applies only to clients that
 *       still have to authenticate, which this parser does not know about). A larger count is
 *       {@code invalid multibulk length}. The count is only a promise: argument slots are allocated
 *       as the arguments arrive, so a huge count costs nothing until the data follows.
 *   <li>{@code maxInlineLength}: longest line without its terminator, Redis's
 *       {@code PROTO_INLINE_MAX_SIZE} (64 KiB). It bounds inline commands ({@code too big inline
 *       request}) and, as in Redis, the {@code *count} and {@code $length} lines of a multibulk
 *       request ({@code too big mbulk count string}, {@code too big bulk count string}). Inline
 *       requests have no separate argument limit: a line of n bytes holds at most n/2 + 1 arguments.
 * </ul>
 *
 * @param maxBulkLength longest accepted bulk argument in bytes, 0 to {@link #MAX_BULK_LENGTH_CAP}
 * @param maxArgs most arguments per multibulk request, at least 1
 * @param maxInlineLength longest accepted line in bytes, 1 to {@link #MAX_INLINE_LENGTH_CAP}
 */
public record ParserLimits(int maxBulkLength, int maxArgs, int maxInlineLength) {

  /** Redis's default {@code proto-max-bulk-len}: 512 MiB. */
  public static final int DEFAULT_MAX_BULK_LENGTH = 512 * 1024 * 1024;
  /** Redis 7.0's multibulk count limit for an authenticated client: {@code INT_MAX}. */
  public static final int DEFAULT_MAX_ARGS = Integer.MAX_VALUE;
  /** Redis's {@code PROTO_INLINE_MAX_SIZE}: 64 KiB. */
  public static final int DEFAULT_MAX_INLINE_LENGTH = 64 * 1024;

  /** The largest bulk a Java array can hold. */
  public static final int MAX_BULK_LENGTH_CAP = Integer.MAX_VALUE - 8;
  /** Lines are buffered whole; beyond 1 GiB the buffer could no longer double. */
  public static final int MAX_INLINE_LENGTH_CAP = 1 << 30;

  /** Redis 7.0's limits. */
  public static final ParserLimits DEFAULT =
      new ParserLimits(DEFAULT_MAX_BULK_LENGTH, DEFAULT_MAX_ARGS, DEFAULT_MAX_INLINE_LENGTH);

  public ParserLimits {
    if (maxBulkLength < 0 || maxBulkLength > MAX_BULK_LENGTH_CAP) {
      throw new IllegalArgumentException("maxBulkLength must be 0.." + MAX_BULK_LENGTH_CAP + ", was " + maxBulkLength);
    }
    if (maxArgs < 1) {
      throw new IllegalArgumentException("maxArgs must be at least 1, was " + maxArgs);
    }
    if (maxInlineLength < 1 || maxInlineLength > MAX_INLINE_LENGTH_CAP) {
      throw new IllegalArgumentException(
          "maxInlineLength must be 1.." + MAX_INLINE_LENGTH_CAP + ", was " + maxInlineLength);
    }
  }

  public ParserLimits withMaxBulkLength(int value) {
    return new ParserLimits(value, maxArgs, maxInlineLength);
  }

  public ParserLimits withMaxArgs(int value) {
    return new ParserLimits(maxBulkLength, value, maxInlineLength);
  }

  public ParserLimits withMaxInlineLength(int value) {
    return new ParserLimits(maxBulkLength, maxArgs, value);
  }
}
