/**
 * Anti-entropy repair (Dynamo's replica synchronisation): the replicas of a token range in a
 * datacenter — its owner in each rack — compare digests of their keys and exchange only the keys
 * of the buckets that differ, so that a write no hint covers (one a coordinator applied to its own
 * replica and then crashed before replicating) still reaches every replica, and a replica holding
 * a value deleted elsewhere loses it. docs/REPAIR.md tells the whole story, with the resolution
 * rule.
 *
 * <p>Parts:
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.repair.RepairVerticle} — the lifecycle: periodic runs ({@code
 *       anti_entropy_interval_ms}), runs asked for on the admin port, status; {@link
 *       org.vertxdynomite.repair.NodeRepair} starts it for a node.
 *   <li>{@link org.vertxdynomite.repair.RepairPlan} — which peer shares which hash ranges with
 *       this node (warm-up's {@code HashRange} arithmetic).
 *   <li>{@code RepairRun} (package-private) — one run: digest every replica of a group, compare,
 *       list the keys of differing buckets, decide, write; paced, one group at a time.
 *   <li>{@link org.vertxdynomite.repair.ReadRepair} — read repair ({@code read_repairs_enabled}):
 *       the coordinator's {@code ReadObserver}; a single-key quorum read whose replies disagree
 *       starts {@code KeyRepair} (package-private): the same look-up, rule and fenced writes as a
 *       run, for that key, on its owner in each rack of this datacenter; bounded and counted.
 *   <li>{@link org.vertxdynomite.repair.Digest} — buckets by key token, each a count and a sum of
 *       hashes of (key, DUMP).
 *   <li>{@link org.vertxdynomite.repair.Resolution} and {@link org.vertxdynomite.repair.Decision}
 *       — the resolution rule, a pure function of every replica's version and write fence's memory.
 *   <li>{@code Replica}, {@code LocalReplica}, {@code RemoteReplica}, {@code RepairService},
 *       {@code RepairMessages}, {@code RepairWrites} (package-private) — one replica's scan, key and
 *       fence look-ups and apply, here through the Datastore SPI and the write fence, or at a peer
 *       over the event bus; the writes of decided keys, per replica.
 *   <li>{@link org.vertxdynomite.repair.KeyVersion}, {@link org.vertxdynomite.repair.KeyVersions},
 *       {@link org.vertxdynomite.repair.RepairWrite},
 *       {@link org.vertxdynomite.repair.ScanStep}, {@link org.vertxdynomite.repair.ApplyResult} —
 *       the values passed around; {@link org.vertxdynomite.repair.RepairSettings} the knobs; {@link
 *       org.vertxdynomite.repair.RepairCounts} and {@link org.vertxdynomite.repair.RepairGauges}
 *       the figures.
 * </ul>
 *
 * <p>Dependencies: this package uses {@code topology}, {@code ring}, {@code datastore}, {@code
 * replication} (the write fence and clock), {@code coordinator} (which nodes serve reads), {@code
 * warmup} (hash ranges, cut by other racks' rings), {@code handoff} (its rate limiter) and {@code
 * metrics}; {@code app} and {@code admin} use it.
 */
package org.vertxdynomite.repair;
