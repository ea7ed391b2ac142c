package org.vertxdynomite.repair;

import java.util.Collections;
import java.util.List;

/**
 * What repair does about one key its replicas hold differently, and why.
 *
 * @param outcome why (what is counted)
 * @param actions what is written at each replica, in the order the versions were given
 * @param source the replica whose value (payload, expiry) is copied or restored; -1 when none is
 * @param stamp the timestamp the writes are remembered under in the receivers' fences (0: none)
 */
public record Decision(Outcome outcome, List<Action> actions, int source, long stamp) {

  public Decision {
    actions = List.copyOf(actions);
  }

  /** What is written at one replica. */
  public enum Action {
    /** Nothing. */
    NONE,
    /** {@code RESTORE key ttl payload ABSTTL} without REPLACE: the key is missing there. */
    COPY,
    /** {@code RESTORE … REPLACE}: the replica's value loses. */
    REPLACE,
    /** {@code DEL key}: the replica's value was deleted elsewhere by a write at least as new. */
    DELETE
  }

  /** Why. */
  public enum Outcome {
    /** Every replica holds the same value (or none holds the key). */
    EQUAL,
    /** A write to the key is younger than the settle time: it may still be on its way; next run. */
    DEFERRED,
    /** Missing on some replicas, which know nothing newer: copied there. */
    MISSING_COPIED,
    /** Different values; one replica's remembered write is newer than anything the others can hold: it won. */
    NEWER_WON,
    /** A replica remembers a whole-value write (DEL…) that left the key absent, newer than the others' values: deleted. */
    DELETED,
    /** Different values, no newest write known for sure; the value most replicas (a strict majority) hold won. */
    MAJORITY_WON,
    /** Cannot be decided safely: left alone, counted. */
    UNRESOLVED
  }

  /** The same outcome with nothing written at any of {@code n} replicas. */
  static Decision nothing(Outcome outcome, int n) {
    return new Decision(outcome, Collections.nCopies(n, Action.NONE), -1, 0);
  }
}
