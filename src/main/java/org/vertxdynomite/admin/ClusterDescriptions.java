package org.vertxdynomite.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.topology.NodeInfo;

/**
 * The cluster in the shapes clients and tools read:
 *
 * <ul>
 *   <li>{@link #dynomite} — Dynomite's {@code /cluster_describe}: {@code dcs → racks → servers},
 *       each server with {@code name}, {@code host}, {@code port} (peer port) and {@code token}, and
 *       here also {@code tokens}, {@code state}, {@code up} and {@code admin}.
 *   <li>{@link #dyno} — the array Netflix Dyno's {@code HttpEndpointBasedTokenMapSupplier} parses,
 *       one entry per node and token, every value a string; {@code port} is the client port Dyno
 *       connects to, {@code zone} the rack.
 *   <li>{@link #seeds} — {@code host:port:rack:dc:tokens|…}, the form of Dynomite's florida seed
 *       provider, with each peer's peer port.
 * </ul>
 */
final class ClusterDescriptions {

  /** Servers of a rack in ring order: by first token, then address. */
  private static final Comparator<Server> RING_ORDER =
      Comparator.comparing((Server s) -> s.tokens().get(0)).thenComparing(s -> s.peer().toString());

  private ClusterDescriptions() {}

  /** One node as described: its place, addresses and state. */
  private record Server(String dc, String rack, HostPort peer, List<Long> tokens, String state, boolean up,
      boolean adminDown) {}

  static JsonObject dynomite(ClusterView view) {
    Map<String, Map<String, List<Server>>> byDc = new TreeMap<>();
    for (Server s : servers(view)) {
      byDc.computeIfAbsent(s.dc(), d -> new TreeMap<>()).computeIfAbsent(s.rack(), r -> new ArrayList<>()).add(s);
    }
    byDc.values().forEach(racks -> racks.values().forEach(servers -> servers.sort(RING_ORDER)));
    JsonArray dcs = new JsonArray();
    byDc.forEach((dc, racks) -> {
      JsonArray rackArray = new JsonArray();
      racks.forEach((rack, servers) -> {
        JsonArray serverArray = new JsonArray();
        for (Server s : servers) {
          serverArray.add(new JsonObject()
              .put("name", s.peer().host())
              .put("host", s.peer().host())
              .put("port", s.peer().port())
              .put("token", s.tokens().get(0))
              .put("tokens", new JsonArray(s.tokens()))
              .put("state", s.state())
              .put("up", s.up())
              .put("admin", s.adminDown() ? "down" : "up"));
        }
        rackArray.add(new JsonObject().put("name", rack).put("servers", serverArray));
      });
      dcs.add(new JsonObject().put("name", dc).put("racks", rackArray));
    });
    return new JsonObject().put("dcs", dcs);
  }

  static JsonArray dyno(ClusterView view) {
    JsonArray out = new JsonArray();
    List<NodeInfo> nodes = new ArrayList<>();
    nodes.add(view.self());
    view.peers().forEach(p -> p.member().ifPresent(nodes::add));
    Optional<String> hashTag = view.config().hashTag();
    for (NodeInfo n : nodes) {
      HostPort client = clientAddress(n);
      for (Token t : n.tokens()) {
        JsonObject e = new JsonObject()
            .put("token", Long.toString(t.value()))
            .put("hostname", client.host())
            .put("ip", client.host())
            .put("zone", n.rack())
            .put("rack", n.rack())
            .put("dc", n.dc())
            .put("port", Integer.toString(client.port()))
            .put("secure_port", Integer.toString(client.port()));
        hashTag.ifPresent(h -> e.put("hashtag", h));
        out.add(e);
      }
    }
    return out;
  }

  static String seeds(ClusterView view) {
    return view.peers().stream()
        .map(p -> p.address() + ":" + p.rack() + ":" + p.dc() + ":"
            + p.tokens().stream().map(String::valueOf).collect(Collectors.joining(",")))
        .collect(Collectors.joining("|"));
  }

  private static List<Server> servers(ClusterView view) {
    List<Server> all = new ArrayList<>();
    NodeInfo self = view.self();
    all.add(new Server(self.dc(), self.rack(), self.peerAddress(), tokens(self), self.state().adminName(), true,
        false));
    for (ClusterView.Peer p : view.peers()) {
      all.add(new Server(p.dc(), p.rack(), p.address(), p.tokens(),
          p.state().map(s -> s.adminName()).orElse("unknown"), p.up(), p.adminDown()));
    }
    return all;
  }

  /** Where clients connect: the listen address, or the peer host when listening on every interface. */
  private static HostPort clientAddress(NodeInfo n) {
    HostPort c = n.clientAddress();
    return c.isWildcard() ? new HostPort(n.peerAddress().host(), c.port()) : c;
  }

  private static List<Long> tokens(NodeInfo n) {
    return n.tokens().stream().map(Token::value).toList();
  }
}
