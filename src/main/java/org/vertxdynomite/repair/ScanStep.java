package org.vertxdynomite.repair;

import java.util.Map;

/**
 * What one scan step of a replica found: one {@code SCAN} call and the reads of the keys it
 * returned that lie in the asked ranges.
 *
 * @param cursor where the next step starts; {@code "0"} when the scan is complete
 * @param scanned keys SCAN returned (in the ranges or not), for pacing
 * @param flushedAt the replica's last FLUSHALL/FLUSHDB timestamp as its fence knows it
 * @param digest the keys' digest (digest steps), else null
 * @param entries the keys of the asked buckets with what the replica holds of them (entry steps),
 *     by key ({@link Keys#of}), else null
 */
public record ScanStep(String cursor, int scanned, long flushedAt, Digest digest, Map<String, KeyVersion> entries) {}
