/**
 * Where a client's data command runs and what the client gets back.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.coordinator.Coordinator}: the one entry point from the server.
 *       {@link org.vertxdynomite.coordinator.LocalCoordinator} serves a node alone;
 *       {@link org.vertxdynomite.coordinator.ClusterCoordinator} any node of a cluster: reads and
 *       writes per rack, composed by consistency level, cross-DC writes through the replicator.
 *   <li>{@code RackRouter}: a keyed request in one rack — at the owner of its keys, or split by owner
 *       and stitched ({@link org.vertxdynomite.coordinator.MultiKeySplit},
 *       {@link org.vertxdynomite.coordinator.KeyOwners}).
 *   <li>{@code NodeTransport}: one request at one node — the local datastore, or a peer over the
 *       event bus (FORWARD, REPLICATE, CANCEL).
 *   <li>{@code KeylessCommands}: DBSIZE, KEYS, SCAN, RANDOMKEY over a whole rack.
 *   <li>{@link org.vertxdynomite.coordinator.Quorum}, {@link org.vertxdynomite.coordinator.ReplyComparison}:
 *       the consistency levels as future combinators; {@code StagedQuorum} asks a quorum read's
 *       replicas in stages (a quorum first, one more on failure, disagreement or after the
 *       {@code SpeculativeDelay}).
 *   <li>{@link org.vertxdynomite.coordinator.ReadObserver}: sees every quorum read's local replies
 *       (read repair's hook, implemented in {@code repair}, which depends on this package, not the
 *       other way round).
 *   <li>{@link org.vertxdynomite.coordinator.WriteRules}: how each write is made deterministic
 *       (absolute expiries, effects of random or blocking writes).
 *   <li>{@link org.vertxdynomite.coordinator.ConsistencySettings}: the node's levels, changeable at
 *       runtime; {@link org.vertxdynomite.coordinator.Session}: one client connection's state
 *       (ordering key, DYNO_CONFIG:CONN_CONSISTENCY override, close).
 *   <li>{@link org.vertxdynomite.coordinator.CoordinatorVerticle}: serves what other nodes forward;
 *       {@link org.vertxdynomite.coordinator.ClusterServices}: builds and deploys it all.
 * </ul>
 *
 * <p>Semantics in detail: docs/consistency-and-replication.md.
 */
package org.vertxdynomite.coordinator;
