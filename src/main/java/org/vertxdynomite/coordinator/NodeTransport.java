package org.vertxdynomite.coordinator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.metrics.NodeMetrics.PeerTarget;
import org.vertxdynomite.replication.PeerClient;
import org.vertxdynomite.replication.PeerClientOptions;
import org.vertxdynomite.replication.PeerKind;
import org.vertxdynomite.replication.PeerRequest;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.replication.HintEnvelope;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.PeerHealth;

/**
 * Runs a request on one node: this node's datastore when the node is this one, otherwise the
 * node's coordinator (or replicator) over the clustered event bus.
 *
 * <p>Each Vert.x context gets a {@link PeerClient} of its own (clients are context-bound and batch
 * per event-loop turn). A client's ordering key travels with each request, so the receiving node
 * keeps that client's requests in order on its datastore too.
 *
 * <p>Every request gets the configured timeout times the current timeout factor (the admin port's
 * {@code /set_timeout_factor}), read when the request is sent. Requests to other nodes are timed
 * for {@link NodeMetrics} by where the node sits: this rack, another rack, another datacenter.
 */
final class NodeTransport {

  /** Suffix of a node's address for requests its coordinator serves (reads, writes in its DC). */
  static final String FORWARD_SUFFIX = ".fwd";
  /** Suffix of a node's address for writes arriving from another datacenter. */
  static final String REPLICATE_SUFFIX = ".repl";

  private final Vertx vertx;
  private final ReplicaStore store;
  private final PeerHealth health;
  private final NodeInfo self;
  private final String selfId;
  private final long timeoutMillis;
  private final long readTimeoutMillis;
  private final long writeTimeoutMillis;
  private final IntSupplier timeoutFactor;
  private final PeerClientOptions clientOptions;
  private final NodeMetrics metrics;
  private final Map<Context, PeerClient> clients = new ConcurrentHashMap<>();
  /** Request ids; a random start keeps the ids of different nodes apart (CANCEL names one). */
  private final AtomicLong ids = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  private final Context fallback;

  NodeTransport(Vertx vertx, ReplicaStore store, PeerHealth health, NodeInfo self, PeerTimeouts timeouts,
      IntSupplier timeoutFactor, PeerClientOptions options, NodeMetrics metrics) {
    this.vertx = vertx;
    this.store = store;
    this.health = health;
    this.self = self;
    this.selfId = self.id();
    this.timeoutMillis = timeouts.request();
    this.readTimeoutMillis = Math.min(timeouts.request(), timeouts.peerRead());
    this.writeTimeoutMillis = Math.min(timeouts.request(), timeouts.peerWrite());
    this.timeoutFactor = timeoutFactor;
    this.clientOptions = options;
    this.metrics = metrics;
    this.fallback = vertx.getOrCreateContext();
  }

  static String forwardAddress(NodeInfo node) {
    return node.busAddress() + FORWARD_SUFFIX;
  }

  static String replicateAddress(NodeInfo node) {
    return node.busAddress() + REPLICATE_SUFFIX;
  }

  boolean isSelf(NodeInfo node) {
    return node.id().equals(selfId);
  }

  Datastore datastore() {
    return store.datastore();
  }

  /** This node's datastore behind its write fence. */
  ReplicaStore store() {
    return store;
  }

  /** Whether {@code node} gets no requests now (not live, marked down, or ejected). */
  boolean isDown(NodeInfo node) {
    return !isSelf(node) && health.isDown(node);
  }

  /** Timers on the calling thread's Vert.x context, for speculative reads ({@link StagedQuorum}). */
  StagedQuorum.Timers timers() {
    return new StagedQuorum.Timers() {
      @Override
      public long schedule(long delayMillis, Runnable task) {
        return vertx.setTimer(delayMillis, id -> task.run());
      }

      @Override
      public void cancel(long id) {
        vertx.cancelTimer(id);
      }
    };
  }

  /** The configured timeout scaled by the current timeout factor. */
  long timeoutMillis() {
    return timeoutMillis * timeoutFactor.getAsInt();
  }

  /**
   * How long a request to a peer may take: {@code timeout}, or {@code dyn_read_timeout} /
   * {@code dyn_write_timeout} when shorter, times the timeout factor.
   */
  private long peerTimeoutMillis(boolean write) {
    return (write ? writeTimeoutMillis : readTimeoutMillis) * timeoutFactor.getAsInt();
  }

  /**
   * The request timeouts: {@code timeout} (what a client waits), {@code dyn_read_timeout} and
   * {@code dyn_write_timeout} (what a peer's read or write may take).
   */
  record PeerTimeouts(long request, long peerRead, long peerWrite) {}

  /** Runs {@code request} as {@code node}'s own command (a read: no timestamp). */
  Future<Reply> forward(NodeInfo node, RespRequest request, CommandInfo info, long orderKey) {
    return forward(node, request, info, orderKey, 0, 0);
  }

  /**
   * Runs {@code request} as {@code node}'s own command; a write carries the coordinator's {@code
   * timestamp} and {@link org.vertxdynomite.replication.PeerFlags} for the node's write fence.
   */
  Future<Reply> forward(NodeInfo node, RespRequest request, CommandInfo info, long orderKey, long timestamp,
      int flags) {
    if (isSelf(node)) {
      return store.execute(request, info, orderKey, timestamp, flags);
    }
    if (health.isDown(node)) {
      return Future.failedFuture(down(node));
    }
    return measured(node, send(forwardAddress(node), new PeerRequest(ids.incrementAndGet(), PeerKind.FORWARD, flags,
        timestamp, orderKey, request), peerTimeoutMillis(info.isWrite()), false));
  }

  /**
   * Asks {@code standIn} to keep {@code write} as a hint for the node named {@code target}; the
   * reply is OK once the stand-in has it durably.
   */
  Future<Reply> hint(NodeInfo standIn, String target, RespRequest write, long orderKey, long timestamp) {
    if (health.isDown(standIn)) {
      return Future.failedFuture(down(standIn));
    }
    return measured(standIn, send(forwardAddress(standIn), new PeerRequest(ids.incrementAndGet(), PeerKind.HINT, 0,
        timestamp, orderKey, HintEnvelope.wrap(target, write)), peerTimeoutMillis(true), false));
  }

  /**
   * Runs a blocking command at {@code node}, in a message of its own so it holds up no batch, with
   * a deadline of its own block time plus the request timeout. When the client goes away first,
   * the node is told to stop waiting, so nothing is popped for a client that is gone.
   */
  Future<Reply> forwardBlocking(NodeInfo node, RespRequest request, CommandInfo info, Session session,
      long deadlineMillis) {
    if (isSelf(node)) {
      return store.datastore().executeBlocking(request, info, session.closed());
    }
    if (health.isDown(node)) {
      return Future.failedFuture(down(node));
    }
    long id = ids.incrementAndGet();
    Future<Reply> reply = send(forwardAddress(node), new PeerRequest(id, PeerKind.FORWARD, 0,
        System.currentTimeMillis(), session.id(), request), deadlineMillis, true);
    session.closed().onComplete(v -> {
      if (!reply.isComplete()) {
        send(forwardAddress(node), new PeerRequest(ids.incrementAndGet(), PeerKind.CANCEL, 0,
            System.currentTimeMillis(), session.id(), RespRequest.of("CANCEL", Long.toString(id))), timeoutMillis(), true);
      }
    });
    return reply;
  }

  /**
   * The failure for a request to a node the configuration names but the cluster does not have:
   * immediate, so quorum levels count it at once and DC_ONE fails over without waiting.
   */
  static RespError down(NodeInfo node) {
    return new RespError("ERR Peer: node " + node.dc() + "/" + node.rack() + " " + node.clientAddress() + " is down");
  }

  /** Hands a write stamped {@code timestamp} to {@code node}'s replicator, which applies it to every rack of its datacenter. */
  Future<Reply> replicate(NodeInfo node, RespRequest request, long orderKey, long timestamp, int flags) {
    if (health.isDown(node)) {
      return Future.failedFuture(down(node));
    }
    return measured(node, send(replicateAddress(node), new PeerRequest(ids.incrementAndGet(), PeerKind.REPLICATE, flags,
        timestamp, orderKey, request), peerTimeoutMillis(true), false));
  }

  /**
   * Reports {@code reply}'s outcome to the peer's health (a reply, even an error reply, is an
   * answer; a failure counts against the peer) and its time to the metrics, by where {@code node} sits.
   */
  private Future<Reply> measured(NodeInfo node, Future<Reply> reply) {
    long start = System.nanoTime();
    return reply.andThen(ar -> {
      if (ar.succeeded() || isStorageFailure(ar.cause())) {
        // The peer answered; its datastore failing is a failure of that replica, not of the peer:
        // the write is hinted, and it is taken again as soon as the datastore is back.
        health.succeeded(node);
      } else {
        health.failed(node);
      }
      if (metrics.enabled()) {
        PeerTarget target = !node.dc().equals(self.dc()) ? PeerTarget.CROSS_DC
            : !node.rack().equals(self.rack()) ? PeerTarget.CROSS_RACK : PeerTarget.SAME_RACK;
        metrics.peerRequest(target, ar.succeeded(), System.nanoTime() - start);
      }
    });
  }

  private static boolean isStorageFailure(Throwable t) {
    return t instanceof org.vertxdynomite.replication.RemoteError r
        && r.origin() == org.vertxdynomite.replication.RemoteError.Origin.STORAGE;
  }

  private Future<Reply> send(String address, PeerRequest peer, long timeout, boolean alone) {
    Context ctx = Vertx.currentContext();
    if (ctx == null || ctx.owner() != vertx || !ctx.isEventLoopContext()) {
      Promise<Reply> p = Promise.promise();
      fallback.runOnContext(v -> send(client(fallback), address, peer, timeout, alone).onComplete(p));
      return p.future();
    }
    return send(client(ctx), address, peer, timeout, alone);
  }

  private static Future<Reply> send(PeerClient c, String address, PeerRequest peer, long timeout, boolean alone) {
    return alone ? c.sendAlone(address, peer, timeout) : c.send(address, peer, timeout);
  }

  private PeerClient client(Context ctx) {
    // One client per event-loop context, not per duplicate (Vert.x makes one for every message).
    Context root = ((ContextInternal) ctx).unwrap();
    PeerClient c = clients.get(root);
    if (c == null) {
      c = clients.computeIfAbsent(root, k -> new PeerClient(vertx, clientOptions, metrics));
    }
    return c;
  }

  /** How many peer clients this transport holds: one per event-loop context used. */
  int clientCount() {
    return clients.size();
  }
}
