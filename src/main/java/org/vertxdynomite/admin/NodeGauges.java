package org.vertxdynomite.admin;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.metrics.PrometheusMetrics;
import org.vertxdynomite.server.NodeStats;
import org.vertxdynomite.topology.NodeState;

/**
 * The gauges read from the node at scrape time: client connections, peers up and down (from the
 * membership and {@code dyn_seeds}), administrative marks, node state, consistency levels, timeout
 * factor, and the embedded store's memory and keys.
 */
public final class NodeGauges {

  private NodeGauges() {}

  /** Registers them with {@code metrics}. */
  public static void bind(PrometheusMetrics metrics, ClusterView view, NodeStats clients, Datastore datastore) {
    metrics.gauge(MetricNames.CLIENT_CONNECTIONS, "Open client connections", null, Tags.empty(),
        clients::connectedClients);
    metrics.functionCounter(MetricNames.CLIENT_CONNECTIONS_RECEIVED, "Client connections accepted", clients,
        NodeStats::connectionsReceived);
    metrics.functionCounter(MetricNames.CLIENT_CONNECTIONS_REJECTED, "Client connections refused", clients,
        NodeStats::connectionsRejected);
    NodeControls c = view.controls();
    metrics.gauge(MetricNames.TIMEOUT_FACTOR, "The timeout factor", null, Tags.empty(), c.timeoutFactor()::get);
    for (NodeState s : NodeState.values()) {
      metrics.gauge(MetricNames.NODE_STATE, "1 for this node's current state", null, Tags.of("state", s.adminName()),
          () -> c.state().get() == s ? 1 : 0);
    }
    for (Consistency level : Consistency.values()) {
      metrics.gauge(MetricNames.CONSISTENCY_LEVEL, "1 for the node's current level", null,
          Tags.of("kind", "read", "level", level.name()), () -> c.consistency().read() == level ? 1 : 0);
      metrics.gauge(MetricNames.CONSISTENCY_LEVEL, "1 for the node's current level", null,
          Tags.of("kind", "write", "level", level.name()), () -> c.consistency().write() == level ? 1 : 0);
    }
    MultiGauge peers = metrics.multiGauge(MetricNames.PEERS, "Peers by state");
    MultiGauge peerUp = metrics.multiGauge(MetricNames.PEER_UP, "1 when the peer is a member now");
    metrics.beforeScrape(() -> refreshPeers(view, peers, peerUp));
    if (datastore instanceof EmbeddedDatastore e) {
      metrics.gauge(MetricNames.EMBEDDED_MEMORY_USED, "Embedded store: estimated memory used", "bytes", Tags.empty(),
          e.store()::usedMemory);
      metrics.gauge(MetricNames.EMBEDDED_KEYS, "Embedded store: keys", null, Tags.empty(), e.store()::dbSize);
    }
  }

  private static void refreshPeers(ClusterView view, MultiGauge peers, MultiGauge peerUp) {
    List<ClusterView.Peer> all = view.peers();
    long up = all.stream().filter(ClusterView.Peer::up).count();
    long adminDown = all.stream().filter(ClusterView.Peer::adminDown).count();
    peers.register(List.of(
        MultiGauge.Row.of(Tags.of("state", "up"), up),
        MultiGauge.Row.of(Tags.of("state", "down"), all.size() - up),
        MultiGauge.Row.of(Tags.of("state", "admin_down"), adminDown)), true);
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (ClusterView.Peer p : all) {
      rows.add(MultiGauge.Row.of(Tags.of("peer", p.address().toString(), "dc", p.dc(), "rack", p.rack(),
          "admin", p.adminDown() ? "down" : "up"), p.up() ? 1 : 0));
    }
    peerUp.register(rows, true);
  }
}
