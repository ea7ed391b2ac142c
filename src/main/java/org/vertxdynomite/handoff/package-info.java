/**
 * Hinted handoff (issue 5): writes a replica or a remote datacenter could not take are kept on
 * this node, durably, and delivered in order once the target is back. docs/HANDOFF.md describes
 * the format and what is guaranteed.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.handoff.Handoff} — the service front the coordinator uses: {@code
 *       write} a hint, report targets {@code targetUp}/{@code targetDown}, read {@code stats}; a
 *       verticle owning the log and the replayer.
 *   <li>{@link org.vertxdynomite.handoff.Hint}, {@link org.vertxdynomite.handoff.HintTarget} (a
 *       node {@code dc/rack/host:port} or a datacenter {@code dc:NAME}), {@link
 *       org.vertxdynomite.handoff.HintKind} (FORWARD to the owner, REPLICATE to a datacenter).
 *   <li>{@link org.vertxdynomite.handoff.HintLog} — the durable log: appends and reads off the
 *       event loop, on a thread of its own; periodic fsync. Inside it, per target: {@code
 *       TargetLog} (segments, cursor, reads that remember where they stopped), {@code Segment}
 *       (one file of CRC-checked frames), {@code CursorFile} (the acknowledged position), {@code
 *       HintCodec} (the record format); {@code HintStore} holds every target within the size
 *       bound.
 *   <li>{@link org.vertxdynomite.handoff.HintReplayer} — per live target, batches in log order,
 *       rate-limited ({@code RateLimiter}), acknowledged up to the first failure, with back-off.
 *   <li>{@link org.vertxdynomite.handoff.HintStats} — counts for metrics ({@code
 *       admin.HintGauges}); {@link org.vertxdynomite.handoff.HandoffSettings} — the settings,
 *       from {@code NodeConfig}; {@link org.vertxdynomite.handoff.HandoffClock} — time and timers,
 *       replaceable in tests; {@link org.vertxdynomite.handoff.HandoffError} — why a hint was not
 *       stored.
 * </ul>
 *
 * <p>Dependencies: {@code resp} (the request), {@code config} (settings), Vert.x core. The
 * coordinator depends on this package, never the other way round.
 */
package org.vertxdynomite.handoff;
