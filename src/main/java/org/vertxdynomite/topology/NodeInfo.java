package org.vertxdynomite.topology;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.ring.Token;

/**
 * What a node announces to the cluster about itself: where it sits (datacenter, rack, tokens), how
 * to reach it, and its state. Immutable.
 *
 * <p>It travels as the Vert.x cluster node metadata ({@link #toJson()}, {@link #fromJson}), which
 * the cluster stores under the node's id; so the id is not part of the JSON.
 *
 * @param id the Vert.x cluster node id ({@code ClusterManager.getNodeId()})
 * @param dc the datacenter ({@code datacenter:})
 * @param rack the rack ({@code rack:})
 * @param tokens the ring tokens it holds, never empty ({@code tokens:})
 * @param clientAddress where clients speak RESP to it ({@code listen:})
 * @param peerAddress where peers reach it ({@code dyn_listen:}); also how operators name it (the
 *     {@code host:port} of a {@code dyn_seeds} entry)
 * @param adminAddress its stats/admin HTTP endpoint ({@code stats_listen:})
 * @param busAddress the event-bus address prefix other nodes send to; unique per run of the node
 * @param state its service state
 * @param startedAtMillis when it started, epoch milliseconds (to prefer the longest-running donors)
 */
public record NodeInfo(
    String id,
    String dc,
    String rack,
    List<Token> tokens,
    HostPort clientAddress,
    HostPort peerAddress,
    HostPort adminAddress,
    String busAddress,
    NodeState state,
    long startedAtMillis) {

  /** The prefix of every node's {@link #busAddress()}. */
  public static final String BUS_ADDRESS_PREFIX = "dyn.node.";

  /** Oldest first: by start time, then by id so that the order is total and the same everywhere. */
  public static final Comparator<NodeInfo> OLDEST_FIRST =
      Comparator.comparingLong(NodeInfo::startedAtMillis).thenComparing(NodeInfo::id);

  /**
   * Validates every part.
   *
   * @throws IllegalArgumentException naming the first bad part
   * @throws NullPointerException if a part is null
   */
  public NodeInfo {
    requireWord(id, "id");
    requireWord(dc, "dc");
    requireWord(rack, "rack");
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("node " + id + " holds no token");
    }
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(peerAddress, "peerAddress");
    Objects.requireNonNull(adminAddress, "adminAddress");
    requireWord(busAddress, "busAddress");
    Objects.requireNonNull(state, "state");
    if (startedAtMillis < 0) {
      throw new IllegalArgumentException("startedAtMillis must be >= 0, got " + startedAtMillis);
    }
  }

  /**
   * The node {@code config} describes, with cluster id {@code id}.
   *
   * @param busAddress from {@link #newBusAddress()} for a node starting now
   */
  public static NodeInfo fromConfig(String id, NodeConfig config, String busAddress, NodeState state,
      long startedAtMillis) {
    return new NodeInfo(id, config.datacenter(), config.rack(),
        config.tokens().stream().map(Token::of).toList(), config.listen(), config.dynListen(), config.statsListen(),
        busAddress, state, startedAtMillis);
  }

  /**
   * The metadata a node described by {@code config} announces before it has joined (and so before
   * it has an id): {@link #fromConfig} without the id, as {@link #toJson()} writes it.
   */
  public static JsonObject announcement(NodeConfig config, String busAddress, NodeState state,
      long startedAtMillis) {
    // The id is never written, so any valid placeholder gives the same JSON.
    return fromConfig("announcing", config, busAddress, state, startedAtMillis).toJson();
  }

  /** A fresh event-bus address prefix, {@code dyn.node.<random UUID>}: unique to this run. */
  public static String newBusAddress() {
    return BUS_ADDRESS_PREFIX + UUID.randomUUID();
  }

  /**
   * This node in state {@code next}.
   *
   * @throws IllegalStateException if {@link NodeState} forbids the move
   */
  public NodeInfo withState(NodeState next) {
    return new NodeInfo(id, dc, rack, tokens, clientAddress, peerAddress, adminAddress, busAddress,
        state.moveTo(next), startedAtMillis);
  }

  /** The cluster metadata form: every part but the id. See {@link NodeInfoJson} for the fields. */
  public JsonObject toJson() {
    return NodeInfoJson.write(this);
  }

  /**
   * Reads metadata another node announced. Strict: every field must be present and valid, and the
   * format version must be the one this build writes; unknown extra fields are ignored.
   *
   * @throws IllegalArgumentException saying what is wrong; the caller should ignore that member
   */
  public static NodeInfo fromJson(String id, JsonObject json) {
    return NodeInfoJson.read(id, json);
  }

  /** {@code id dc/rack tokens state}, short enough for log lines. */
  @Override
  public String toString() {
    return id + " " + dc + "/" + rack + " tokens=" + tokens + " " + state;
  }

  /** Prefix of the ids of {@linkplain #configured configured nodes} not (yet) seen live. */
  public static final String CONFIGURED_ID_PREFIX = "configured:";

  /**
   * A node the configuration names ({@code dyn_seeds}) but the cluster does not have live: it keeps
   * its place on its rack's ring (so its token range does not move to a node without its data),
   * and the topology marks it down. Its addresses are the seed's {@code host:port}.
   */
  public static NodeInfo configured(org.vertxdynomite.config.SeedSpec seed) {
    HostPort at = new HostPort(seed.host(), seed.port());
    List<Token> tokens = seed.tokens().stream().map(Token::of).toList();
    return new NodeInfo(CONFIGURED_ID_PREFIX + at, seed.dc(), seed.rack(), tokens, at, at, at,
        BUS_ADDRESS_PREFIX + "configured." + at, NodeState.NORMAL, Long.MAX_VALUE / 2);
  }

  /**
   * The node's name, stable across its restarts (its cluster id is not): {@code dc/rack/host:port}
   * with its peer address. Hints and peer health are kept by this name.
   */
  public String name() {
    return dc + "/" + rack + "/" + peerAddress;
  }

  /** Whether this is a {@linkplain #configured placeholder} for a configured node not seen live. */
  public boolean isConfiguredOnly() {
    return id.startsWith(CONFIGURED_ID_PREFIX);
  }

  /** Whether this is the same place in the cluster as {@code seed}: datacenter, rack and tokens. */
  public boolean sameSlot(org.vertxdynomite.config.SeedSpec seed) {
    return dc.equals(seed.dc()) && rack.equals(seed.rack())
        && new java.util.HashSet<>(tokens.stream().map(Token::value).toList()).equals(new java.util.HashSet<>(seed.tokens()));
  }

  private static void requireWord(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(what + " must be non-empty without blanks, got '" + value + "'");
    }
  }
}
