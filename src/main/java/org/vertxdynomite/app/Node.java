package org.vertxdynomite.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetAddress;
import java.util.UUID;
import java.util.logging.Logger;
import org.vertxdynomite.admin.AdminContext;
import org.vertxdynomite.admin.AdminServer;
import org.vertxdynomite.admin.ClusterView;
import org.vertxdynomite.admin.HintGauges;
import org.vertxdynomite.admin.NodeControls;
import org.vertxdynomite.admin.NodeGauges;
import org.vertxdynomite.admin.NodeInfoSections;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.DataStoreKind;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.config.ServerSpec;
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
import org.vertxdynomite.metrics.MeasuredDatastore;
import org.vertxdynomite.metrics.PrometheusMetrics;
import org.vertxdynomite.repair.NodeRepair;
import org.vertxdynomite.repair.RepairVerticle;
import org.vertxdynomite.resp.ParserLimits;
import org.vertxdynomite.server.RespServer;
import org.vertxdynomite.server.ServerSettings;
import org.vertxdynomite.warmup.GuardedDatastore;
import org.vertxdynomite.warmup.NodeWarmup;
import org.vertxdynomite.warmup.WarmupGuard;

/**
 * One running node: its datastore, the coordinator in front of it, the RESP server verticles and
 * the admin port, started and stopped in order. Its Vert.x reports to a Prometheus registry of
 * the node's own, which the admin port's {@code /metrics} serves.
 */
public final class Node {

  private static final Logger LOG = Logger.getLogger(Node.class.getName());

  private final Vertx vertx;
  private final ClusterNode cluster;
  private final NodeConfig config;
  private final PrometheusMetrics metrics;
  private final NodeControls controls;
  /** The datastore itself; {@link #datastore} is the same, measured and guarded for warm-up. */
  private final Datastore store;
  private final Datastore datastore;
  /** The datastore measured but not guarded: what warm-up restores its copies through. */
  private final Datastore unguarded;
  private final WarmupGuard guard = new WarmupGuard();
  private final StartupPhases startup;
  private NodeWarmup warmup;
  private RepairVerticle repair;
  private RespServer server;
  private AdminServer admin;
  private ClusterServices services;
  private int port;

  private Node(Vertx vertx, ClusterNode cluster, NodeConfig config, String metricsRegistry, StartupPhases startup) {
    this.vertx = vertx;
    this.startup = startup;
    this.cluster = cluster;
    this.config = config;
    this.metrics = PrometheusMetrics.forRegistry(metricsRegistry);
    this.controls = NodeControls.of(config, org.vertxdynomite.topology.StartState.of(config));
    this.store = datastore(vertx, config, controls, metrics);
    this.unguarded = new MeasuredDatastore(store, metrics);
    this.datastore = new GuardedDatastore(unguarded, guard);
    if (cluster != null && config.warmup() == WarmupMode.AUTO) {
      // Records every write from the first moment: the auto warm-up decision then tells the data
      // the node started with from writes and hints that reached it since.
      guard.activate();
    }
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
    return start(config, clusterOptions, new StartupPhases(System::currentTimeMillis, System.currentTimeMillis()));
  }

  /** {@link #start(NodeConfig, ClusterOptions)}, marking its steps in {@code startup}. */
  static Future<Node> start(NodeConfig config, ClusterOptions clusterOptions, StartupPhases startup) {
    // A registry per node: nodes sharing a JVM (tests) must not mix their metrics.
    String registry = "vertx-dynomite-" + UUID.randomUUID();
    VertxOptions options = PrometheusMetrics.vertxOptions(registry);
    if (!config.clustered()) {
      Vertx vertx = Vertx.vertx(options);
      return new Node(vertx, null, config, registry, startup).startServices()
          .recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
    }
    return ClusterNode.start(config, clusterOptions, options).compose(cn -> {
      startup.mark("cluster join");
      return new Node(cn.vertx(), cn, config, registry, startup).startServices()
          .recover(e -> cn.close().transform(v -> Future.failedFuture(e)));
    });
  }

  private Future<Node> startServices() {
    return datastore.start()
        .recover(e -> {
          // Like Dynomite, a node starts even when its datastore is down: requests get
          // "-ERR Storage: …" until it answers, and the connections recover by themselves.
          LOG.warning("datastore not reachable yet: " + e.getMessage());
          return Future.succeededFuture();
        })
        .compose(v -> {
          startup.mark("datastore");
          return coordinator();
        })
        .compose(coordinator -> {
          ClusterView view = ClusterView.of(config, membership(), controls);
          server = new RespServer(serverSettings(config), CommandTable.get(), coordinator, metrics,
              NodeInfoSections.of(view, store));
          return server.start(vertx, config.serverInstances()).compose(p -> {
            port = p;
            NodeGauges.bind(metrics, view, server.stats(), store);
            return hostName().compose(source -> AdminServer.start(vertx, config.statsListen(),
                new AdminContext(view, metrics, server.stats(), describeServer(config), source,
                    java.util.Optional.ofNullable(warmup).map(NodeWarmup::warmup), java.util.Optional.ofNullable(repair))));
          });
        })
        .map(a -> {
          admin = a;
          LOG.info("listening for clients on " + config.listen().host() + ":" + port + ", admin on "
              + config.statsListen().host() + ":" + a.port() + ", datastore " + describeDatastore(config)
              + (cluster == null ? ", standalone" : ", in cluster as " + cluster.nodeId()));
          startup.mark("client and admin ports");
          LOG.info(startup.describe());
          return this;
        });
  }

  /** This machine's name, which {@code /info} reports as its source; looked up off the event loop. */
  private Future<String> hostName() {
    return vertx.executeBlocking(() -> InetAddress.getLocalHost().getHostName(), false)
        .recover(e -> Future.succeededFuture("localhost"));
  }

  private Future<Coordinator> coordinator() {
    if (cluster == null) {
      return Future.succeededFuture(new LocalCoordinator(datastore));
    }
    return HandoffWiring.start(vertx, config).compose(handoff -> {
      startup.mark("hint log");
      HintGauges.bind(metrics, handoff.handoff().stats());
      ClusterServices.Hooks hooks = new ClusterServices.Hooks(controls.consistency(), controls.timeoutFactor()::get,
          metrics, controls.peers()::isDown, handoff.sink());
      return ClusterServices.start(vertx, config, cluster.membership(), datastore, hooks).compose(s -> {
        startup.mark("coordinator");
        services = s;
        handoff.connect(vertx, s.hintDelivery());
        return NodeWarmup.start(vertx, config, cluster.membership(), controls.state(), unguarded, guard,
            s.fence(), metrics)
            .compose(w -> {
              startup.mark("state and warm-up decision");
              warmup = w;
              // Anti-entropy (docs/REPAIR.md): repairs are writes, so through the guarded datastore.
              return NodeRepair.start(vertx, config, cluster.membership(), controls.state(), datastore, s.fence(),
                  metrics);
            })
            .map(r -> {
              startup.mark("repair");
              repair = r;
              s.observeReads(r.readRepair());
              return s.coordinator();
            });
      });
    });
  }

  /**
   * The node's own datastore, without the warm-up guard or the metrics in front: what this node
   * holds, for tests and tools (writes made here bypass the fence and the guard).
   */
  public Datastore datastore() {
    return store;
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

  /** The port of the admin endpoint ({@code stats_listen}). */
  public int adminPort() {
    return admin.port();
  }

  /** What the admin port changes: state, consistency levels, timeout factor, peer marks. */
  public NodeControls controls() {
    return controls;
  }

  public PrometheusMetrics metrics() {
    return metrics;
  }

  /** Cluster services (consistency settings…); empty for a standalone node. */
  public java.util.Optional<ClusterServices> clusterServices() {
    return java.util.Optional.ofNullable(services);
  }

  /** The node's states broadcast and warm-up; empty for a standalone node. */
  public java.util.Optional<NodeWarmup> warmup() {
    return java.util.Optional.ofNullable(warmup);
  }

  /** The node's anti-entropy repair; empty for a standalone node. */
  public java.util.Optional<RepairVerticle> repair() {
    return java.util.Optional.ofNullable(repair);
  }

  /** Stops accepting clients, closes the datastore, then leaves the cluster and closes Vert.x. */
  public Future<Void> stop() {
    // Only vert.x's own close future may complete the result: a future chained after close() would
    // have to run its listeners on an event loop that close() has just terminated.
    Promise<Void> done = Promise.promise();
    Future<Void> adminStopped = admin == null ? Future.succeededFuture() : admin.close();
    Future<Void> serverStopped = adminStopped.eventually(() -> server == null ? Future.succeededFuture()
        : server.stop(vertx));
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

  private static Datastore datastore(Vertx vertx, NodeConfig c, NodeControls controls, PrometheusMetrics metrics) {
    switch (c.dataStore()) {
      case REDIS: {
        ServerSpec s = c.servers().get(0);
        return new RedisDatastore(vertx, new RedisSettings(s.host(), s.port(), c.datastoreConnections(),
            c.timeoutMs(), c.serverRetryTimeoutMs(), c.serverFailureLimit(), RedisSettings.DEFAULT_MAX_IN_FLIGHT,
            c.datastorePassword().orElse(null)), controls.timeoutFactor()::get, metrics);
      }
      case EMBEDDED:
        return new EmbeddedDatastore(vertx, EmbeddedOptions.builder().maxmemory(c.embeddedMaxmemory()).build());
      default:
        throw new IllegalStateException("data store " + c.dataStore() + " has no implementation in this build");
    }
  }

  /** The datastore's name in {@code /info}: its {@code servers:} entry, or {@code embedded}. */
  private static String describeServer(NodeConfig c) {
    return c.dataStore() == DataStoreKind.REDIS ? c.servers().get(0).toString() : "embedded";
  }

  private static String describeDatastore(NodeConfig c) {
    return c.dataStore() == DataStoreKind.REDIS
        ? "redis at " + c.servers().get(0).host() + ":" + c.servers().get(0).port()
        : c.dataStore().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
