package org.vertxdynomite.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.Coordinator;
import org.vertxdynomite.metrics.NodeMetrics;

/**
 * The node's RESP front door: deploys one {@link RespServerVerticle} per requested instance and
 * holds what they share (dispatcher, counters, settings).
 */
public final class RespServer {

  private final ServerSettings settings;
  private final NodeStats stats = new NodeStats();
  private final RequestDispatcher dispatcher;
  private final AtomicInteger boundPort = new AtomicInteger();
  private String deploymentId;

  /** A server without metrics whose INFO shows only its own sections. */
  public RespServer(ServerSettings settings, CommandTable table, Coordinator coordinator) {
    this(settings, table, coordinator, NodeMetrics.NONE, List.of());
  }

  /**
   * A server reporting each request to {@code metrics}, whose INFO adds {@code infoSections} to
   * its own (server, clients, stats).
   */
  public RespServer(ServerSettings settings, CommandTable table, Coordinator coordinator, NodeMetrics metrics,
      List<InfoSection> infoSections) {
    this.settings = settings;
    Map<String, LocalCommand> local = new HashMap<>();
    ConnectionCommands.register(local);
    new ClientCommand(stats).register(local);
    new InfoCommand(stats, boundPort::get, settings.maxClients(), infoSections).register(local);
    new CommandCommand(table).register(local);
    DynoConfigCommand.register(local);
    this.dispatcher = new RequestDispatcher(table, coordinator, Map.copyOf(local), metrics);
  }

  /** The port bound, once {@link #start} has completed. */
  public int port() {
    return boundPort.get();
  }

  /** Deploys {@code instances} server verticles; completes with the bound port. */
  public Future<Integer> start(Vertx vertx, int instances) {
    AtomicInteger port = new AtomicInteger(settings.port());
    RespServerVerticle[] first = new RespServerVerticle[1];
    return vertx.deployVerticle(() -> {
      RespServerVerticle v = new RespServerVerticle(this);
      if (first[0] == null) {
        first[0] = v;
      }
      return v;
    }, new DeploymentOptions().setInstances(instances))
        .map(id -> {
          deploymentId = id;
          port.set(first[0].actualPort());
          boundPort.set(port.get());
          return port.get();
        });
  }

  public Future<Void> stop(Vertx vertx) {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  public NodeStats stats() {
    return stats;
  }

  ServerSettings settings() {
    return settings;
  }

  RequestDispatcher dispatcher() {
    return dispatcher;
  }
}
