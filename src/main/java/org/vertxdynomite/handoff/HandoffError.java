package org.vertxdynomite.handoff;

import org.vertxdynomite.resp.RespError;

/**
 * A hint could not be stored: the log is full, closed, or its file failed. The coordinator counts
 * the replica the hint was for as failed.
 *
 * <p>Written to clients, should it reach one, as {@code -ERR Hints: <reason>}. The errors without
 * detail are shared constants.
 */
public final class HandoffError extends RespError {

  private static final long serialVersionUID = 1L;

  /** Why the hint was not stored; code switches on this, never on the text. */
  public enum Reason {
    /** {@code hints_max_bytes} reached: the hint is refused, not queued. */
    FULL("hint log full"),
    /** Too many appends wait for the disk: the hint is refused rather than held in memory. */
    BUSY("hint log busy"),
    /** The log is not open (not yet started, or stopped). */
    CLOSED("hint log closed"),
    /** A file operation failed; the detail says which. */
    IO("hint log I/O error: ");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  /** {@code ERR Hints: hint log full}. */
  public static final HandoffError FULL = new HandoffError(Reason.FULL, "");
  /** {@code ERR Hints: hint log busy}. */
  public static final HandoffError BUSY = new HandoffError(Reason.BUSY, "");
  /** {@code ERR Hints: hint log closed}. */
  public static final HandoffError CLOSED = new HandoffError(Reason.CLOSED, "");

  private final Reason reason;

  private HandoffError(Reason reason, String detail) {
    super("ERR Hints: " + reason.text + detail);
    this.reason = reason;
  }

  /** {@code ERR Hints: hint log I/O error: <detail>}. */
  public static HandoffError io(String detail) {
    return new HandoffError(Reason.IO, detail);
  }

  public Reason reason() {
    return reason;
  }
}
