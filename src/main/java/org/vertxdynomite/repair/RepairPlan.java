package org.vertxdynomite.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.coordinator.ReadEligibility;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;
import org.vertxdynomite.warmup.DonorPlan;
import org.vertxdynomite.warmup.HashRange;

/**
 * Whom a node compares its data with: its ranges (on its own rack's ring) cut wherever the ring
 * of another rack of its datacenter changes owner — racks may differ in size — so that each piece
 * has one owner per rack; pieces with the same owners form a {@link Group}, compared in one go, so
 * that a value most replicas hold can be told from one only a few do. Only peers that are live,
 * not a configured-only placeholder and NORMAL (a warming node is left to its warm-up).
 */
public final class RepairPlan {

  /** The peers (one per other rack, rack order) that hold {@code ranges} with this node. */
  public record Group(List<NodeInfo> peers, List<HashRange> ranges) {
    public Group {
      peers = List.copyOf(peers);
      ranges = List.copyOf(ranges);
    }
  }

  private RepairPlan() {}

  /**
   * The groups of {@code topology}'s own node. With {@code lowestIdOnly}, only groups where this
   * node's id is the lowest: when every node runs periodically, each group of replicas is then
   * compared once per interval.
   */
  public static List<Group> of(Topology topology, boolean lowestIdOnly) {
    NodeInfo self = topology.self();
    List<HashRange> mine = HashRange.owned(topology.ring(self.dc(), self.rack()), n -> n.id().equals(self.id()));
    List<TokenRing<NodeInfo>> rings = new ArrayList<>();
    for (String rack : topology.racks(self.dc())) {
      if (!rack.equals(self.rack())) {
        rings.add(topology.ring(self.dc(), rack));
      }
    }
    Map<List<NodeInfo>, List<HashRange>> byPeers = new LinkedHashMap<>();
    for (HashRange range : mine) {
      for (HashRange piece : DonorPlan.cut(range, rings)) {
        List<NodeInfo> peers = new ArrayList<>();
        for (TokenRing<NodeInfo> ring : rings) {
          NodeInfo owner = HashRange.split(piece, ring).get(0).owner();
          if (eligible(topology, owner, self)) {
            peers.add(owner);
          }
        }
        boolean mineToRun = !lowestIdOnly || peers.stream().allMatch(p -> self.id().compareTo(p.id()) < 0);
        if (!peers.isEmpty() && mineToRun) {
          merge(byPeers.computeIfAbsent(peers, p -> new ArrayList<>()), piece);
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    byPeers.forEach((peers, ranges) -> groups.add(new Group(peers, ranges)));
    return groups;
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
