package org.vertxdynomite.repair;

import java.util.Map;

/**
 * What one replica holds of a few named keys (read repair's question), and its last flush.
 *
 * @param flushedAt the replica's last FLUSHALL/FLUSHDB timestamp, read before the keys
 * @param versions every asked key ({@link Keys#of}) with what the replica holds and remembers of
 *     it (an absent {@link KeyVersion} for a key it lacks)
 */
public record KeyVersions(long flushedAt, Map<String, KeyVersion> versions) {

  public KeyVersions {
    versions = Map.copyOf(versions);
  }
}
