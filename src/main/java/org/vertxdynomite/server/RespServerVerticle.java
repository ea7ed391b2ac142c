package org.vertxdynomite.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * Accepts RESP clients on {@code listen}. Deployed once per event loop; Vert.x spreads the
 * connections over the instances, each of which serves its clients on its own event loop.
 */
public final class RespServerVerticle extends VerticleBase {

  private static final Buffer TOO_MANY_CLIENTS = Buffer.buffer("-ERR max number of clients reached\r\n");

  private final RespServer server;
  private NetServer netServer;

  RespServerVerticle(RespServer server) {
    this.server = server;
  }

  @Override
  public Future<?> start() {
    ServerSettings s = server.settings();
    NetServerOptions options = new NetServerOptions()
        .setHost(s.host())
        .setPort(s.port())
        .setTcpNoDelay(true)
        .setReuseAddress(true)
        .setAcceptBacklog(s.backlog());
    netServer = vertx.createNetServer(options).connectHandler(this::accept);
    return netServer.listen();
  }

  private void accept(NetSocket socket) {
    ServerSettings s = server.settings();
    NodeStats stats = server.stats();
    if (s.maxClients() > 0 && stats.connectedClients() >= s.maxClients()) {
      stats.rejected();
      socket.write(TOO_MANY_CLIENTS).onComplete(ar -> socket.close());
      return;
    }
    new ClientConnection(socket, context, server.dispatcher(), stats, s).start();
  }

  /** The port actually bound (useful when the configured port is 0). */
  int actualPort() {
    return netServer.actualPort();
  }

  @Override
  public Future<?> stop() {
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }
}
