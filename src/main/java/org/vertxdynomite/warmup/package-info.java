/**
 * Cold-cache warm-up: a node that starts empty (or is told to) copies the keys of its token ranges
 * from replicas in other racks, while writes keep reaching it and reads for its ranges go to those
 * replicas. docs/WARMUP.md tells the whole story.
 *
 * <p>Parts:
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.warmup.WarmupVerticle} — the lifecycle: when to warm up, the state
 *       moves STANDBY → WRITES_ONLY → RESUMING → NORMAL, status for the admin port, progress logs.
 *   <li>{@link org.vertxdynomite.warmup.WarmupRun} (package-private) — one attempt: estimate, then
 *       stream each donor's share in paced batches, switching donors on failure.
 *   <li>{@link org.vertxdynomite.warmup.DonorPlan} — which replica gives which piece of the
 *       node's ranges, best first; {@link org.vertxdynomite.warmup.HashRange} — the interval
 *       arithmetic on token rings behind it.
 *   <li>{@link org.vertxdynomite.warmup.DonorService} — the donor side, on every node: SCAN, then
 *       DUMP and PTTL of the keys in the asked ranges, with what its write fence knows of them and
 *       of flushes, over the event bus.
 *   <li>{@link org.vertxdynomite.warmup.WarmupGuard} and {@link
 *       org.vertxdynomite.warmup.GuardedDatastore} — no write lost or undone: keys written during
 *       the warm-up are recorded and their copies skipped, or, when only merged into, replaced by a
 *       copy that holds those writes; copies read before a flush that ran here are refused.
 *   <li>{@link org.vertxdynomite.warmup.WarmupProgress} — keys, bytes, estimate, rate, ETA; {@link
 *       org.vertxdynomite.warmup.WarmupGauges} exports them.
 *   <li>{@link org.vertxdynomite.warmup.WarmupSettings}, {@link
 *       org.vertxdynomite.warmup.WarmupFailure}, and {@link org.vertxdynomite.warmup.NodeWarmup},
 *       which starts it all (with the {@code topology.StateBroadcast}) for a node.
 * </ul>
 *
 * <p>Dependencies: this package uses {@code topology}, {@code ring}, {@code datastore}, {@code
 * coordinator} (which replicas serve reads), {@code replication} (the write fence) and {@code
 * metrics}; {@code app} and {@code admin} use it.
 */
package org.vertxdynomite.warmup;
