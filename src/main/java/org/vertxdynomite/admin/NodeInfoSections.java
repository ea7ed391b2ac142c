package org.vertxdynomite.admin;

import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vertxdynomite.server.InfoSection;
import org.vertxdynomite.topology.NodeInfo;

/**
 * The INFO sections only the node can fill: Memory (the JVM's heap, and the datastore's memory),
 * Keyspace (the datastore's {@code db0} line) and Dynomite (where the node sits, its state, levels,
 * timeout factor and peers).
 */
public final class NodeInfoSections {

  private NodeInfoSections() {}

  /** Memory, Keyspace and Dynomite for a node with this view and datastore. */
  public static List<InfoSection> of(ClusterView view, org.vertxdynomite.datastore.Datastore datastore) {
    DatastoreFacts facts = DatastoreFacts.of(datastore, view.config().embeddedMaxmemory());
    return List.of(
        InfoSection.of("Memory", () -> facts.memory().map(NodeInfoSections::withHeap)),
        InfoSection.of("Keyspace", facts::keyspace),
        InfoSection.of("Dynomite", () -> Future.succeededFuture(dynomite(view))));
  }

  private static Map<String, Object> withHeap(Map<String, Object> datastore) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, Object> m = new LinkedHashMap<>(datastore);
    m.put("jvm_heap_used", heap.getUsed());
    m.put("jvm_heap_used_human", Human.bytes(heap.getUsed()));
    m.put("jvm_heap_committed", heap.getCommitted());
    m.put("jvm_heap_max", heap.getMax());
    return m;
  }

  static Map<String, Object> dynomite(ClusterView view) {
    NodeInfo self = view.self();
    NodeControls c = view.controls();
    List<ClusterView.Peer> peers = view.peers();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dc", self.dc());
    m.put("rack", self.rack());
    m.put("tokens", self.tokens().stream().map(t -> Long.toString(t.value())).collect(Collectors.joining(",")));
    m.put("state", self.state().name());
    m.put("read_consistency", c.consistency().read().name());
    m.put("write_consistency", c.consistency().write().name());
    m.put("timeout_factor", c.timeoutFactor().get());
    m.put("peers", peers.size());
    m.put("peers_up", peers.stream().filter(ClusterView.Peer::up).count());
    for (int i = 0; i < peers.size(); i++) {
      ClusterView.Peer p = peers.get(i);
      m.put("peer" + i, "addr=" + p.address() + ",dc=" + p.dc() + ",rack=" + p.rack() + ",tokens="
          + p.tokens().stream().map(String::valueOf).collect(Collectors.joining("|"))
          + ",state=" + p.state().map(Enum::name).orElse("UNKNOWN") + ",up=" + (p.up() ? 1 : 0)
          + ",admin=" + (p.adminDown() ? "down" : "up"));
    }
    return m;
  }
}
