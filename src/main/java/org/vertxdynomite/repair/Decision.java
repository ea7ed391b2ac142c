package org.vertxdynomite.repair;

/**
 * What repair does about one key two replicas (A and B) hold differently, and why.
 *
 * @param outcome why (what is counted)
 * @param action what is written
 * @param atA whether the write goes to replica A (else to B); meaningless for {@link Action#NONE}
 * @param stamp the timestamp the write is remembered under in the receiver's fence (0: none)
 */
public record Decision(Outcome outcome, Action action, boolean atA, long stamp) {

  /** What is written at the receiving replica. */
  public enum Action {
    /** Nothing. */
    NONE,
    /** {@code RESTORE key ttl payload ABSTTL} without REPLACE: the key is missing there. */
    COPY,
    /** {@code RESTORE … REPLACE}: the receiver's value loses. */
    REPLACE,
    /** {@code DEL key}: the receiver's value was deleted (or replaced, then expired) elsewhere by a newer write. */
    DELETE
  }

  /** Why. */
  public enum Outcome {
    /** Both hold the same value (or neither holds the key). */
    EQUAL,
    /** A write to the key is younger than the settle time: it may still be on its way; next run. */
    DEFERRED,
    /** Missing on one replica, which knows no newer write nor flush: copied there. */
    MISSING_COPIED,
    /** One replica's fence remembers a whole-value write (a DEL…) at least as new as the other's value. */
    DELETED,
    /** Different values, both timestamps remembered: the newer won. */
    NEWER_WON,
    /** Different values, only one timestamp remembered: the remembered one won. */
    REMEMBERED_WON,
    /** Different values, no timestamps or equal ones: the greater payload (unsigned bytes) won. */
    TIEBREAK,
    /** Cannot be decided safely (a newer flush, or a merging write on the side lacking the key): left alone. */
    UNRESOLVED
  }

  static final Decision EQUAL = new Decision(Outcome.EQUAL, Action.NONE, false, 0);
  static final Decision DEFER = new Decision(Outcome.DEFERRED, Action.NONE, false, 0);
  static final Decision LEAVE = new Decision(Outcome.UNRESOLVED, Action.NONE, false, 0);
}
