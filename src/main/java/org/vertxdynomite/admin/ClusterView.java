package org.vertxdynomite.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;

/**
 * The cluster as the admin port describes it: this node, and every peer it knows of — the members
 * of the current topology and the {@code dyn_seeds} entries that are not (down) — each with its
 * administrative mark. A standalone node is a cluster of one.
 */
public final class ClusterView {

  /**
   * One peer.
   *
   * @param address its peer address ({@code dyn_listen}), the name operators use
   * @param member what it announced, when it is a member now; empty for a seed not seen
   * @param adminDown whether an operator marked it down
   */
  public record Peer(HostPort address, String dc, String rack, List<Long> tokens, Optional<NodeInfo> member,
      boolean adminDown) {

    /** Whether it is a member of the cluster now. */
    public boolean up() {
      return member.isPresent();
    }

    /** The state it announced, when it is a member. */
    public Optional<NodeState> state() {
      return member.map(NodeInfo::state);
    }
  }

  private final NodeConfig config;
  private final Supplier<Topology> topology;
  private final NodeControls controls;

  private ClusterView(NodeConfig config, Supplier<Topology> topology, NodeControls controls) {
    this.config = config;
    this.topology = topology;
    this.controls = controls;
  }

  /** The view of a node whose topology is {@code topology}'s (for tests). */
  static ClusterView over(NodeConfig config, Supplier<Topology> topology, NodeControls controls) {
    return new ClusterView(config, topology, controls);
  }

  /** The view of a node: its membership's when clustered, a cluster of one otherwise. */
  public static ClusterView of(NodeConfig config, Optional<Membership> membership, NodeControls controls) {
    if (membership.isPresent()) {
      return new ClusterView(config, membership.get()::current, controls);
    }
    Topology alone = Topology.alone(NodeInfo.fromConfig("standalone", config,
        NodeInfo.BUS_ADDRESS_PREFIX + "standalone", NodeState.NORMAL, System.currentTimeMillis()));
    return new ClusterView(config, () -> alone, controls);
  }

  /** The view of a node following {@code topology} (tests). */
  static ClusterView of(NodeConfig config, Supplier<Topology> topology, NodeControls controls) {
    return new ClusterView(config, topology, controls);
  }

  public NodeConfig config() {
    return config;
  }

  public NodeControls controls() {
    return controls;
  }

  /** The current topology. */
  public Topology topology() {
    return topology.get();
  }

  /** This node as it announced itself, with the state it is in now. */
  public NodeInfo self() {
    NodeInfo s = topology.get().self();
    NodeState now = controls.state().get();
    return new NodeInfo(s.id(), s.dc(), s.rack(), s.tokens(), s.clientAddress(), s.peerAddress(), s.adminAddress(),
        s.busAddress(), now, s.startedAtMillis());
  }

  /**
   * Every peer known: live members by datacenter, rack and address, then the {@code dyn_seeds}
   * entries not live (the topology's down placeholders among them).
   */
  public List<Peer> peers() {
    Topology t = topology.get();
    Map<HostPort, Peer> byAddress = new LinkedHashMap<>();
    List<NodeInfo> members = new ArrayList<>(t.members().values());
    members.sort(Comparator.comparing(NodeInfo::dc).thenComparing(NodeInfo::rack)
        .thenComparing(n -> n.peerAddress().toString()));
    for (NodeInfo n : members) {
      if (!n.id().equals(t.self().id()) && !t.isDown(n)) {
        byAddress.put(n.peerAddress(), new Peer(n.peerAddress(), n.dc(), n.rack(),
            n.tokens().stream().map(Token::value).toList(), Optional.of(n), controls.peers().isDown(n.peerAddress())));
      }
    }
    for (SeedSpec s : config.dynSeeds()) {
      // A seed is a place (dc, rack, tokens), as for the topology: one that a member fills is not
      // a peer of its own, even when its address differs (a pod's DNS name, the pod's IP).
      if (t.members().values().stream().anyMatch(m -> m.sameSlot(s))) {
        continue;
      }
      HostPort a = new HostPort(s.host(), s.port());
      byAddress.putIfAbsent(a, new Peer(a, s.dc(), s.rack(), s.tokens(), Optional.empty(),
          controls.peers().isDown(a)));
    }
    return List.copyOf(byAddress.values());
  }

  /**
   * The peer an operator means by {@code name}: its {@code host:port} (peer address), its cluster
   * id, or just its host when no other peer shares it.
   *
   * @throws AdminError 404 when no peer matches, 400 when several do or {@code name} is this node
   */
  public Peer peer(String name) {
    List<Peer> peers = peers();
    for (Peer p : peers) {
      if (p.address().toString().equals(name) || p.member().map(m -> m.id().equals(name)).orElse(false)) {
        return p;
      }
    }
    List<Peer> byHost = peers.stream().filter(p -> p.address().host().equals(name)).toList();
    if (byHost.size() == 1) {
      return byHost.get(0);
    }
    if (name.equals(self().peerAddress().toString()) || name.equals(self().id())) {
      throw AdminError.badValue("'" + name + "' is this node itself, not a peer");
    }
    if (byHost.size() > 1) {
      throw AdminError.badValue("'" + name + "' names " + byHost.size() + " peers; use host:port, one of "
          + byHost.stream().map(p -> p.address().toString()).toList());
    }
    throw AdminError.notFound("no peer '" + name + "'; peers: "
        + peers.stream().map(p -> p.address().toString()).toList());
  }
}
