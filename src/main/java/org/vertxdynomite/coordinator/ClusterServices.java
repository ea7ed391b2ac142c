package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.IntSupplier;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.replication.PeerClientOptions;
import org.vertxdynomite.replication.ReplicatorVerticle;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.HashTag;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.topology.NodeInfo;

/**
 * A node's part in its cluster: the {@link ClusterCoordinator} its RESP servers use, and the
 * coordinator and replicator verticles that serve other nodes.
 */
public final class ClusterServices {

  private final ClusterCoordinator coordinator;
  private final ConsistencySettings consistency;
  private final NodeInfo self;

  private ClusterServices(ClusterCoordinator coordinator, ConsistencySettings consistency, NodeInfo self) {
    this.coordinator = coordinator;
    this.consistency = consistency;
    this.self = self;
  }

  /**
   * What the node shares with its cluster services: the consistency levels (changeable at runtime),
   * the timeout factor every request timeout is multiplied by, and where to report metrics.
   */
  public record Hooks(ConsistencySettings consistency, IntSupplier timeoutFactor, NodeMetrics metrics) {

    /** The configuration's levels, factor 1, no metrics. */
    public static Hooks defaults(NodeConfig config) {
      return new Hooks(new ConsistencySettings(config.readConsistency(), config.writeConsistency()), () -> 1,
          NodeMetrics.NONE);
    }
  }

  /** Builds the coordinator and deploys the verticles that serve other nodes. */
  public static Future<ClusterServices> start(Vertx vertx, NodeConfig config, Membership membership,
      Datastore datastore) {
    return start(vertx, config, membership, datastore, Hooks.defaults(config));
  }

  /** {@link #start(Vertx, NodeConfig, Membership, Datastore)} sharing {@code hooks} with the node. */
  public static Future<ClusterServices> start(Vertx vertx, NodeConfig config, Membership membership,
      Datastore datastore, Hooks hooks) {
    NodeInfo self = membership.self();
    Partitioner partitioner = new Partitioner(HashAlgorithms.byName(config.hash().configName()),
        config.hashTag().map(HashTag::of).orElse(HashTag.NONE));
    ConsistencySettings consistency = hooks.consistency();
    NodeTransport transport = new NodeTransport(vertx, datastore, self, config.timeoutMs(), hooks.timeoutFactor(),
        PeerClientOptions.DEFAULT, hooks.metrics());
    ClusterCoordinator coordinator = new ClusterCoordinator(membership::current, transport,
        new RackRouter(partitioner, config.hashTag().orElse(null)), consistency, hooks.metrics());
    return vertx.deployVerticle(new CoordinatorVerticle(coordinator, NodeTransport.forwardAddress(self)))
        .compose(id -> vertx.deployVerticle(new ReplicatorVerticle(NodeTransport.replicateAddress(self),
            coordinator::serveReplicated)))
        .map(id -> new ClusterServices(coordinator, consistency, self));
  }

  public Coordinator coordinator() {
    return coordinator;
  }

  /** The read and write levels, changeable at runtime. */
  public ConsistencySettings consistency() {
    return consistency;
  }

  public NodeInfo self() {
    return self;
  }
}
