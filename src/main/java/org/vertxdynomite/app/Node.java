package org.vertxdynomite.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.logging.Logger;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.ServerSpec;
import org.vertxdynomite.coordinator.LocalCoordinator;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.redis.RedisDatastore;
import org.vertxdynomite.datastore.redis.RedisSettings;
import org.vertxdynomite.resp.ParserLimits;
import org.vertxdynomite.server.RespServer;
import org.vertxdynomite.server.ServerSettings;

/**
 * One running node: its datastore, the coordinator in front of it, and the RESP server verticles,
 * started and stopped in order.
 */
public final class Node {

  private static final Logger LOG = Logger.getLogger(Node.class.getName());

  private final Vertx vertx;
  private final NodeConfig config;
  private final Datastore datastore;
  private final RespServer server;
  private int port;

  private Node(Vertx vertx, NodeConfig config, Datastore datastore) {
    this.vertx = vertx;
    this.config = config;
    this.datastore = datastore;
    this.server = new RespServer(serverSettings(config), CommandTable.get(), new LocalCoordinator(datastore));
  }

  /** Starts a node on {@code vertx}; completes once clients can connect. */
  public static Future<Node> start(Vertx vertx, NodeConfig config) {
    Node node = new Node(vertx, config, datastore(vertx, config));
    return node.datastore.start()
        .recover(e -> {
          // Like Dynomite, a node starts even when its datastore is down: requests get
          // "-ERR Storage: …" until it answers, and the connections recover by themselves.
          LOG.warning("datastore not reachable yet: " + e.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> node.server.start(vertx, config.serverInstances()))
        .map(p -> {
          node.port = p;
          LOG.info("listening for clients on " + config.listen().host() + ":" + p + ", datastore "
              + describeDatastore(config));
          return node;
        });
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  public NodeConfig config() {
    return config;
  }

  /** Stops accepting clients, then closes the datastore. */
  public Future<Void> stop() {
    return server.stop(vertx).eventually(datastore::close);
  }

  static ServerSettings serverSettings(NodeConfig c) {
    ParserLimits limits = ParserLimits.DEFAULT.withMaxBulkLength((int) Math.min(
        ParserLimits.MAX_BULK_LENGTH_CAP, c.protoMaxBulkLen()));
    return new ServerSettings(c.listen().host(), c.listen().port(), limits,
        ServerSettings.DEFAULT_MAX_PENDING_PER_CLIENT, c.clientConnections(), c.backlog());
  }

  private static Datastore datastore(Vertx vertx, NodeConfig c) {
    switch (c.dataStore()) {
      case REDIS: {
        ServerSpec s = c.servers().get(0);
        return new RedisDatastore(vertx, new RedisSettings(s.host(), s.port(), c.datastoreConnections(),
            c.timeoutMs(), c.serverRetryTimeoutMs(), c.serverFailureLimit(), RedisSettings.DEFAULT_MAX_IN_FLIGHT,
            c.datastorePassword().orElse(null)));
      }
      default:
        throw new IllegalStateException("data store " + c.dataStore() + " has no implementation in this build");
    }
  }

  private static String describeDatastore(NodeConfig c) {
    return c.dataStore() == org.vertxdynomite.config.DataStoreKind.REDIS
        ? "redis at " + c.servers().get(0).host() + ":" + c.servers().get(0).port()
        : c.dataStore().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
