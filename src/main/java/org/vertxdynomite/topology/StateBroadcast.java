package org.vertxdynomite.topology;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Carries node states across the cluster. A member's metadata is written once, when it joins, so a
 * later state change travels here instead: each node publishes its state on the cluster-wide
 * address {@value #ADDRESS} when it changes, when a member joins (so the newcomer learns it), and
 * every {@value #REPEAT_MS} ms (so a message lost while a member was still subscribing is
 * repaired); every node applies what it hears to its {@link Membership}. A node that hears a sender
 * for the first time answers with its own state at once, so a newcomer, whose first report is heard
 * by everyone, learns every state within one round trip ({@link #heardFromEveryMember}).
 *
 * <p>Message: {@code {"id": <cluster id>, "seq": <n>, "state": "WRITES_ONLY"}}. {@code seq}
 * grows with every message of one sender, and a receiver ignores one older than the last it
 * applied from that sender, so a repeated old message cannot undo a newer state. Malformed
 * messages are ignored.
 */
public final class StateBroadcast {

  /** The cluster-wide event-bus address of state reports. */
  public static final String ADDRESS = "dyn.node-states";
  /** How often a node repeats its state, ms. */
  public static final long REPEAT_MS = 2000;

  private static final Logger LOG = Logger.getLogger(StateBroadcast.class.getName());

  private final Vertx vertx;
  private final Membership membership;
  private final LocalNodeState local;
  private final String selfId;
  private final AtomicLong seq = new AtomicLong();
  // Confined to the consumer's context.
  private final Map<String, Long> lastSeq = new HashMap<>();
  /** Senders heard from since this node started, with the state they reported last. */
  private final Map<String, NodeState> heard = new ConcurrentHashMap<>();
  private final List<Promise<Void>> waiting = new CopyOnWriteArrayList<>();
  private MessageConsumer<JsonObject> consumer;
  private long timer = -1;
  private int lastSize;

  private StateBroadcast(Vertx vertx, Membership membership, LocalNodeState local) {
    this.vertx = vertx;
    this.membership = membership;
    this.local = local;
    this.selfId = membership.self().id();
  }

  /**
   * Starts listening and publishing; completes once subscribed. This node's current state is
   * applied to its own topology at once.
   */
  public static Future<StateBroadcast> start(Vertx vertx, Membership membership, LocalNodeState local) {
    StateBroadcast b = new StateBroadcast(vertx, membership, local);
    b.consumer = vertx.eventBus().consumer(ADDRESS, msg -> b.received(msg.body()));
    local.onChange(s -> {
      membership.applyState(b.selfId, s);
      b.publish();
    });
    membership.applyState(b.selfId, local.get());
    membership.onChange(t -> {
      // A newcomer has not heard the states published before it subscribed.
      if (t.size() > b.lastSize) {
        b.publish();
      }
      b.lastSize = t.size();
      b.checkWaiting();
    });
    b.timer = vertx.setPeriodic(REPEAT_MS, id -> b.publish());
    return b.consumer.completion().map(v -> {
      b.publish();
      return b;
    });
  }

  /** Publishes this node's current state now. */
  public void publish() {
    vertx.eventBus().publish(ADDRESS, message(selfId, seq.incrementAndGet(), local.get()));
  }

  /** The message reporting that node {@code id} is in {@code state}, its sender's {@code seq}-th. */
  static JsonObject message(String id, long seq, NodeState state) {
    return new JsonObject().put("id", id).put("seq", seq).put("state", state.name());
  }

  private void received(JsonObject body) {
    String id;
    long n;
    NodeState state;
    try {
      id = body.getString("id");
      n = body.getLong("seq");
      state = NodeState.valueOf(body.getString("state"));
    } catch (RuntimeException e) {
      LOG.warning("ignoring a malformed node state report: " + body);
      return;
    }
    if (id == null || id.equals(selfId)) {
      return;
    }
    Long last = lastSeq.get(id);
    if (last != null && n <= last) {
      return;
    }
    if (heard.put(id, state) == null) {
      // A sender heard for the first time may be a newcomer that missed the earlier reports.
      publish();
    }
    lastSeq.put(id, n);
    // Senders that left are forgotten with the membership; keep this map as small.
    lastSeq.keySet().retainAll(membership.current().members().keySet());
    lastSeq.put(id, n);
    membership.applyState(id, state);
    checkWaiting();
  }

  /**
   * Completes once this node has heard a state report from every other live member of its current
   * topology and that state shows in the topology, or after {@code timeoutMs} in any case (a member that never reports cannot hold a
   * node's start-up forever). A joining node waits for this before it reads its peers' states.
   */
  public Future<Void> heardFromEveryMember(long timeoutMs) {
    Promise<Void> p = Promise.promise();
    waiting.add(p);
    long t = vertx.setTimer(timeoutMs, id -> p.tryComplete());
    checkWaiting();
    return p.future().andThen(ar -> {
      vertx.cancelTimer(t);
      waiting.remove(p);
    });
  }

  private void checkWaiting() {
    if (waiting.isEmpty()) {
      return;
    }
    for (NodeInfo member : membership.current().members().values()) {
      if (!member.id().equals(selfId) && heard.get(member.id()) != member.state()) {
        return;
      }
    }
    waiting.forEach(Promise::tryComplete);
  }

  /** Stops publishing and listening. */
  public Future<Void> close() {
    vertx.cancelTimer(timer);
    waiting.forEach(Promise::tryComplete);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
