package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import org.vertxdynomite.replication.PeerKind;
import org.vertxdynomite.replication.PeerRequest;
import org.vertxdynomite.replication.PeerServer;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/**
 * Serves the requests other nodes' coordinators forward to this node — reads, and writes for this
 * node's rack — on its datastore, in the order each client sent them; and stops a blocking command
 * waiting here when the coordinator whose client went away says CANCEL.
 */
public final class CoordinatorVerticle extends VerticleBase {

  private final ClusterCoordinator coordinator;
  private final String address;
  private final Session peers = new Session(0);
  /** Blocking commands waiting here for other nodes' clients, by request id, to cancel them. */
  private final Map<Long, Promise<Void>> blocked = new HashMap<>();
  private PeerServer server;

  public CoordinatorVerticle(ClusterCoordinator coordinator, String address) {
    this.coordinator = coordinator;
    this.address = address;
  }

  @Override
  public Future<?> start() {
    return PeerServer.start(vertx, address, this::serve).onSuccess(s -> server = s);
  }

  private Future<Reply> serve(PeerRequest request) {
    if (request.kind() == PeerKind.CANCEL) {
      Promise<Void> waiting = blocked.remove(Long.parseLong(request.request().argString(1)));
      if (waiting != null) {
        waiting.tryComplete();
      }
      return Future.succeededFuture(Replies.OK);
    }
    if (request.kind() == PeerKind.HINT) {
      return coordinator.serveHint(request);
    }
    if (!coordinator.isBlocking(request)) {
      return coordinator.serveForwarded(request, peers.closed());
    }
    Promise<Void> cancel = Promise.promise();
    blocked.put(request.id(), cancel);
    peers.closed().onComplete(v -> cancel.tryComplete());
    return coordinator.serveForwarded(request, cancel.future()).andThen(ar -> blocked.remove(request.id()));
  }

  @Override
  public Future<?> stop() {
    peers.markClosed();
    return server == null ? Future.succeededFuture() : server.close();
  }
}
