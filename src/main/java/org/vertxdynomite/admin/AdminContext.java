package org.vertxdynomite.admin;

import org.vertxdynomite.metrics.PrometheusMetrics;
import java.util.Optional;
import org.vertxdynomite.repair.RepairVerticle;
import org.vertxdynomite.server.NodeStats;
import org.vertxdynomite.warmup.WarmupVerticle;

/**
 * Everything the admin port reads and changes.
 *
 * @param view the cluster and the node's controls
 * @param metrics the node's metrics (for {@code /metrics} and the figures of {@code /info})
 * @param clients the RESP server's client counters
 * @param serverName the datastore's name in {@code /info}: {@code host:port:weight} as in {@code
 *     servers:}, or {@code embedded}
 * @param source the host name {@code /info} reports as {@code source}
 * @param warmup the node's warm-up, for {@code /warmup}; empty for a standalone node
 * @param repair the node's anti-entropy repair, for {@code /repair}; empty for a standalone node
 */
public record AdminContext(ClusterView view, PrometheusMetrics metrics, NodeStats clients, String serverName,
    String source, Optional<WarmupVerticle> warmup, Optional<RepairVerticle> repair) {

  /** The context of a node without anti-entropy repair. */
  public AdminContext(ClusterView view, PrometheusMetrics metrics, NodeStats clients, String serverName,
      String source, Optional<WarmupVerticle> warmup) {
    this(view, metrics, clients, serverName, source, warmup, Optional.empty());
  }

  /** The context of a node without warm-up. */
  public AdminContext(ClusterView view, PrometheusMetrics metrics, NodeStats clients, String serverName,
      String source) {
    this(view, metrics, clients, serverName, source, Optional.empty(), Optional.empty());
  }
}
