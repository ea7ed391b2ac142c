package org.vertxdynomite.topology;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * This node's own service state as operators set it ({@code /state/…} on the admin port), moved
 * only along {@link NodeState}'s transition table. Safe from any thread.
 *
 * <p>Listeners ({@link #onChange}) hear every actual change; {@link StateBroadcast} is the one
 * that carries it to the other nodes' topologies.
 */
public final class LocalNodeState {

  private final AtomicReference<NodeState> state;
  private final List<Consumer<NodeState>> listeners = new CopyOnWriteArrayList<>();

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
        if (now != checked) {
          listeners.forEach(l -> l.accept(checked));
        }
        return now;
      }
    }
  }

  /**
   * Calls {@code listener} with the new state after each actual change (not on a repeated move to
   * the same state), on the thread that made the change.
   */
  public void onChange(Consumer<NodeState> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }
}
