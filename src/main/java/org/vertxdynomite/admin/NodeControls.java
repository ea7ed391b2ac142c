package org.vertxdynomite.admin;

import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.coordinator.ConsistencySettings;
import org.vertxdynomite.topology.LocalNodeState;
import org.vertxdynomite.topology.NodeState;

/**
 * What an operator can change on a running node through the admin port, in one place: its state,
 * its read and write consistency, the timeout factor, and which peers are marked down. The node
 * hands the parts to whoever acts on them (the coordinator reads the levels and the factor, the
 * datastore the factor); the admin port and INFO read and report them.
 *
 * @param state this node's state
 * @param consistency the levels; for a standalone node they are only reported
 * @param timeoutFactor multiplies every request timeout
 * @param peers administrative up/down marks
 */
public record NodeControls(LocalNodeState state, ConsistencySettings consistency, TimeoutFactor timeoutFactor,
    PeerAdminStates peers) {

  /** The controls of a node started with {@code config}, in state NORMAL. */
  public static NodeControls of(NodeConfig config) {
    return of(config, NodeState.NORMAL);
  }

  /** The controls of a node started with {@code config}, in state {@code initial}. */
  public static NodeControls of(NodeConfig config, NodeState initial) {
    return new NodeControls(new LocalNodeState(initial),
        new ConsistencySettings(config.readConsistency(), config.writeConsistency()), new TimeoutFactor(),
        new PeerAdminStates());
  }
}
