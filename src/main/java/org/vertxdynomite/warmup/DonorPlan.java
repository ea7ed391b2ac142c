package org.vertxdynomite.warmup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vertxdynomite.coordinator.ReadEligibility;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * Who gives a warming node its data: its hash ranges (on its own rack's ring) cut into pieces
 * where any other rack's ownership changes, and for each piece the replicas holding it, best
 * first — one per other rack, each live and {@linkplain ReadEligibility#servesReads NORMAL}; this
 * datacenter's before the others, then the longest running ({@link NodeInfo#OLDEST_FIRST}). With
 * racks laid out alike, one donor covers everything; with asymmetric racks, several donors each
 * cover part. A piece no replica can give is {@linkplain #uncovered() uncovered}.
 */
public final class DonorPlan {

  /** One piece of the receiver's ranges and the replicas that can give it, best first. */
  public record Part(HashRange range, List<NodeInfo> candidates) {
    public Part {
      candidates = List.copyOf(candidates);
    }
  }

  private final List<Part> parts;

  private DonorPlan(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * The plan for {@code self} in {@code topology}: its ranges on its rack's ring, and their replicas
   * in every other rack.
   */
  public static DonorPlan of(Topology topology, NodeInfo self) {
    TokenRing<NodeInfo> own = topology.ring(self.dc(), self.rack());
    List<HashRange> mine = HashRange.owned(own, n -> n.id().equals(self.id()));
    List<TokenRing<NodeInfo>> others = new ArrayList<>();
    for (String dc : topology.dcs()) {
      for (String rack : topology.racks(dc)) {
        if (!(dc.equals(self.dc()) && rack.equals(self.rack()))) {
          others.add(topology.ring(dc, rack));
        }
      }
    }
    Comparator<NodeInfo> preference = Comparator.comparing((NodeInfo n) -> !n.dc().equals(self.dc()))
        .thenComparing(NodeInfo.OLDEST_FIRST);
    List<Part> parts = new ArrayList<>();
    for (HashRange range : mine) {
      for (HashRange piece : cut(range, others)) {
        List<NodeInfo> candidates = new ArrayList<>();
        for (TokenRing<NodeInfo> ring : others) {
          NodeInfo owner = ring.owner(piece.lo());
          if (canGive(topology, owner, self)) {
            candidates.add(owner);
          }
        }
        candidates.sort(preference);
        Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (last != null && last.range().hi() + 1 == piece.lo() && last.candidates().equals(candidates)) {
          parts.set(parts.size() - 1, new Part(new HashRange(last.range().lo(), piece.hi()), candidates));
        } else {
          parts.add(new Part(piece, candidates));
        }
      }
    }
    return new DonorPlan(parts);
  }

  /** Whether {@code node} can give data: live, serving reads, and not the receiver itself. */
  static boolean canGive(Topology topology, NodeInfo node, NodeInfo self) {
    return !node.id().equals(self.id()) && !topology.isDown(node) && !node.isConfiguredOnly()
        && ReadEligibility.servesReads(node);
  }

  /** {@code range} cut at every token of {@code rings}, so that each piece has one owner per ring. */
  public static List<HashRange> cut(HashRange range, List<TokenRing<NodeInfo>> rings) {
    Set<Long> cuts = new TreeSet<>();
    for (TokenRing<NodeInfo> ring : rings) {
      for (Token t : ring.tokens()) {
        if (t.value() >= range.lo() && t.value() < range.hi()) {
          cuts.add(t.value());
        }
      }
    }
    List<HashRange> out = new ArrayList<>();
    long start = range.lo();
    for (long c : cuts) {
      out.add(new HashRange(start, c));
      start = c + 1;
    }
    out.add(new HashRange(start, range.hi()));
    return out;
  }

  /** Every piece, in hash order. */
  public List<Part> parts() {
    return parts;
  }

  /** The pieces no replica can give. */
  public List<HashRange> uncovered() {
    return parts.stream().filter(p -> p.candidates().isEmpty()).map(Part::range).toList();
  }

  /** Whether there is nothing to copy: the receiver owns no range, or no other rack exists. */
  public boolean isEmpty() {
    return parts.isEmpty() || parts.stream().allMatch(p -> p.candidates().isEmpty());
  }

  /**
   * The pieces each donor gives when every piece not yet {@code done} goes to its first candidate
   * not in {@code failed} (by node id); donors in order of first use, pieces in hash order. Pieces
   * left without a donor are not listed ({@link #orphaned}).
   */
  public Map<NodeInfo, List<HashRange>> assignment(Set<String> failed, Set<HashRange> done) {
    Map<NodeInfo, List<HashRange>> byDonor = new LinkedHashMap<>();
    for (Part p : parts) {
      if (!done.contains(p.range())) {
        p.candidates().stream().filter(n -> !failed.contains(n.id())).findFirst()
            .ifPresent(d -> byDonor.computeIfAbsent(d, k -> new ArrayList<>()).add(p.range()));
      }
    }
    return byDonor;
  }

  /** The pieces not yet {@code done} that have no donor left once the nodes {@code failed} names are excluded. */
  public List<HashRange> orphaned(Set<String> failed, Set<HashRange> done) {
    return parts.stream().filter(p -> !done.contains(p.range()))
        .filter(p -> p.candidates().stream().allMatch(n -> failed.contains(n.id())))
        .map(Part::range).toList();
  }

  @Override
  public String toString() {
    return "DonorPlan" + parts;
  }
}
