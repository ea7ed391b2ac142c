package org.vertxdynomite.replication;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Function;
import org.vertxdynomite.resp.Reply;

/**
 * Receives the writes that coordinators in other datacenters replicate to this node and hands each
 * to {@code apply}, which writes it to every rack of this datacenter. (Hints and last-write-wins
 * ordering join here with issue 5.)
 */
public final class ReplicatorVerticle extends VerticleBase {

  private final String address;
  private final Function<PeerRequest, Future<Reply>> apply;
  private PeerServer server;

  public ReplicatorVerticle(String address, Function<PeerRequest, Future<Reply>> apply) {
    this.address = address;
    this.apply = apply;
  }

  @Override
  public Future<?> start() {
    return PeerServer.start(vertx, address, apply).onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
