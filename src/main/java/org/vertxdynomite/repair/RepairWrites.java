package org.vertxdynomite.repair;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The repair writes of decided keys, per replica and action, and their sending: shared by
 * anti-entropy runs ({@link RepairRun}) and read repair ({@link KeyRepair}).
 */
final class RepairWrites {

  private final List<Map<Decision.Action, List<RepairWrite>>> byReplica = new ArrayList<>();
  private final long[] flushedAt;

  /** No writes yet for replicas whose last flushes, as read, were {@code flushedAt}. */
  RepairWrites(long[] flushedAt) {
    this.flushedAt = flushedAt.clone();
    for (int i = 0; i < flushedAt.length; i++) {
      byReplica.add(new EnumMap<>(Decision.Action.class));
    }
  }

  /**
   * Adds the writes of decision {@code d} about {@code key}, whose replicas held {@code versions}:
   * each applied only if the receiver's fence still remembers what it remembered then.
   */
  void add(String key, Decision d, List<KeyVersion> versions) {
    KeyVersion from = d.source() < 0 ? null : versions.get(d.source());
    for (int i = 0; i < versions.size(); i++) {
      Decision.Action a = d.actions().get(i);
      if (a != Decision.Action.NONE) {
        byReplica.get(i).computeIfAbsent(a, x -> new ArrayList<>()).add(new RepairWrite(a, Keys.bytes(key),
            from == null ? null : from.payload(), from == null ? 0 : from.expireAt(), versions.get(i).newest(),
            flushedAt[i], d.stamp()));
      }
    }
  }

  /** Sends every replica its writes, one replica after the other, counting what became of them. */
  Future<Void> send(List<Replica> replicas, RepairCounts counts) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < replicas.size(); i++) {
      Replica to = replicas.get(i);
      Map<Decision.Action, List<RepairWrite>> mine = byReplica.get(i);
      chain = chain.compose(x -> send(to, mine, counts));
    }
    return chain;
  }

  /** Applies the writes for {@code to}, action by action, {@value RepairSettings#WRITES_PER_REQUEST} per request. */
  private static Future<Void> send(Replica to, Map<Decision.Action, List<RepairWrite>> writes, RepairCounts counts) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<Decision.Action, List<RepairWrite>> e : writes.entrySet()) {
      List<RepairWrite> all = e.getValue();
      RepairCounts.Kind done = switch (e.getKey()) {
        case COPY -> RepairCounts.Kind.COPIED;
        case REPLACE -> RepairCounts.Kind.REPLACED;
        default -> RepairCounts.Kind.DELETED;
      };
      for (int from = 0; from < all.size(); from += RepairSettings.WRITES_PER_REQUEST) {
        List<RepairWrite> part = all.subList(from, Math.min(all.size(), from + RepairSettings.WRITES_PER_REQUEST));
        chain = chain.compose(v -> to.apply(part)).map(r -> {
          counts.add(done, r.applied());
          counts.add(RepairCounts.Kind.RACED, r.raced());
          counts.add(RepairCounts.Kind.FAILED, r.failed());
          return null;
        });
      }
    }
    return chain;
  }
}
