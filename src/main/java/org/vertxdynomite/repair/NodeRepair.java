package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.metrics.PrometheusMetrics;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.HashTag;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.LocalNodeState;
import org.vertxdynomite.topology.Membership;

/** Starts a clustered node's anti-entropy repair in one call. */
public final class NodeRepair {

  private NodeRepair() {}

  /**
   * Deploys the {@link RepairVerticle} of the node configured by {@code config}, with its {@link
   * ReadRepair} ({@link RepairVerticle#readRepair()}, for the coordinator), and binds their meters;
   * completes once it serves its peers.
   *
   * @param datastore the datastore every write goes through (repairs are writes)
   * @param fence the node's write fence, which every repair write passes
   */
  public static Future<RepairVerticle> start(Vertx vertx, NodeConfig config, Membership membership,
      LocalNodeState state, Datastore datastore, WriteFence fence, PrometheusMetrics metrics) {
    Partitioner partitioner = new Partitioner(HashAlgorithms.byName(config.hash().configName()),
        config.hashTag().map(HashTag::of).orElse(HashTag.NONE));
    var self = membership.self();
    RepairSettings settings = RepairSettings.of(config);
    LocalReplica local = new LocalReplica(self.dc() + "/" + self.rack() + " " + self.peerAddress(), datastore, fence,
        partitioner, settings.settleMillis());
    RepairCounts readRepairs = new RepairCounts();
    // Read repair's requests are short: a client read's disagreement is not worth a long wait.
    long timeout = Math.min(config.timeoutMs(), config.dynWriteTimeoutMs());
    KeyRepair keyRepair = new KeyRepair(KeyRepair.owners(partitioner, local, peer -> new RemoteReplica(vertx, peer,
        timeout)), settings.settleMillis(), readRepairs);
    ReadRepair readRepair = new ReadRepair(config.readRepairsEnabled(), ReadRepair.MAX_IN_FLIGHT, keyRepair::repair,
        readRepairs);
    RepairVerticle verticle = new RepairVerticle(membership, state, local, settings, readRepair);
    RepairGauges.bind(metrics, verticle);
    return vertx.deployVerticle(verticle).map(id -> verticle);
  }
}
