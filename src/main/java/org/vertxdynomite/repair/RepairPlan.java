package org.vertxdynomite.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.coordinator.ReadEligibility;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;
import org.vertxdynomite.warmup.HashRange;

/**
 * Whom a node compares its data with: for every other rack of its datacenter, the owners there of
 * the node's ranges (its ranges on its own rack's ring, cut where that rack's ring changes owner —
 * racks may differ in size), each with the hash ranges the two hold in common. Only peers that are
 * live, not a configured-only placeholder and NORMAL (a warming node is left to its warm-up).
 */
public final class RepairPlan {

  /** A peer and the hash ranges both it and this node hold, ascending, adjacent ones merged. */
  public record Pair(NodeInfo peer, List<HashRange> ranges) {
    public Pair {
      ranges = List.copyOf(ranges);
    }
  }

  private RepairPlan() {}

  /**
   * The pairs of {@code topology}'s own node. With {@code lowerIdOnly}, only peers whose node id
   * is greater than this node's: when every node runs periodically, each pair is then compared
   * once per interval, by the node of the lower id.
   */
  public static List<Pair> of(Topology topology, boolean lowerIdOnly) {
    NodeInfo self = topology.self();
    List<HashRange> mine = HashRange.owned(topology.ring(self.dc(), self.rack()), n -> n.id().equals(self.id()));
    List<Pair> pairs = new ArrayList<>();
    for (String rack : topology.racks(self.dc())) {
      if (rack.equals(self.rack())) {
        continue;
      }
      TokenRing<NodeInfo> ring = topology.ring(self.dc(), rack);
      Map<NodeInfo, List<HashRange>> byOwner = new LinkedHashMap<>();
      for (HashRange range : mine) {
        for (HashRange.Piece<NodeInfo> p : HashRange.split(range, ring)) {
          merge(byOwner.computeIfAbsent(p.owner(), o -> new ArrayList<>()), p.range());
        }
      }
      byOwner.forEach((peer, ranges) -> {
        if (eligible(topology, peer, self) && (!lowerIdOnly || self.id().compareTo(peer.id()) < 0)) {
          pairs.add(new Pair(peer, ranges));
        }
      });
    }
    return pairs;
  }

  static boolean eligible(Topology topology, NodeInfo peer, NodeInfo self) {
    return !peer.id().equals(self.id()) && !topology.isDown(peer) && !peer.isConfiguredOnly()
        && ReadEligibility.servesReads(peer);
  }

  private static void merge(List<HashRange> ranges, HashRange r) {
    int last = ranges.size() - 1;
    if (last >= 0 && ranges.get(last).hi() + 1 == r.lo()) {
      ranges.set(last, new HashRange(ranges.get(last).lo(), r.hi()));
    } else {
      ranges.add(r);
    }
  }
}
