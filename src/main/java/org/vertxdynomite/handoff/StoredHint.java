package org.vertxdynomite.handoff;

/**
 * A hint as read back from the log.
 *
 * @param seq its sequence number in its target's log: hints are delivered in this order, and
 *     acknowledging {@code seq + 1} acknowledges it and every hint before it
 * @param hint the hint
 * @param frameBytes its size in the log, frame included
 */
record StoredHint(long seq, Hint hint, int frameBytes) {}
