package org.vertxdynomite.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Every replica's value of every key, read from the owners' redis-servers directly (never through a
 * node, so nothing is repaired by reading): per key, the value at each of its owners, one per rack.
 */
public final class ReplicaSnapshot {

  private static final int PIPELINE = 500;

  /** Key → owner node → value (null: absent, or that redis-server did not answer). */
  private final Map<String, Map<Integer, String>> values;

  private ReplicaSnapshot(Map<String, Map<Integer, String>> values) {
    this.values = values;
  }

  /** Reads {@code keys} from each of their owners' redis-servers. */
  public static ReplicaSnapshot read(ProcessCluster cluster, Collection<String> keys) throws IOException {
    Map<Integer, List<String>> byNode = new LinkedHashMap<>();
    Map<String, Map<Integer, String>> values = new LinkedHashMap<>();
    for (String key : keys) {
      values.put(key, new LinkedHashMap<>());
      for (int owner : cluster.owners(key)) {
        byNode.computeIfAbsent(owner, n -> new ArrayList<>()).add(key);
      }
    }
    for (Map.Entry<Integer, List<String>> e : byNode.entrySet()) {
      int node = e.getKey();
      Map<String, String> got = readAll(cluster, node, e.getValue());
      got.forEach((k, v) -> values.get(k).put(node, v));
    }
    return new ReplicaSnapshot(values);
  }

  private static Map<String, String> readAll(ProcessCluster cluster, int node, List<String> keys) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (RawRespClient r = cluster.redis(node)) {
      for (int from = 0; from < keys.size(); from += PIPELINE) {
        List<String> chunk = keys.subList(from, Math.min(keys.size(), from + PIPELINE));
        for (String k : chunk) {
          r.sendCommand("GET", k);
        }
        for (String k : chunk) {
          out.put(k, bulkValue(r.readReply()));
        }
      }
    } catch (IOException e) {
      // A redis-server that is down holds nothing readable: its replicas count as absent.
      keys.forEach(k -> out.putIfAbsent(k, null));
    }
    return out;
  }

  private static String bulkValue(byte[] reply) throws IOException {
    String s = new String(reply, StandardCharsets.UTF_8);
    if (s.equals("$-1\r\n")) {
      return null;
    }
    if (!s.startsWith("$")) {
      throw new IOException("not a bulk reply: " + s.strip());
    }
    return s.substring(s.indexOf("\r\n") + 2, s.length() - 2);
  }

  /** The value of {@code key} at owner {@code node}. */
  public String at(String key, int node) {
    return values.get(key).get(node);
  }

  /** Key → owner node → value. */
  public Map<String, Map<Integer, String>> values() {
    return values;
  }

  /** The keys whose owners do not all hold the same value, with the values they hold. */
  public Map<String, Map<Integer, String>> differing() {
    Map<String, Map<Integer, String>> out = new LinkedHashMap<>();
    values.forEach((k, byNode) -> {
      if (byNode.values().stream().map(v -> Objects.requireNonNullElse(v, "(nil)")).distinct().count() > 1) {
        out.put(k, byNode);
      }
    });
    return out;
  }
}
