package org.vertxdynomite.repair;

import java.util.Arrays;

/**
 * The resolution rule of anti-entropy repair, as a pure function of what two replicas hold of a
 * key and what their write fences remember (docs/REPAIR.md states it with its reasons). In order:
 *
 * <ol>
 *   <li>Same value (DUMP payload; TTLs are not compared) or absent on both: nothing.
 *   <li>A write to the key newer than {@code settledBefore} on either side: deferred, since a
 *       replicated write or its hint may still be on its way and would be applied twice on top of a
 *       copy.
 *   <li>Present on both, values differ: the newer remembered timestamp wins; when only one side
 *       remembers one, that side wins (a fence forgets a key only after a restart or ~{@code
 *       lww_fence_slots} writes to other keys, so the forgotten write is the older one, or an
 *       unacknowledged write of a node that crashed); when neither does, or both remember the same,
 *       the greater payload (unsigned bytes) wins — arbitrary, but every node decides alike, so
 *       replicas converge. The loser's value is REPLACEd.
 *   <li>Present on one side (P), absent on the other (Q): if Q's fence remembers a whole-value
 *       write (DEL, SET…) at least as new as P's value (any, if P's is forgotten), P's copy is
 *       stale: deleted. Else if Q applied a FLUSH newer than P's value (when P's is forgotten,
 *       newer than P's last flush), or Q remembers another write as new (a merging write that left
 *       it absent), it is left alone, unresolved. Else the key is copied to Q without REPLACE,
 *       TTL kept.
 * </ol>
 */
public final class Resolution {

  private Resolution() {}

  /**
   * What to do about a key held as {@code a} by replica A (whose last flush was {@code flushedA})
   * and {@code b} by B, when writes stamped after {@code settledBefore} are too recent to judge.
   */
  public static Decision decide(KeyVersion a, long flushedA, KeyVersion b, long flushedB, long settledBefore) {
    if (!a.present() && !b.present()) {
      return Decision.EQUAL;
    }
    if (a.present() && b.present() && Arrays.equals(a.payload(), b.payload())) {
      return Decision.EQUAL;
    }
    if (Math.max(a.newest(), b.newest()) > settledBefore) {
      return Decision.DEFER;
    }
    if (a.present() && b.present()) {
      return bothPresent(a, b);
    }
    return a.present() ? oneMissing(a, flushedA, b, flushedB, false) : oneMissing(b, flushedB, a, flushedA, true);
  }

  private static Decision bothPresent(KeyVersion a, KeyVersion b) {
    long ta = a.newest();
    long tb = b.newest();
    if (ta > 0 && tb > 0 && ta != tb) {
      return replace(Decision.Outcome.NEWER_WON, ta > tb, Math.max(ta, tb));
    }
    if ((ta > 0) != (tb > 0)) {
      return replace(Decision.Outcome.REMEMBERED_WON, ta > 0, Math.max(ta, tb));
    }
    boolean aWins = Arrays.compareUnsigned(a.payload(), b.payload()) > 0;
    return replace(Decision.Outcome.TIEBREAK, aWins, ta);
  }

  /** The winner's value replaces the loser's. */
  private static Decision replace(Decision.Outcome why, boolean aWins, long stamp) {
    return new Decision(why, Decision.Action.REPLACE, !aWins, stamp);
  }

  /** {@code p} holds the key, {@code q} does not; {@code qIsA} says which replica q is. */
  private static Decision oneMissing(KeyVersion p, long flushedP, KeyVersion q, long flushedQ, boolean qIsA) {
    long tp = p.newest();
    long floor = tp > 0 ? tp : flushedP;
    long qOverwrite = q.newestOverwrite();
    if (qOverwrite > 0 && qOverwrite >= tp) {
      return new Decision(Decision.Outcome.DELETED, Decision.Action.DELETE, !qIsA, qOverwrite);
    }
    if (flushedQ > floor || (q.newest() > 0 && (tp == 0 || q.newest() >= tp))) {
      return Decision.LEAVE;
    }
    return new Decision(Decision.Outcome.MISSING_COPIED, Decision.Action.COPY, qIsA, tp);
  }
}
