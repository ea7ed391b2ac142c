package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.vertxdynomite.replication.PeerServer;

/**
 * Serves the requests other nodes' coordinators forward to this node — reads, and writes for this
 * node's rack — on its datastore, in the order each client sent them.
 */
public final class CoordinatorVerticle extends VerticleBase {

  private final ClusterCoordinator coordinator;
  private final String address;
  private final Session peers = new Session(0);
  private PeerServer server;

  public CoordinatorVerticle(ClusterCoordinator coordinator, String address) {
    this.coordinator = coordinator;
    this.address = address;
  }

  @Override
  public Future<?> start() {
    return PeerServer.start(vertx, address, r -> coordinator.serveForwarded(r, peers)).onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    peers.markClosed();
    return server == null ? Future.succeededFuture() : server.close();
  }
}
