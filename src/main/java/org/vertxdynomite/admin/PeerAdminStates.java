package org.vertxdynomite.admin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vertxdynomite.config.HostPort;

/**
 * Peers an operator marked down with {@code /peer/down/NAME}, by peer address ({@code dyn_listen},
 * stable across the peer's restarts), until {@code /peer/up/NAME}. Safe from any thread.
 *
 * <p>The mark is reported (admin port, INFO, metrics) and this node's routing honours it
 * ({@link org.vertxdynomite.topology.PeerHealth}): the peer's reads fail over, its writes are
 * hinted and handed off once it is marked up.
 */
public final class PeerAdminStates {

  private final Set<HostPort> down = ConcurrentHashMap.newKeySet();

  public void markDown(HostPort peer) {
    down.add(peer);
  }

  public void markUp(HostPort peer) {
    down.remove(peer);
  }

  public boolean isDown(HostPort peer) {
    return down.contains(peer);
  }

  /** The peers marked down now. */
  public Set<HostPort> down() {
    return Set.copyOf(down);
  }
}
