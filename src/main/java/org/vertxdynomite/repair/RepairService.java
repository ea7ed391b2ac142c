package org.vertxdynomite.repair;

import org.vertxdynomite.replication.BusOps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.vertxdynomite.topology.NodeInfo;

/**
 * The peer side of repair, on every clustered node: answers scan, look-up and apply requests ({@link
 * RepairMessages}) on {@link #address(NodeInfo)} from this node's {@link LocalReplica}. A failure
 * is answered with a failed reply (code 1, the reason).
 */
final class RepairService {

  /** Suffix of a node's repair address. */
  static final String SUFFIX = ".repair";

  private final LocalReplica replica;
  private MessageConsumer<JsonObject> consumer;

  private RepairService(LocalReplica replica) {
    this.replica = replica;
  }

  /** Where {@code node}'s repair service listens. */
  static String address(NodeInfo node) {
    return node.busAddress() + SUFFIX;
  }

  /** Serves {@code replica} as {@code self}; completes once registered. */
  static Future<RepairService> start(Vertx vertx, NodeInfo self, LocalReplica replica) {
    RepairService s = new RepairService(replica);
    s.consumer = vertx.eventBus().consumer(address(self), s::serve);
    return s.consumer.completion().map(s);
  }

  private void serve(Message<JsonObject> msg) {
    BusOps.answer(msg, body -> switch (String.valueOf(body.getString("op"))) {
      case "scan" -> replica.scan(body.getString("cursor"), body.getInteger("count"),
          RepairMessages.ranges(body), RepairMessages.buckets(body)).map(RepairMessages::toJson);
      case "remembered" -> replica.remembered(RepairMessages.keys(body)).map(RepairMessages::rememberedToJson);
      case "versions" -> replica.versions(RepairMessages.keys(body)).map(RepairMessages::versionsToJson);
      case "apply" -> replica.apply(RepairMessages.writes(body)).map(RepairMessages::toJson);
      default -> Future.failedFuture("unknown repair operation: " + body.getString("op"));
    });
  }

  /** Stops serving. */
  Future<Void> close() {
    return consumer.unregister();
  }
}
