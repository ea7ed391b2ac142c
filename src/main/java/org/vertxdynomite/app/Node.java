package org.vertxdynomite.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.logging.Logger;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.ServerSpec;
import io.vertx.core.VertxOptions;
import org.vertxdynomite.coordinator.ClusterServices;
import org.vertxdynomite.coordinator.Coordinator;
import org.vertxdynomite.coordinator.LocalCoordinator;
import org.vertxdynomite.topology.ClusterNode;
import org.vertxdynomite.topology.ClusterOptions;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedOptions;
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
  private final ClusterNode cluster;
  private final NodeConfig config;
  private final Datastore datastore;
  private RespServer server;
  private ClusterServices services;
  private int port;

  private Node(Vertx vertx, ClusterNode cluster, NodeConfig config) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.config = config;
    this.datastore = datastore(vertx, config);
  }

  /**
   * Starts a node on a Vert.x of its own: clustered (Hazelcast on {@code dyn_listen}, peers from
   * {@code dyn_seeds} or a Kubernetes Service, the event bus on {@code eventbus_port}) when
   * {@link NodeConfig#clustered()}, standalone otherwise. Completes once clients can connect.
   */
  public static Future<Node> start(NodeConfig config) {
    return start(config, clusterOptions(config));
  }

  /** The cluster options {@code config} asks for: its {@code cluster_name} and {@code eventbus_port}. */
  static ClusterOptions clusterOptions(NodeConfig config) {
    return ClusterOptions.DEFAULTS.withClusterName(config.clusterName()).withEventBusPort(config.eventbusPort());
  }

  /** {@link #start(NodeConfig)} with explicit cluster options (cluster name, event-bus port…). */
  public static Future<Node> start(NodeConfig config, ClusterOptions clusterOptions) {
    if (!config.clustered()) {
      Vertx vertx = Vertx.vertx();
      return new Node(vertx, null, config).startServices().recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
    }
    return ClusterNode.start(config, clusterOptions, new VertxOptions()).compose(cn ->
        new Node(cn.vertx(), cn, config).startServices().recover(e -> cn.close().transform(v -> Future.failedFuture(e))));
  }

  private Future<Node> startServices() {
    return datastore.start()
        .recover(e -> {
          // Like Dynomite, a node starts even when its datastore is down: requests get
          // "-ERR Storage: …" until it answers, and the connections recover by themselves.
          LOG.warning("datastore not reachable yet: " + e.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> coordinator())
        .compose(coordinator -> {
          server = new RespServer(serverSettings(config), CommandTable.get(), coordinator);
          return server.start(vertx, config.serverInstances());
        })
        .map(p -> {
          port = p;
          LOG.info("listening for clients on " + config.listen().host() + ":" + p + ", datastore "
              + describeDatastore(config) + (cluster == null ? ", standalone" : ", in cluster as " + cluster.nodeId()));
          return this;
        });
  }

  private Future<Coordinator> coordinator() {
    if (cluster == null) {
      return Future.succeededFuture(new LocalCoordinator(datastore));
    }
    return ClusterServices.start(vertx, config, cluster.membership(), datastore).map(s -> {
      services = s;
      return s.coordinator();
    });
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  public NodeConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The live topology; empty for a standalone node. */
  public java.util.Optional<Membership> membership() {
    return cluster == null ? java.util.Optional.empty() : java.util.Optional.of(cluster.membership());
  }

  /** Cluster services (consistency settings…); empty for a standalone node. */
  public java.util.Optional<ClusterServices> clusterServices() {
    return java.util.Optional.ofNullable(services);
  }

  /** Stops accepting clients, closes the datastore, then leaves the cluster and closes Vert.x. */
  public Future<Void> stop() {
    // Only vert.x's own close future may complete the result: a future chained after close() would
    // have to run its listeners on an event loop that close() has just terminated.
    Promise<Void> done = Promise.promise();
    Future<Void> serverStopped = server == null ? Future.succeededFuture() : server.stop(vertx);
    serverStopped
        .eventually(datastore::close)
        .eventually(() -> cluster != null ? cluster.membership().close() : Future.succeededFuture())
        .onComplete(ar -> vertx.close().onComplete(done));
    return done.future();
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
      case EMBEDDED:
        return new EmbeddedDatastore(vertx, EmbeddedOptions.builder().maxmemory(c.embeddedMaxmemory()).build());
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
