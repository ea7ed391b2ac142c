package org.vertxdynomite.topology;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.vertxdynomite.config.NodeConfig;

/**
 * A clustered Vert.x with its {@link Membership}: what a node of a cluster runs on.
 *
 * @param vertx the clustered Vert.x
 * @param clusterManager its Hazelcast cluster manager
 * @param membership the live topology
 */
public record ClusterNode(Vertx vertx, HazelcastClusterManager clusterManager, Membership membership) {

  /**
   * Joins (or founds) the cluster {@code config} describes and starts following its membership.
   * Completes once this node is a member, its metadata is readable by the others, and a first
   * topology is built (holding the members whose metadata was already readable; others follow
   * through {@link Membership#onChange} or {@link Membership#until}).
   */
  public static Future<ClusterNode> start(NodeConfig config, ClusterOptions options, VertxOptions base) {
    ClusterSetup setup = ClusterSetup.of(config, options);
    return setup.startClustered(base).compose(vertx ->
        Membership.start(vertx, setup.clusterManager(), setup.announcement(), config.dynSeeds())
            .map(m -> new ClusterNode(vertx, setup.clusterManager(), m))
            .recover(e -> vertx.close().transform(closed -> Future.failedFuture(e))));
  }

  /** This node's cluster id. */
  public String nodeId() {
    return clusterManager.getNodeId();
  }

  /** Stops following the membership, then closes Vert.x (which leaves the cluster). */
  public Future<Void> close() {
    return membership.close().transform(ar -> vertx.close());
  }
}
