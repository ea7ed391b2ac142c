package org.vertxdynomite.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.config.HostPort;

/**
 * The node's admin and stats HTTP endpoint on {@code stats_listen}, bound to exactly that address:
 * Dynomite's paths, Dyno's topology endpoints and Prometheus's {@code /metrics} ({@link
 * AdminRoutes}). GET only; an unknown path is a 404, a bad value a 400, a state change
 * the transition table forbids a 409, each with a one-line message.
 */
public final class AdminServer {

  private static final Logger LOG = Logger.getLogger(AdminServer.class.getName());

  private final HttpServer server;

  private AdminServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code listen}; completes once bound, fails when the address is taken. */
  public static Future<AdminServer> start(Vertx vertx, HostPort listen, AdminContext ctx) {
    LongAdder served = new LongAdder();
    AdminRoutes routes = new AdminRoutes(vertx, ctx, served::sum);
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(listen.host()).setPort(listen.port()))
        .requestHandler(req -> {
          served.increment();
          handle(routes, req);
        });
    return server.listen().map(AdminServer::new);
  }

  /** The port bound (useful when {@code stats_listen} names port 0). */
  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  private static void handle(AdminRoutes routes, HttpServerRequest req) {
    Future<AdminReply> reply;
    if (req.method() != HttpMethod.GET) {
      req.response().putHeader("Allow", "GET");
      reply = Future.succeededFuture(AdminReply.error(new AdminError(405, "only GET is served here")));
    } else {
      try {
        reply = routes.run(new URI(req.path()).getPath());
      } catch (URISyntaxException e) {
        reply = Future.failedFuture(AdminError.badValue("malformed path: " + e.getMessage()));
      } catch (RuntimeException e) {
        // An AdminError thrown by a route, or a bug: either way the operator gets an answer.
        reply = Future.failedFuture(e);
      }
    }
    reply.onComplete(ar -> {
      AdminReply r = ar.succeeded() ? ar.result() : failure(ar.cause());
      req.response().setStatusCode(r.status()).putHeader("Content-Type", r.contentType())
          .end(r.body());
    });
  }

  private static AdminReply failure(Throwable cause) {
    if (cause instanceof AdminError e) {
      return AdminReply.error(e);
    }
    LOG.log(Level.WARNING, "admin request failed", cause);
    return AdminReply.error(new AdminError(500, "internal error: " + cause));
  }
}
