package org.vertxdynomite.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.coordinator.ConsistencySettings;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.repair.RepairVerticle;
import org.vertxdynomite.warmup.WarmupVerticle;

/**
 * The admin port's paths, as data: Dynomite's stats-port paths, Dyno's topology endpoints, and
 * {@code /metrics}. First match wins, so literal paths come before templates that would also
 * match them. Values are checked: a bad one is a 400 saying what is expected, never Dynomite's
 * silent "OK".
 */
final class AdminRoutes {

  private final AdminContext ctx;
  private final Vertx vertx;
  private final LongSupplier statsCount;
  private final List<Route> routes;

  AdminRoutes(Vertx vertx, AdminContext ctx, LongSupplier statsCount) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.statsCount = statsCount;
    this.routes = List.of(
        new Route("/", "the same as /info", p -> info()),
        new Route("/info", "node, pool and datastore statistics (JSON, Dynomite's fields)", p -> info()),
        new Route("/help", "this list", p -> done(AdminReply.text(help()))),
        new Route("/ping", "answers OK", p -> done(AdminReply.OK)),
        new Route("/cluster_describe", "datacenters, racks and nodes with their tokens (JSON)",
            p -> done(AdminReply.json(ClusterDescriptions.dynomite(ctx.view())))),
        new Route("/get_consistency", "the read and write consistency levels", p -> done(consistency())),
        new Route("/set_consistency/{kind}/{level}",
            "/set_consistency/<read|write>/<dc_one|dc_quorum|dc_safe_quorum|dc_each_safe_quorum>",
            p -> done(setConsistency(p.get("kind"), p.get("level")))),
        new Route("/get_timeout_factor", "the factor every request timeout is multiplied by",
            p -> done(AdminReply.text("Timeout factor: " + ctx.view().controls().timeoutFactor().get() + "\n"))),
        new Route("/set_timeout_factor/{factor}", "/set_timeout_factor/<1-10>",
            p -> done(setTimeoutFactor(p.get("factor")))),
        new Route("/peer/up/{name}", "/peer/up/<host:port> clears a peer's administrative down mark",
            p -> done(markPeer(p.get("name"), false))),
        new Route("/peer/down/{name}", "/peer/down/<host:port> marks a peer administratively down",
            p -> done(markPeer(p.get("name"), true))),
        new Route("/state/get_state", "this node's state", p -> done(AdminReply.text(
            "State: " + ctx.view().controls().state().get().name() + "\n"))),
        new Route("/state/{state}", "/state/<standby|writes_only|resuming|normal>",
            p -> done(setState(p.get("state")))),
        new Route("/warmup", "the warm-up's status and progress (JSON)",
            p -> done(AdminReply.json(warmup().status()))),
        new Route("/warmup/start", "starts a warm-up from the replicas in other racks (JSON status)",
            p -> done(startWarmup())),
        new Route("/repair", "the anti-entropy repair's status and counts (JSON)",
            p -> done(AdminReply.json(repair().status()))),
        new Route("/repair/start", "starts an anti-entropy repair with every replica in other racks (JSON status)",
            p -> done(startRepair())),
        new Route("/metrics", "Prometheus metrics (text format 0.0.4)", p -> vertx.executeBlocking(
            () -> new AdminReply(200, AdminReply.PROMETHEUS, ctx.metrics().scrape()), false)),
        new Route("/REST/v1/admin/cluster_describe", "the token map Netflix Dyno reads (JSON array)",
            p -> done(AdminReply.json(ClusterDescriptions.dyno(ctx.view())))),
        new Route("/REST/v1/admin/get_seeds", "peers as host:port:rack:dc:tokens|…",
            p -> done(AdminReply.text(ClusterDescriptions.seeds(ctx.view())))));
  }

  /** Runs the route {@code path} names; fails with an {@link AdminError} 404 when none does. */
  Future<AdminReply> run(String path) {
    for (Route r : routes) {
      Map<String, String> params = r.match(path);
      if (params != null) {
        return r.action().apply(params);
      }
    }
    return Future.failedFuture(AdminError.notFound("no such path: " + path + " (see /help)"));
  }

  private Future<AdminReply> info() {
    return done(AdminReply.json(InfoJson.build(ctx, statsCount.getAsLong())));
  }

  private String help() {
    StringBuilder sb = new StringBuilder();
    for (Route r : routes) {
      sb.append(String.format("%-34s %s%n", r.template(), r.help()));
    }
    return sb.toString();
  }

  private AdminReply consistency() {
    ConsistencySettings c = ctx.view().controls().consistency();
    return AdminReply.text("Read Consistency: " + c.read().name() + "\r\nWrite Consistency: " + c.write().name()
        + "\r\n");
  }

  private AdminReply setConsistency(String kind, String level) {
    Consistency parsed;
    try {
      parsed = Consistency.parse(level);
    } catch (IllegalArgumentException e) {
      throw AdminError.badValue("invalid consistency level '" + level
          + "': expected dc_one, dc_quorum, dc_safe_quorum or dc_each_safe_quorum");
    }
    ConsistencySettings c = ctx.view().controls().consistency();
    switch (kind) {
      case "read" -> c.read(parsed);
      case "write" -> c.write(parsed);
      default -> throw AdminError.badValue("'" + kind + "' is neither read nor write");
    }
    return AdminReply.OK;
  }

  private AdminReply setTimeoutFactor(String value) {
    int factor;
    try {
      factor = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw AdminError.badValue("timeout factor must be a whole number 1..10, got '" + value + "'");
    }
    try {
      ctx.view().controls().timeoutFactor().set(factor);
    } catch (IllegalArgumentException e) {
      throw AdminError.badValue(e.getMessage());
    }
    return AdminReply.OK;
  }

  private AdminReply markPeer(String name, boolean down) {
    ClusterView.Peer peer = ctx.view().peer(name);
    PeerAdminStates marks = ctx.view().controls().peers();
    if (down) {
      marks.markDown(peer.address());
    } else {
      marks.markUp(peer.address());
    }
    return AdminReply.OK;
  }

  private AdminReply setState(String name) {
    NodeState target = null;
    for (NodeState s : NodeState.values()) {
      if (s.adminName().equals(name.toLowerCase(Locale.ROOT))) {
        target = s;
      }
    }
    if (target == null) {
      throw AdminError.notFound("no such state: " + name + "; expected get_state, standby, writes_only, resuming"
          + " or normal");
    }
    try {
      ctx.view().controls().state().moveTo(target);
    } catch (IllegalStateException e) {
      throw AdminError.conflict(e.getMessage());
    }
    return AdminReply.OK;
  }

  private WarmupVerticle warmup() {
    return ctx.warmup().orElseThrow(() -> AdminError.notFound("a standalone node has no warm-up"));
  }

  private AdminReply startWarmup() {
    try {
      return AdminReply.json(warmup().begin());
    } catch (IllegalStateException e) {
      throw AdminError.conflict(e.getMessage());
    }
  }

  private RepairVerticle repair() {
    return ctx.repair().orElseThrow(() -> AdminError.notFound("a standalone node has no anti-entropy repair"));
  }

  private AdminReply startRepair() {
    try {
      return AdminReply.json(repair().begin());
    } catch (IllegalStateException e) {
      throw AdminError.conflict(e.getMessage());
    }
  }

  private static Future<AdminReply> done(AdminReply reply) {
    return Future.succeededFuture(reply);
  }
}
