package org.vertxdynomite.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import org.vertxdynomite.Version;
import org.vertxdynomite.metrics.InfoWindows;
import org.vertxdynomite.metrics.InfoWindows.Figures;
import org.vertxdynomite.metrics.MetricNames;
import org.vertxdynomite.topology.NodeInfo;

/**
 * Dynomite's {@code /info}: its top-level fields in its order (service, source, version, uptime,
 * timestamp, rack, dc, latency and payload-size figures, cross-region, cross-zone and server
 * latencies, {@code dyn_memory}), then this node's state, levels, timeout factor and peers, then
 * the pool object named after the configuration's root key with the pool counters that mean
 * something here and, under {@code servers}, the datastore's. Fields Dynomite has for its own
 * internals (message and buffer pools, queue waits) are left out rather than reported as zeros.
 */
final class InfoJson {

  private InfoJson() {}

  static JsonObject build(AdminContext ctx, long statsCount) {
    ClusterView view = ctx.view();
    NodeInfo self = view.self();
    InfoWindows w = ctx.metrics().windows();
    long now = System.currentTimeMillis();
    JsonObject info = new JsonObject()
        .put("service", "dynomite")
        .put("source", ctx.source())
        .put("version", Version.NODE)
        .put("uptime", (now - ctx.clients().startMillis()) / 1000)
        .put("timestamp", now / 1000)
        .put("rack", self.rack())
        .put("dc", self.dc());
    figures(info, "latency", w.figures(InfoWindows.Kind.LATENCY));
    figures(info, "payload_size", w.figures(InfoWindows.Kind.PAYLOAD_SIZE));
    Figures region = w.figures(InfoWindows.Kind.CROSS_REGION_LATENCY);
    Figures zone = w.figures(InfoWindows.Kind.CROSS_ZONE_LATENCY);
    Figures server = w.figures(InfoWindows.Kind.SERVER_LATENCY);
    info.put("average_cross_region_rtt", region.mean()).put("99_cross_region_rtt", region.p99())
        .put("average_cross_zone_latency", zone.mean()).put("99_cross_zone_latency", zone.p99())
        .put("average_server_latency", server.mean()).put("99_server_latency", server.p99())
        .put("dyn_memory", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    NodeControls c = view.controls();
    info.put("state", self.state().name())
        .put("read_consistency", c.consistency().read().name())
        .put("write_consistency", c.consistency().write().name())
        .put("timeout_factor", c.timeoutFactor().get())
        .put("peers", peers(view));
    info.put(view.config().poolName(), pool(ctx, statsCount));
    return info;
  }

  private static void figures(JsonObject info, String prefix, Figures f) {
    info.put(prefix + "_max", f.max()).put(prefix + "_999th", f.p999()).put(prefix + "_99th", f.p99())
        .put(prefix + "_95th", f.p95()).put(prefix + "_mean", f.mean());
  }

  private static JsonArray peers(ClusterView view) {
    JsonArray peers = new JsonArray();
    for (ClusterView.Peer p : view.peers()) {
      peers.add(new JsonObject()
          .put("name", p.address().toString())
          .put("dc", p.dc())
          .put("rack", p.rack())
          .put("up", p.up())
          .put("state", p.state().map(Enum::name).orElse("UNKNOWN"))
          .put("admin", p.adminDown() ? "down" : "up"));
    }
    return peers;
  }

  private static JsonObject pool(AdminContext ctx, long statsCount) {
    MeterReadings m = new MeterReadings(ctx.metrics().registry());
    JsonObject server = new JsonObject()
        .put("server_err", m.countExcept(MetricNames.DATASTORE_ERRORS, "reason", "timeout"))
        .put("server_timedout", m.count(MetricNames.DATASTORE_ERRORS, "reason", "timeout"))
        .put("read_requests", m.count(MetricNames.DATASTORE_REQUESTS, "kind", "read"))
        .put("read_responses", m.count(MetricNames.DATASTORE_REQUESTS, "kind", "read", "outcome", "ok"))
        .put("write_requests", m.count(MetricNames.DATASTORE_REQUESTS, "kind", "write"))
        .put("write_responses", m.count(MetricNames.DATASTORE_REQUESTS, "kind", "write", "outcome", "ok"));
    return new JsonObject()
        .put("client_connections", ctx.clients().connectedClients())
        .put("client_read_requests", m.count(MetricNames.CLIENT_REQUESTS, "kind", "read"))
        .put("client_write_requests", m.count(MetricNames.CLIENT_REQUESTS, "kind", "write"))
        .put("client_non_quorum_r_responses", m.count(MetricNames.QUORUM_FAILURES, "kind", "read"))
        .put("client_non_quorum_w_responses", m.count(MetricNames.QUORUM_FAILURES, "kind", "write"))
        .put("peer_requests", m.count(MetricNames.PEER_REQUESTS))
        .put("peer_forward_error", m.count(MetricNames.PEER_REQUESTS, "outcome", "failed"))
        .put("stats_count", statsCount)
        .put("servers", new JsonObject().put(ctx.serverName(), server));
  }
}
