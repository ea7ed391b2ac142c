package org.vertxdynomite.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;

/**
 * One immutable view of the cluster as this node sees it: datacenter → rack → token ring of
 * {@link NodeInfo}. {@link Membership} builds a new one on each membership change and swaps it in
 * whole, so a request routed with one snapshot sees one consistent cluster.
 *
 * <p>Datacenters and racks are listed in name order. The single-node lookups ({@link #owner},
 * {@link #localRackOwner}) and the list getters return precomputed values and allocate nothing;
 * {@link #ownersInLocalDc} allocates only its result.
 *
 * <p><b>Token collisions.</b> Two nodes of one rack holding the same token cannot share a ring (see
 * {@link TokenRing}). Rather than fail, the snapshot keeps the older node ({@link
 * NodeInfo#OLDEST_FIRST}: earlier start, then smaller id) and lists the newer one in {@link
 * #excluded()}. The rule depends only on the members, so every node excludes the same one; the
 * excluded node may be this node itself, which then still answers {@link #self()} but owns
 * nothing ({@link #selfInRing()} is false).
 */
public final class Topology {

  /** A member left out of its rack's ring because it collides with {@code keptInstead} on {@code token}. */
  public record Exclusion(NodeInfo node, NodeInfo keptInstead, Token token) {

    /** One line for the log. */
    public String describe() {
      return "node " + node.id() + " (" + node.dc() + "/" + node.rack() + ") is left out of the ring: token "
          + token + " is already held by the older node " + keptInstead.id();
    }
  }

  // The racks of one datacenter: names in order, and each rack's ring.
  private record Dc(List<String> racks, Map<String, TokenRing<NodeInfo>> rings) {}

  private final NodeInfo self;
  private final Map<String, NodeInfo> members;
  private final java.util.Set<String> down;
  private final Map<String, NodeInfo> liveMembers;
  private final Map<String, NodeInfo> ringNodes;
  private final List<Exclusion> excluded;
  private final Map<String, Dc> dcsByName;
  private final List<String> dcs;
  private final List<String> remoteDcs;
  private final TokenRing<NodeInfo> localRackRing;
  private final List<TokenRing<NodeInfo>> localDcRings;

  private Topology(NodeInfo self, Map<String, NodeInfo> members, java.util.Set<String> down) {
    this.self = self;
    this.members = members;
    this.down = down;
    Map<String, NodeInfo> liveMembers = new HashMap<>(members);
    liveMembers.keySet().removeAll(down);
    this.liveMembers = Map.copyOf(liveMembers);
    Map<String, Map<String, List<NodeInfo>>> grouped = new TreeMap<>();
    for (NodeInfo n : members.values()) {
      grouped.computeIfAbsent(n.dc(), d -> new TreeMap<>())
          .computeIfAbsent(n.rack(), r -> new ArrayList<>())
          .add(n);
    }
    List<Exclusion> left = new ArrayList<>();
    Map<String, Dc> byName = new HashMap<>();
    grouped.forEach((dc, racks) -> {
      Map<String, TokenRing<NodeInfo>> rings = new HashMap<>();
      racks.forEach((rack, nodes) -> rings.put(rack, ring(nodes, left)));
      byName.put(dc, new Dc(List.copyOf(racks.keySet()), Map.copyOf(rings)));
    });
    this.dcsByName = Map.copyOf(byName);
    this.excluded = List.copyOf(left);
    this.dcs = List.copyOf(grouped.keySet());
    this.remoteDcs = dcs.stream().filter(d -> !d.equals(self.dc())).toList();
    Dc local = dcsByName.get(self.dc());
    this.localRackRing = local.rings().get(self.rack());
    List<TokenRing<NodeInfo>> localRings = new ArrayList<>();
    localRings.add(localRackRing);
    local.racks().stream().filter(r -> !r.equals(self.rack())).forEach(r -> localRings.add(local.rings().get(r)));
    this.localDcRings = List.copyOf(localRings);
    Map<String, NodeInfo> inRings = new LinkedHashMap<>();
    for (String dc : dcs) {
      Dc d = dcsByName.get(dc);
      d.racks().forEach(r -> d.rings().get(r).nodes().stream().filter(n -> !down.contains(n.id()))
          .forEach(n -> inRings.put(n.id(), n)));
    }
    this.ringNodes = inRings;
  }

  /**
   * The snapshot of {@code self} and {@code others}. {@code others} may include this node; the
   * {@code self} given here wins over any member with its id.
   *
   * @throws IllegalArgumentException if two of {@code others} share an id
   */
  public static Topology of(NodeInfo self, Collection<NodeInfo> others) {
    Objects.requireNonNull(self, "self");
    Map<String, NodeInfo> members = new HashMap<>();
    for (NodeInfo n : others) {
      if (members.put(n.id(), n) != null) {
        throw new IllegalArgumentException("two members have the id " + n.id());
      }
    }
    members.put(self.id(), self);
    return new Topology(self, Map.copyOf(members), java.util.Set.of());
  }

  /**
   * The snapshot of {@code self} and the live {@code others}, where the configuration also names
   * {@code configured} nodes ({@code dyn_seeds}). A configured node with no live member in its
   * place (same datacenter, rack and tokens — how Dynomite identifies a node) stays on its rack's
   * ring as a {@linkplain NodeInfo#configured placeholder} marked {@linkplain #isDown down}: its
   * token range does not move to a node that lacks its data. Down nodes are in the rings only:
   * {@link #nodes()}, {@link #size()} and {@link #node} list live members.
   */
  public static Topology of(NodeInfo self, Collection<NodeInfo> others,
      Collection<org.vertxdynomite.config.SeedSpec> configured) {
    Topology live = of(self, others);
    Map<String, NodeInfo> members = new HashMap<>(live.liveMembers);
    java.util.Set<String> down = new java.util.HashSet<>();
    for (org.vertxdynomite.config.SeedSpec seed : configured) {
      if (members.values().stream().noneMatch(m -> m.sameSlot(seed))) {
        NodeInfo placeholder = NodeInfo.configured(seed);
        members.put(placeholder.id(), placeholder);
        down.add(placeholder.id());
      }
    }
    return down.isEmpty() ? live : new Topology(self, Map.copyOf(members), java.util.Set.copyOf(down));
  }

  /** Whether {@code node} is named by the configuration but not live in the cluster. */
  public boolean isDown(NodeInfo node) {
    return down.contains(node.id());
  }

  /** The configured nodes that are not live, in no particular order. */
  public Collection<NodeInfo> downNodes() {
    return down.stream().map(members::get).toList();
  }

  /** The snapshot of a cluster of one: this node alone. */
  public static Topology alone(NodeInfo self) {
    return of(self, List.of());
  }

  // One rack's ring: oldest first, each node kept unless a token it holds is already taken.
  private static TokenRing<NodeInfo> ring(List<NodeInfo> nodes, List<Exclusion> left) {
    nodes.sort(NodeInfo.OLDEST_FIRST);
    Map<Token, NodeInfo> holders = new HashMap<>();
    TokenRing.Builder<NodeInfo> ring = TokenRing.builder();
    for (NodeInfo n : nodes) {
      Optional<Token> clash = n.tokens().stream().filter(holders::containsKey).findFirst();
      if (clash.isPresent()) {
        left.add(new Exclusion(n, holders.get(clash.get()), clash.get()));
        continue;
      }
      n.tokens().forEach(t -> holders.put(t, n));
      ring.add(n, n.tokens());
    }
    return ring.build();
  }

  /** This node, as it announces itself (even when it is {@linkplain #excluded() excluded}). */
  public NodeInfo self() {
    return self;
  }

  /** This node's datacenter. */
  public String localDc() {
    return self.dc();
  }

  /** This node's rack. */
  public String localRack() {
    return self.rack();
  }

  /** Every datacenter, in name order. */
  public List<String> dcs() {
    return dcs;
  }

  /** Every datacenter but this node's, in name order. */
  public List<String> remoteDcs() {
    return remoteDcs;
  }

  /** The racks of datacenter {@code dc} in name order; empty if there is no such datacenter. */
  public List<String> racks(String dc) {
    Dc d = dcsByName.get(dc);
    return d == null ? List.of() : d.racks();
  }

  /**
   * The ring of rack {@code rack} in datacenter {@code dc}.
   *
   * @throws IllegalArgumentException if there is no such rack in this snapshot
   */
  public TokenRing<NodeInfo> ring(String dc, String rack) {
    Dc d = dcsByName.get(dc);
    TokenRing<NodeInfo> ring = d == null ? null : d.rings().get(rack);
    if (ring == null) {
      throw new IllegalArgumentException("no rack " + dc + "/" + rack + " in this topology; racks: " + describeRacks());
    }
    return ring;
  }

  /**
   * The node of rack {@code dc/rack} owning hash {@code hash} (a key's token).
   *
   * @throws IllegalArgumentException if there is no such rack, or {@code hash} is not in {@code 0..2^32-1}
   */
  public NodeInfo owner(String dc, String rack, long hash) {
    return ring(dc, rack).owner(hash);
  }

  /** The owner of {@code hash} in this node's own rack, where reads go. */
  public NodeInfo localRackOwner(long hash) {
    return localRackRing.owner(hash);
  }

  /** The rings of this node's datacenter: its own rack's first, then the others in name order. */
  public List<TokenRing<NodeInfo>> localDcRings() {
    return localDcRings;
  }

  /**
   * The owner of {@code hash} in each rack of this node's datacenter, one per rack, in {@link
   * #localDcRings()} order (own rack first): where a write goes locally.
   */
  public List<NodeInfo> ownersInLocalDc(long hash) {
    NodeInfo[] owners = new NodeInfo[localDcRings.size()];
    for (int i = 0; i < owners.length; i++) {
      owners[i] = localDcRings.get(i).owner(hash);
    }
    return List.of(owners);
  }

  /** The member with cluster id {@code id}, if it is in a ring of this snapshot. */
  public Optional<NodeInfo> node(String id) {
    return Optional.ofNullable(ringNodes.get(id));
  }

  /** Every node in a ring, by datacenter, then rack, then ring order. */
  public Collection<NodeInfo> nodes() {
    return Collections.unmodifiableCollection(ringNodes.values());
  }

  /** How many nodes are in the rings (excluded members are not counted). */
  public int size() {
    return ringNodes.size();
  }

  /** Members left out because of a token collision; empty in a healthy cluster. */
  public List<Exclusion> excluded() {
    return excluded;
  }

  /** Whether this node is in its rack's ring (false only if it lost a token collision). */
  public boolean selfInRing() {
    return ringNodes.containsKey(self.id());
  }

  /** Every member this snapshot was built from, by id, including excluded ones and this node. */
  public Map<String, NodeInfo> members() {
    return liveMembers;
  }

  /** Two snapshots are equal when built from the same self and members. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Topology t && t.self.equals(self) && t.members.equals(members);
  }

  @Override
  public int hashCode() {
    return 31 * self.hashCode() + members.hashCode();
  }

  /** e.g. {@code Topology[self=… dc1/rack1: [..], dc1/rack2: [..]]}. */
  @Override
  public String toString() {
    return "Topology[self=" + self.id() + " " + describeRacks()
        + (excluded.isEmpty() ? "" : " excluded=" + excluded) + "]";
  }

  private String describeRacks() {
    List<String> parts = new ArrayList<>();
    for (String dc : dcs) {
      Dc d = dcsByName.get(dc);
      for (String r : d.racks()) {
        parts.add(dc + "/" + r + ": " + d.rings().get(r).nodes().stream().map(NodeInfo::id).toList());
      }
    }
    return String.join(", ", parts);
  }
}
