/**
 * Who is in the cluster and where each node sits: membership over Hazelcast and the immutable
 * topology snapshot the coordinator routes with.
 *
 * <p>Parts:
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.topology.NodeInfo} — what a node announces (datacenter, rack,
 *       tokens, client/peer/admin addresses, event-bus address prefix, state, start time), carried as
 *       the Vert.x cluster node metadata; package-private {@code NodeInfoJson} is its strict JSON
 *       form.
 *   <li>{@link org.vertxdynomite.topology.NodeState} — STANDBY, WRITES_ONLY, RESUMING, NORMAL, and
 *       the table of allowed transitions; {@link org.vertxdynomite.topology.LocalNodeState} holds
 *       this node's current one as operators move it; {@link org.vertxdynomite.topology.StartState}
 *       the one it starts in; {@link org.vertxdynomite.topology.StateBroadcast} carries states
 *       between nodes.
 *   <li>{@link org.vertxdynomite.topology.Topology} — one immutable snapshot: datacenter → rack →
 *       {@link org.vertxdynomite.ring.TokenRing} of nodes; owner lookups for reads (local rack) and
 *       writes (every local rack); token collisions resolved by keeping the older node.
 *   <li>{@link org.vertxdynomite.topology.Membership} — keeps the current snapshot, rebuilt from the
 *       whole member list on each Hazelcast node event, with change listeners.
 *   <li>{@link org.vertxdynomite.topology.ClusterOptions} and {@link
 *       org.vertxdynomite.topology.ClusterSetup} — cluster name, event-bus port, join timing; the
 *       loopback-safe Hazelcast configuration and event-bus options derived from {@code
 *       NodeConfig}.
 *   <li>{@link org.vertxdynomite.topology.ClusterNode} — start a clustered Vert.x with its
 *       membership from a {@code NodeConfig} in one call.
 * </ul>
 *
 * <p>Dependencies point one way: this package uses {@code config} and {@code ring}; the
 * coordinator and replicator use it.
 */
package org.vertxdynomite.topology;
