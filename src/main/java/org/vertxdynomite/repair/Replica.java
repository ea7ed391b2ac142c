package org.vertxdynomite.repair;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertxdynomite.warmup.HashRange;

/**
 * One replica as a repair run sees it: this node's datastore ({@link LocalReplica}) or a peer's
 * over the event bus ({@link RemoteReplica}), answering the same questions.
 */
interface Replica {

  /**
   * One scan step from {@code cursor}: one {@code SCAN … COUNT count}, then, of the keys in {@code
   * ranges}, a digest ({@code buckets} null) or the entries of those in {@code buckets}.
   */
  Future<ScanStep> scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets);

  /** What this replica's fence remembers of {@code keys} (each as an absent {@link KeyVersion}), by key. */
  Future<Map<String, KeyVersion>> remembered(List<byte[]> keys);

  /** What this replica holds of {@code keys} and what its fence remembers of each (read repair). */
  Future<KeyVersions> versions(List<byte[]> keys);

  /** Applies repair writes here, each only if the fence still says what the repair saw. */
  Future<ApplyResult> apply(List<RepairWrite> writes);

  /** For logs: {@code dc/rack host:port}. */
  String name();
}
