package org.vertxdynomite.repair;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Logger;
import org.vertxdynomite.coordinator.ReadEligibility;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * Anti-entropy for one key, as read repair asks it: every replica of the key in this datacenter
 * says what it holds and what its write fence remembers ({@link Replica#versions}), the
 * resolution rule decides ({@link Resolution}, the same as a run's), and the writes go to the
 * replicas that need them, each applied only if the receiver's fence has not moved since ({@link
 * RepairWrite}). Counted in the {@link RepairCounts} given.
 */
final class KeyRepair {

  private static final Logger LOG = Logger.getLogger(KeyRepair.class.getName());

  private final BiFunction<Topology, byte[], List<Replica>> replicas;
  private final long settleMillis;
  private final RepairCounts counts;

  /**
   * @param replicas the replicas of a key to compare, by topology (at least two to do anything)
   * @param settleMillis writes younger than this are not judged (deferred), as in a run
   */
  KeyRepair(BiFunction<Topology, byte[], List<Replica>> replicas, long settleMillis, RepairCounts counts) {
    this.replicas = replicas;
    this.settleMillis = settleMillis;
    this.counts = counts;
  }

  /**
   * The owner of a key in each rack of this datacenter that may take part ({@link
   * RepairPlan#eligible}: live, not a placeholder, serving reads): {@code local} for this node,
   * {@code remote} for the others.
   */
  static BiFunction<Topology, byte[], List<Replica>> owners(Partitioner partitioner, Replica local,
      Function<NodeInfo, Replica> remote) {
    return (t, key) -> {
      NodeInfo self = t.self();
      List<Replica> out = new ArrayList<>();
      for (NodeInfo owner : t.ownersInLocalDc(partitioner.token(key))) {
        if (owner.id().equals(self.id())) {
          if (ReadEligibility.servesReads(self)) {
            out.add(local);
          }
        } else if (RepairPlan.eligible(t, owner, self)) {
          out.add(remote.apply(owner));
        }
      }
      return out;
    };
  }

  /** Compares {@code key} on its replicas in {@code t} and repairs the stale ones; fails when a replica does not answer. */
  Future<Void> repair(Topology t, byte[] key) {
    List<Replica> those = replicas.apply(t, key);
    if (those.size() < 2) {
      return Future.succeededFuture();
    }
    List<Future<KeyVersions>> asked = new ArrayList<>(those.size());
    those.forEach(r -> asked.add(r.versions(List.of(key))));
    return Future.all(asked).compose(v -> {
      String k = Keys.of(key);
      List<KeyVersion> versions = asked.stream().map(f -> f.result().versions().get(k)).toList();
      long[] flushed = asked.stream().mapToLong(f -> f.result().flushedAt()).toArray();
      long settledBefore = (System.currentTimeMillis() - settleMillis) << HybridClock.LOGICAL_BITS;
      Decision d = Resolution.decide(versions, flushed, settledBefore);
      RepairRun.noted(LOG, "read ", k, d, those, versions, counts);
      RepairWrites writes = new RepairWrites(flushed);
      writes.add(k, d, versions);
      return writes.send(those, counts);
    });
  }
}
