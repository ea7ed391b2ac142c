package org.vertxdynomite.topology;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This node's own service state as operators set it ({@code /state/…} on the admin port), moved
 * only along {@link NodeState}'s transition table. Safe from any thread.
 *
 * <p>It is local: other nodes still see the state this node announced when it joined (issue 6
 * carries changes to them), and routing does not consult it yet.
 */
public final class LocalNodeState {

  private final AtomicReference<NodeState> state;

  /** Starts in {@code initial}. */
  public LocalNodeState(NodeState initial) {
    this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  public NodeState get() {
    return state.get();
  }

  /**
   * Moves to {@code next} and returns the state moved from.
   *
   * @throws IllegalStateException naming both states when the table forbids the move; the state
   *     is then unchanged
   */
  public NodeState moveTo(NodeState next) {
    Objects.requireNonNull(next, "next");
    while (true) {
      NodeState now = state.get();
      NodeState checked = now.moveTo(next);
      if (state.compareAndSet(now, checked)) {
        return now;
      }
    }
  }
}
