package org.vertxdynomite.warmup;

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
import org.vertxdynomite.topology.StateBroadcast;

/**
 * A clustered node's states and warm-up, started in one call: the {@link StateBroadcast} that
 * carries its state to the other nodes, the {@link WarmupVerticle}, and its gauges.
 *
 * @param states the state broadcast
 * @param warmup the warm-up verticle (deployed)
 */
public record NodeWarmup(StateBroadcast states, WarmupVerticle warmup) {

  /**
   * Starts them for a node configured by {@code config}; completes once a warm-up, if {@code
   * warmup: auto} calls for one, has begun (not when it ends).
   *
   * @param store the node's datastore without the guard in front
   * @param guard the guard in front of the datastore every write goes through
   * @param fence the node's write fence (the coordinator's), which the guard follows for flushes
   */
  public static Future<NodeWarmup> start(Vertx vertx, NodeConfig config, Membership membership, LocalNodeState state,
      Datastore store, WarmupGuard guard, WriteFence fence, PrometheusMetrics metrics) {
    guard.followFlushes(fence::flushStartedAt);
    Partitioner partitioner = new Partitioner(HashAlgorithms.byName(config.hash().configName()),
        config.hashTag().map(HashTag::of).orElse(HashTag.NONE));
    return StateBroadcast.start(vertx, membership, state).compose(states -> {
      WarmupVerticle warmup = new WarmupVerticle(membership, states, state, store, guard, partitioner,
          WarmupSettings.of(config), fence);
      WarmupGauges.bind(metrics, warmup);
      return vertx.deployVerticle(warmup).map(id -> new NodeWarmup(states, warmup));
    });
  }
}
