package org.vertxdynomite.handoff;

import java.util.Map;

/**
 * A read-only view of the hint log and replayer's counts, for metrics and {@code /info}. Counts
 * are since this process started; pending counts come from the log and survive restarts. Safe to
 * read from any thread.
 */
public interface HintStats {

  /** Hints stored and not yet acknowledged nor dropped, all targets together. */
  long pending();

  /** Pending hints per target that has any. */
  Map<HintTarget, Long> pendingByTarget();

  /** Hints appended to the log. */
  long written();

  /** Hints delivered and acknowledged. */
  long replayed();

  /** Hints dropped because their hint window passed before they could be delivered. */
  long expired();

  /** Delivery attempts that failed (each is retried after a back-off). */
  long failed();

  /** Hints refused because the log was full ({@code hints_max_bytes}) or too many appends waited for the disk. */
  long refused();

  /** Hints lost to a damaged log file (a CRC mismatch or a malformed record before the last one). */
  long corrupt();
}
