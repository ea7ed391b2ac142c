package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.IntSupplier;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.metrics.NodeMetrics;
import java.util.function.Predicate;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.replication.PeerClientOptions;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.replication.ReplicatorVerticle;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.HashTag;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.Membership;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.PeerHealth;

/**
 * A node's part in its cluster: the {@link ClusterCoordinator} its RESP servers use, and the
 * coordinator and replicator verticles that serve other nodes.
 */
public final class ClusterServices {

  private final ClusterCoordinator coordinator;
  private final ConsistencySettings consistency;
  private final NodeInfo self;
  private final PeerHealth health;
  private final WriteFence fence;
  private final HybridClock clock;
  private final HintDelivery delivery;

  private ClusterServices(ClusterCoordinator coordinator, ConsistencySettings consistency, NodeInfo self,
      PeerHealth health, WriteFence fence, HybridClock clock, HintDelivery delivery) {
    this.coordinator = coordinator;
    this.consistency = consistency;
    this.self = self;
    this.health = health;
    this.fence = fence;
    this.clock = clock;
    this.delivery = delivery;
  }

  /** Which peers this node routes around (ejected, marked down, not live). */
  public PeerHealth health() {
    return health;
  }

  /** This node's last-write-wins fence. */
  public WriteFence fence() {
    return fence;
  }

  /** Hands kept hints to the nodes and datacenters they are for. */
  public HintDelivery hintDelivery() {
    return delivery;
  }

  /** This node's hybrid logical clock. */
  public HybridClock clock() {
    return clock;
  }

  /**
   * What the node shares with its cluster services: the consistency levels (changeable at runtime),
   * the timeout factor every request timeout is multiplied by, and where to report metrics.
   */
  public record Hooks(ConsistencySettings consistency, IntSupplier timeoutFactor, NodeMetrics metrics,
      Predicate<HostPort> adminDown, HintSink hints) {

    /** The configuration's levels, factor 1, no metrics, no peer marked down, no hints kept. */
    public static Hooks defaults(NodeConfig config) {
      return new Hooks(new ConsistencySettings(config.readConsistency(), config.writeConsistency()), () -> 1,
          NodeMetrics.NONE, peer -> false, HintSink.NONE);
    }

    /** These hooks keeping hints in {@code sink}. */
    public Hooks withHints(HintSink sink) {
      return new Hooks(consistency, timeoutFactor, metrics, adminDown, sink);
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
    PeerHealth health = new PeerHealth(config.autoEjectHosts(), config.serverFailureLimit(),
        config.serverRetryTimeoutMs(), System::currentTimeMillis, hooks.adminDown());
    WriteFence fence = new WriteFence(config.lwwFenceSlots());
    NodeTransport transport = new NodeTransport(vertx, new ReplicaStore(datastore, fence), health, self,
        new NodeTransport.PeerTimeouts(config.timeoutMs(), config.dynReadTimeoutMs(), config.dynWriteTimeoutMs()),
        hooks.timeoutFactor(), PeerClientOptions.DEFAULT, hooks.metrics());
    HybridClock clock = new HybridClock();
    ClusterCoordinator coordinator = new ClusterCoordinator(membership::current, transport,
        new RackRouter(partitioner, config.hashTag().orElse(null)), consistency, hooks.metrics(), clock,
        hooks.hints());
    return vertx.deployVerticle(new CoordinatorVerticle(coordinator, NodeTransport.forwardAddress(self)))
        .compose(id -> vertx.deployVerticle(new ReplicatorVerticle(NodeTransport.replicateAddress(self),
            coordinator::serveReplicated)))
        .map(id -> new ClusterServices(coordinator, consistency, self, health, fence, clock,
            new HintDelivery(membership::current, transport)));
  }

  /**
   * Shows the local replicas' replies of every quorum read to {@code observer} from now on (read
   * repair, set once the node's repair has started).
   */
  public void observeReads(ReadObserver observer) {
    coordinator.observeReads(observer);
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
