package org.vertxdynomite.topology;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.ring.Token;

/**
 * The JSON form of {@link NodeInfo} in the cluster node metadata, format version 1:
 *
 * <pre>
 * {"v": 1, "dc": "dc1", "rack": "rack1", "tokens": [0, 2147483647],
 *  "client": "127.0.0.1:8102", "peer": "127.0.0.1:8101", "admin": "127.0.0.1:22222",
 *  "bus": "dyn.node.&lt;uuid&gt;",
 *  "state": "NORMAL", "startedAt": 1700000000000}
 * </pre>
 *
 * <p>Reading is strict because the metadata comes from other processes, maybe other versions:
 * each field must be present with the right JSON type (tokens and times as integers, not strings
 * or fractions), and a version other than 1 is refused rather than half understood.
 */
final class NodeInfoJson {

  /** The format version this build writes and reads. */
  static final int VERSION = 1;

  private NodeInfoJson() {}

  static JsonObject write(NodeInfo node) {
    JsonArray tokens = new JsonArray();
    node.tokens().forEach(t -> tokens.add(t.value()));
    return new JsonObject()
        .put("v", VERSION)
        .put("dc", node.dc())
        .put("rack", node.rack())
        .put("tokens", tokens)
        .put("client", node.clientAddress().toString())
        .put("peer", node.peerAddress().toString())
        .put("admin", node.adminAddress().toString())
        .put("bus", node.busAddress())
        .put("state", node.state().name())
        .put("startedAt", node.startedAtMillis());
  }

  static NodeInfo read(String id, JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("node " + id + " announced no metadata");
    }
    try {
      long version = integer(json, "v");
      if (version != VERSION) {
        throw new IllegalArgumentException("metadata format version " + version + ", this node reads " + VERSION);
      }
      return new NodeInfo(id, string(json, "dc"), string(json, "rack"), tokens(json),
          address(json, "client"), address(json, "peer"), address(json, "admin"), string(json, "bus"), state(json),
          integer(json, "startedAt"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed metadata from node " + id + ": " + e.getMessage()
          + " in " + json.encode(), e);
    }
  }

  private static Object field(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return value;
  }

  private static String string(JsonObject json, String name) {
    Object value = field(json, name);
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    return s;
  }

  private static long integer(JsonObject json, String name) {
    return integerValue(field(json, name), "'" + name + "'");
  }

  private static long integerValue(Object value, String what) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException(what + " must be an integer");
  }

  private static HostPort address(JsonObject json, String name) {
    try {
      return HostPort.parse(string(json, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
    }
  }

  private static NodeState state(JsonObject json) {
    String name = string(json, "state");
    for (NodeState s : NodeState.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("'state' " + name + " is not a node state");
  }

  private static List<Token> tokens(JsonObject json) {
    if (!(field(json, "tokens") instanceof JsonArray array)) {
      throw new IllegalArgumentException("'tokens' must be an array");
    }
    List<Token> tokens = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      tokens.add(Token.of(integerValue(array.getValue(i), "token " + i)));
    }
    return tokens;
  }
}
