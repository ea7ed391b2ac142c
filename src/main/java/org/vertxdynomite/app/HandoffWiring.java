package org.vertxdynomite.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.coordinator.HintDelivery;
import org.vertxdynomite.coordinator.HintSink;
import org.vertxdynomite.handoff.Handoff;
import org.vertxdynomite.handoff.HandoffSettings;
import org.vertxdynomite.handoff.Hint;
import org.vertxdynomite.handoff.HintKind;
import org.vertxdynomite.handoff.HintTarget;

/**
 * Connects the coordinator to hinted handoff: the coordinator keeps missed writes in the {@link
 * Handoff} log through a {@link HintSink}; the log's replayer delivers them through the
 * coordinator's {@link HintDelivery}; and every {@value #CHECK_MS} ms each target with pending
 * hints is looked up (live in the membership and not down by peer health), so its replay starts as
 * soon as it answers again and stops when it goes away.
 */
final class HandoffWiring {

  /** How often targets with pending hints are looked at, ms. */
  static final long CHECK_MS = 500;

  private final Handoff handoff;
  private final AtomicReference<HintDelivery> delivery = new AtomicReference<>();
  private final Map<HintTarget, Boolean> seenUp = new java.util.concurrent.ConcurrentHashMap<>();

  private HandoffWiring(NodeConfig config) {
    this.handoff = new Handoff(HandoffSettings.from(config), this::deliver);
  }

  /** Deploys the hint log of the node configured by {@code config}. */
  static Future<HandoffWiring> start(Vertx vertx, NodeConfig config) {
    HandoffWiring w = new HandoffWiring(config);
    return vertx.deployVerticle(w.handoff).map(id -> w);
  }

  Handoff handoff() {
    return handoff;
  }

  /** Where the coordinator keeps hints. */
  HintSink sink() {
    return (target, datacenter, timestamp, orderKey, write) -> handoff.write(
        datacenter ? new HintTarget.Datacenter(target) : new HintTarget.Node(target),
        datacenter ? HintKind.REPLICATE : HintKind.FORWARD, timestamp, orderKey, write);
  }

  /** Starts replaying through {@code d}, and watching the targets. */
  void connect(Vertx vertx, HintDelivery d) {
    delivery.set(d);
    vertx.setPeriodic(CHECK_MS, id -> checkTargets());
  }

  private void checkTargets() {
    HintDelivery d = delivery.get();
    java.util.Set<HintTarget> pending = handoff.stats().pendingByTarget().keySet();
    seenUp.keySet().retainAll(pending);
    for (HintTarget target : pending) {
      boolean up = d.isUp(nameOf(target), isDatacenter(target));
      Boolean before = seenUp.put(target, up);
      if (before == null || before != up) {
        if (up) {
          handoff.targetUp(target);
        } else {
          handoff.targetDown(target);
        }
      }
    }
  }

  private Future<Void> deliver(Hint hint) {
    HintDelivery d = delivery.get();
    if (d == null) {
      return Future.failedFuture(new IllegalStateException("not connected yet"));
    }
    HintTarget target = hint.target();
    // After a failed delivery the target counts as unseen, so the next check that finds it up
    // restarts its replay at once instead of after the replayer's growing back-off (a target
    // that stays live while its datastore is briefly down, for instance).
    return d.deliver(nameOf(target), isDatacenter(target), hint.timestamp(), hint.request())
        .onFailure(e -> seenUp.remove(target));
  }

  private static boolean isDatacenter(HintTarget target) {
    return target instanceof HintTarget.Datacenter;
  }

  /** The node or datacenter name {@link HintDelivery} knows the target by. */
  private static String nameOf(HintTarget target) {
    return target instanceof HintTarget.Datacenter dc ? dc.name() : ((HintTarget.Node) target).name();
  }
}
