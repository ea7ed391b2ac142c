package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.warmup.HashRange;

/** A peer's replica, asked over the event bus ({@link RepairService}), each request with its own timeout. */
final class RemoteReplica implements Replica {

  private final Vertx vertx;
  private final NodeInfo peer;
  private final long timeoutMillis;

  RemoteReplica(Vertx vertx, NodeInfo peer, long timeoutMillis) {
    this.vertx = vertx;
    this.peer = peer;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public String name() {
    return peer.dc() + "/" + peer.rack() + " " + peer.peerAddress();
  }

  @Override
  public Future<ScanStep> scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets) {
    return request(RepairMessages.scan(cursor, count, ranges, buckets)).map(RepairMessages::step);
  }

  @Override
  public Future<Map<String, KeyVersion>> remembered(List<byte[]> keys) {
    return request(RepairMessages.remembered(keys)).map(RepairMessages::rememberedReply);
  }

  @Override
  public Future<KeyVersions> versions(List<byte[]> keys) {
    return request(RepairMessages.versions(keys)).map(RepairMessages::versionsReply);
  }

  @Override
  public Future<ApplyResult> apply(List<RepairWrite> writes) {
    return request(RepairMessages.apply(writes)).map(RepairMessages::result);
  }

  private Future<JsonObject> request(JsonObject body) {
    return vertx.eventBus().<JsonObject>request(RepairService.address(peer), body,
        new DeliveryOptions().setSendTimeout(timeoutMillis)).map(m -> m.body());
  }
}
