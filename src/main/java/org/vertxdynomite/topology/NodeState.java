package org.vertxdynomite.topology;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A node's service state, the names Dynomite's admin port uses ({@code /state/standby}, …), driven
 * by operators and the warm-up; a node starts in its {@link StartState}.
 *
 * <p>Transitions, the whole table ({@link #canMoveTo}); anything else throws:
 *
 * <pre>
 * from          to
 * STANDBY       WRITES_ONLY, NORMAL
 * WRITES_ONLY   RESUMING, STANDBY
 * RESUMING      NORMAL, STANDBY
 * NORMAL        STANDBY, WRITES_ONLY
 * </pre>
 *
 * <p>Staying in the same state is always allowed and changes nothing, so an operator may repeat a
 * request. A node leaves {@code NORMAL} for {@code WRITES_ONLY} only to warm up again; it never
 * jumps from {@code STANDBY} to {@code RESUMING}, because resuming means a warm-up just finished.
 */
public enum NodeState {
  /** Up, but serves no client traffic: a fresh node, or one taken out by an operator. */
  STANDBY,
  /** Warming up: takes writes for its ranges; its reads are served by replicas. */
  WRITES_ONLY,
  /** Warm-up finished; catching up before serving reads. */
  RESUMING,
  /** Serves reads and writes. */
  NORMAL;

  // The transition table, kept as data rather than a switch.
  private static final Map<NodeState, Set<NodeState>> NEXT =
      Map.of(
          STANDBY, EnumSet.of(WRITES_ONLY, NORMAL),
          WRITES_ONLY, EnumSet.of(RESUMING, STANDBY),
          RESUMING, EnumSet.of(NORMAL, STANDBY),
          NORMAL, EnumSet.of(STANDBY, WRITES_ONLY));

  /** Whether a node in this state may move to {@code next} (staying put is always allowed). */
  public boolean canMoveTo(NodeState next) {
    return next == this || NEXT.get(this).contains(next);
  }

  /**
   * {@code next}, after checking the move is allowed.
   *
   * @throws IllegalStateException naming both states if the table forbids the move
   */
  public NodeState moveTo(NodeState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("a node cannot go from " + this + " to " + next
          + "; from " + this + " it may go to " + NEXT.get(this));
    }
    return next;
  }

  /** The lower-case name Dynomite's admin paths use, e.g. {@code writes_only}. */
  public String adminName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
