package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vertxdynomite.command.BlockingTimeout;
import org.vertxdynomite.command.CommandErrors;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.replication.HintEnvelope;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.replication.PeerRequest;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * Any node takes any request and the cluster answers as one Redis.
 *
 * <p><b>Reads</b> go to the key's owner in this node's rack (DC_ONE), or in a quorum of the local
 * datacenter's racks and in the others only when needed (DC_QUORUM, DC_SAFE_QUORUM: {@link
 * StagedQuorum}), or in every rack of every datacenter (DC_EACH_SAFE_QUORUM); the replies are
 * combined by {@link Quorum}'s rules.
 *
 * <p><b>Writes</b> go to the key's owner in every rack of the local datacenter, and to one node of
 * each remote datacenter, whose replicator applies them to every rack there — asynchronously,
 * except under DC_EACH_SAFE_QUORUM, where the coordinator reaches every remote rack itself and
 * waits for their safe quorum. How a write is made deterministic first is {@link WriteRules}'
 * business: relative expiries become absolute ones before sending; a write with a random or
 * time-dependent outcome (SPOP, INCRBYFLOAT, a blocking pop) runs on this rack's owner first and
 * only its effect goes to the other replicas.
 *
 * <p>Keyless commands are {@link KeylessCommands}' business; FLUSHALL and FLUSHDB reach every node.
 */
public final class ClusterCoordinator implements Coordinator {

  private final Supplier<Topology> topology;
  private final NodeTransport transport;
  private final RackRouter router;
  private final KeylessCommands keyless;
  private final ConsistencySettings consistency;
  private final NodeMetrics metrics;
  private final HybridClock clock;
  private final SloppyQuorum sloppy;
  private final CommandTable table = CommandTable.get();
  private final StagedQuorum.Timers timers;
  private final SpeculativeDelay speculation = new SpeculativeDelay(System::nanoTime);
  /** Read repair's view of quorum reads ({@link ClusterServices#observeReads}); none until the node sets it. */
  private volatile ReadObserver readRepair = ReadObserver.NONE;

  /**
   * How long a coordinator waits for a blocking command with timeout 0 ("for ever") at another node:
   * a day, after which the client gets {@code ERR Peer: Connection timed out}.
   */
  static final long BLOCK_FOREVER_MILLIS = 24L * 3600 * 1000;

  ClusterCoordinator(Supplier<Topology> topology, NodeTransport transport, RackRouter router,
      ConsistencySettings consistency, NodeMetrics metrics, HybridClock clock, HintSink hints) {
    this.topology = topology;
    this.transport = transport;
    this.router = router;
    this.keyless = new KeylessCommands(transport);
    this.consistency = consistency;
    this.metrics = metrics;
    this.clock = clock;
    this.sloppy = new SloppyQuorum(transport, router, hints);
    this.timers = transport.timers();
  }

  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, Session session) {
    Topology t = topology.get();
    long start = System.nanoTime();
    if (info.isWrite()) {
      return write(t, request, info, session, start);
    }
    if (info.keyPositions(request).length == 0) {
      return keyless.run(t, request, info, session);
    }
    return read(t, request, info, session, start);
  }

  private Future<Reply> read(Topology t, RespRequest request, CommandInfo info, Session session, long start) {
    Consistency level = session.readConsistency() != null ? session.readConsistency() : consistency.read();
    if (level == Consistency.DC_ONE) {
      List<String[]> order = failoverOrder(t);
      List<String> names = order.stream().map(dcRack -> dcRack[0] + "/" + dcRack[1]).toList();
      return recorded(level, names, readWithFailover(t, request, info, session, order, 0), info, start);
    }
    List<String> racks = racksFor(t, level);
    if (level != Consistency.DC_EACH_SAFE_QUORUM) {
      // A quorum first, the others only when needed (StagedQuorum): same outcome, fewer reads.
      StagedQuorum q = StagedQuorum.read(racks.size(),
          i -> readInRack(t, t.localDc(), racks.get(i), request, info, session), askingOrder(racks.size()),
          ReplyComparison.forCommand(info), level == Consistency.DC_SAFE_QUORUM, timers, speculation);
      readRepair.observe(t, request, info, racks, q.replicas());
      return recorded(level, racks, q.result(), info, start);
    }
    List<Future<Reply>> local = new ArrayList<>();
    for (String rack : racks) {
      local.add(readInRack(t, t.localDc(), rack, request, info, session));
    }
    readRepair.observe(t, request, info, racks, local);
    return combine(level, racks, local, remoteRacks(t, level, request, info, session), info, start);
  }

  /**
   * The order a quorum read asks the local replicas in: this rack's first, then the others from one
   * that changes every millisecond or so. The reads of one event-loop turn then mostly ask the same
   * other rack, so they go in one peer message rather than one per rack (a message costs more than
   * the reads it carries), and over time they spread evenly over the other racks.
   */
  private static int[] askingOrder(int n) {
    int[] order = new int[n];
    int shift = n > 2 ? (int) ((System.nanoTime() >>> 20) % (n - 1)) : 0;
    for (int i = 1; i < n; i++) {
      order[i] = 1 + (i - 1 + shift) % (n - 1);
    }
    return order;
  }

  /**
   * DC_ONE read: the key's owner in this node's rack; if it cannot answer (down, unreachable, timed
   * out, its datastore failing), the owner in the next rack of this datacenter, then in the other
   * datacenters. Error replies (WRONGTYPE…) are answers and are not retried.
   */
  private Future<ReplicaReply> readWithFailover(Topology t, RespRequest request, CommandInfo info,
      Session session, List<String[]> order, int i) {
    String[] dcRack = order.get(i);
    Future<ReplicaReply> attempt = readInRack(t, dcRack[0], dcRack[1], request, info, session)
        .map(r -> new ReplicaReply(r, i));
    if (i + 1 == order.size()) {
      return attempt;
    }
    return attempt.recover(e -> readWithFailover(t, request, info, session, order, i + 1));
  }

  /** (dc, rack) pairs in failover order: this rack, the datacenter's other racks, other datacenters. */
  private static List<String[]> failoverOrder(Topology t) {
    List<String[]> order = new ArrayList<>();
    for (String rack : localRacks(t)) {
      order.add(new String[] {t.localDc(), rack});
    }
    for (String dc : t.remoteDcs()) {
      for (String rack : t.racks(dc)) {
        order.add(new String[] {dc, rack});
      }
    }
    return order;
  }

  private Future<Reply> write(Topology t, RespRequest request, CommandInfo info, Session session, long start) {
    // Every replica and every hint of this write carries the same stamp: last-write-wins decides by it.
    long ts = clock.now();
    switch (WriteRules.rule(info)) {
      case REFUSE:
        return Future.succeededFuture(WriteRules.refusal(info));
      case FAN_OUT:
        return everyNode(t, request, info, session, ts);
      case EFFECT_AFTER:
        return effectAfter(t, request, info, session, start, ts);
      case REWRITE_BEFORE: {
        // The rewritten request is another command (EXPIRE → PEXPIREAT): its own facts go with it.
        RespRequest rewritten = WriteRules.rewriteBefore(request, System.currentTimeMillis());
        return replicated(t, rewritten, rewritten == request ? info : table.lookup(rewritten), session, start, ts);
      }
      case PASS:
      default:
        return replicated(t, request, info, session, start, ts);
    }
  }

  /** The same write to every replica; the client's reply per the write consistency. */
  private Future<Reply> replicated(Topology t, RespRequest request, CommandInfo info, Session session, long start,
      long ts) {
    if (info.keyPositions(request).length == 0) {
      return transport.store().execute(request, info, session.id(), ts, 0);
    }
    Consistency level = writeLevel(session);
    List<String> racks = localRacks(t);
    List<Future<Reply>> local = new ArrayList<>();
    for (String rack : racks) {
      local.add(writeInRack(t, t.localDc(), rack, request, info, session, ts));
    }
    List<List<Future<Reply>>> remote = remoteWriteRacks(t, level, request, info, session, ts);
    if (level != Consistency.DC_EACH_SAFE_QUORUM) {
      toRemoteDcs(t, request, session, ts);
    }
    return combine(level, racks, local, remote, info, start);
  }

  /**
   * Runs the write at the key's primary first, then sends the deterministic effect of its reply to
   * the other replicas; the client gets the primary's reply once enough replicas applied the effect.
   *
   * <p>The primary is the same for every coordinator of the datacenter: the key's owner in the
   * datacenter's first rack (by name). So two clients popping the same list, or SPOP-ing the same
   * set, through nodes of different racks contend at one place — in arrival order for blocking
   * pops — and never both get the same element from two replicas.
   */
  private Future<Reply> effectAfter(Topology t, RespRequest request, CommandInfo info, Session session,
      long start, long ts) {
    return atPrimary(t, request, info, session, primaryOrder(t), 0, start, ts);
  }

  /**
   * Tries the racks in primary order until one can run the write (the first rack's owner unless it
   * is down or failing); that rack is the primary, and the effect of its reply goes to the others.
   */
  private Future<Reply> atPrimary(Topology t, RespRequest request, CommandInfo info, Session session,
      List<String> order, int i, long start, long ts) {
    String rack = order.get(i);
    Future<Reply> primary = inRack(t, t.localDc(), rack, request, info, session, ts);
    if (i + 1 == order.size()) {
      return primary.compose(reply -> replicateEffect(t, request, info, session, rack, reply, start, ts));
    }
    // Only a failure to run at all moves on; a reply, even an error reply, is the primary's.
    return primary.transform(ar -> ar.succeeded()
        ? replicateEffect(t, request, info, session, rack, ar.result(), start, ts)
        : atPrimary(t, request, info, session, order, i + 1, start, ts));
  }

  /** Sends the effect of the primary's {@code reply} to every rack but {@code primaryRack}. */
  private Future<Reply> replicateEffect(Topology t, RespRequest request, CommandInfo info, Session session,
      String primaryRack, Reply reply, long start, long ts) {
    List<RespRequest> effects = reply instanceof RespError ? List.of() : WriteRules.effectAfter(request, reply);
    if (effects.isEmpty()) {
      return Future.succeededFuture(reply);
    }
    Consistency level = writeLevel(session);
    List<String> localRacks = new ArrayList<>();
    List<Future<Reply>> local = new ArrayList<>();
    localRacks.add(primaryRack);
    local.add(Future.succeededFuture(reply));
    for (String rack : localRacks(t)) {
      if (!rack.equals(primaryRack)) {
        localRacks.add(rack);
        local.add(applyInRack(t, t.localDc(), rack, effects, session, ts).map(reply));
      }
    }
    List<List<Future<Reply>>> remote = new ArrayList<>();
    for (String dc : t.remoteDcs()) {
      if (level == Consistency.DC_EACH_SAFE_QUORUM) {
        List<Future<Reply>> racks = new ArrayList<>();
        for (String rack : t.racks(dc)) {
          racks.add(applyInRack(t, dc, rack, effects, session, ts).map(reply));
        }
        remote.add(racks);
      } else {
        for (RespRequest e : effects) {
          toRemoteDcs(t, e, session, ts);
        }
      }
    }
    return combine(level, localRacks, local, remote, info, start);
  }

  /** Applies {@code effects} in order to their owner on one rack; completes with the last reply. */
  private Future<Reply> applyInRack(Topology t, String dc, String rack, List<RespRequest> effects, Session session,
      long ts) {
    Future<Reply> last = null;
    for (RespRequest e : effects) {
      CommandInfo ei = table.lookup(e);
      Future<Reply> f = writeInRack(t, dc, rack, e, ei, session, ts);
      last = last == null ? f : last.compose(v -> f);
    }
    return last;
  }

  /** FLUSHALL, FLUSHDB: every node of every rack of every datacenter. */
  private Future<Reply> everyNode(Topology t, RespRequest request, CommandInfo info, Session session, long ts) {
    List<Future<Reply>> all = new ArrayList<>();
    for (NodeInfo n : t.nodes()) {
      all.add(transport.forward(n, request, info, session.id(), ts, 0));
    }
    return Future.all(all).map(cf -> {
      for (Future<Reply> f : all) {
        if (f.result() instanceof RespError) {
          return f.result();
        }
      }
      return Replies.OK;
    });
  }

  /** Runs {@code request} in one rack (split by owner where the command allows). */
  private Future<Reply> inRack(Topology t, String dc, String rack, RespRequest request, CommandInfo info,
      Session session) {
    return inRack(t, dc, rack, request, info, session, 0);
  }

  /** {@link #inRack(Topology, String, String, RespRequest, CommandInfo, Session)} for a write stamped {@code ts}. */
  private Future<Reply> inRack(Topology t, String dc, String rack, RespRequest request, CommandInfo info,
      Session session, long ts) {
    TokenRing<NodeInfo> ring = t.ring(dc, rack);
    if (info.isBlocking()) {
      return router.route(ring, request, info, (node, r) ->
          transport.forwardBlocking(node, r, info, session, blockingDeadline(r, info)));
    }
    return router.route(ring, request, info, (node, r) -> transport.forward(node, r, info, session.id(), ts, 0));
  }

  /**
   * A write in one rack: at each owner of its keys; where an owner cannot take it (down, failing,
   * timed out), a stand-in on the rack's ring keeps it as a hint ({@link SloppyQuorum}).
   */
  private Future<Reply> writeInRack(Topology t, String dc, String rack, RespRequest request, CommandInfo info,
      Session session, long ts) {
    return writeInRack(t, dc, rack, request, info, session, ts, 0);
  }

  /** {@link #writeInRack(Topology, String, String, RespRequest, CommandInfo, Session, long)} with peer flags. */
  private Future<Reply> writeInRack(Topology t, String dc, String rack, RespRequest request, CommandInfo info,
      Session session, long ts, int flags) {
    TokenRing<NodeInfo> ring = t.ring(dc, rack);
    return router.route(ring, request, info, (node, r) -> transport.forward(node, r, info, session.id(), ts, flags)
        .recover(e -> sloppy.standIn(ring, node, r, session.id(), ts, e, r == request)));
  }

  /** A read in one rack, as {@link #inRack}, failing at once at a node that serves no reads ({@link ReadEligibility}). */
  private Future<Reply> readInRack(Topology t, String dc, String rack, RespRequest request, CommandInfo info,
      Session session) {
    return router.route(t.ring(dc, rack), request, info,
        ReadEligibility.guard((node, r) -> transport.forward(node, r, info, session.id())));
  }

  /**
   * Sends the write to one live node of each remote datacenter — the key's owner in the rack named
   * like this node's, else in the first rack with a live owner — whose replicator applies it there.
   */
  private void toRemoteDcs(Topology t, RespRequest request, Session session, long ts) {
    int[] keys = table.lookup(request).keyPositions(request);
    for (String dc : t.remoteDcs()) {
      List<String> racks = new ArrayList<>(t.racks(dc));
      if (racks.remove(t.localRack())) {
        racks.add(0, t.localRack());
      }
      NodeInfo target = null;
      for (String rack : racks) {
        TokenRing<NodeInfo> ring = t.ring(dc, rack);
        NodeInfo owner = keys.length > 0 ? router.owner(ring, request.arg(keys[0])) : ring.nodes().get(0);
        if (!transport.isDown(owner)) {
          target = owner;
          break;
        }
      }
      // Asynchronous by design (Dynomite's cross-DC replication), but never dropped: what the
      // datacenter could not take is hinted for it and handed off when it answers again.
      Future<Reply> sent = target == null ? Future.failedFuture(CoordinatorErrors.noReplicaIn(dc))
          : transport.replicate(target, request, session.id(), ts, 0);
      sent.onFailure(e -> sloppy.keepForDatacenter(dc, request, session.id(), ts));
    }
  }

  private List<List<Future<Reply>>> remoteRacks(Topology t, Consistency level, RespRequest request,
      CommandInfo info, Session session) {
    return remoteRacks(t, level, (dc, rack) -> inRack(t, dc, rack, request, info, session));
  }

  /** The remote racks' copies of a write under DC_EACH_SAFE_QUORUM (none otherwise), hinted where needed. */
  private List<List<Future<Reply>>> remoteWriteRacks(Topology t, Consistency level, RespRequest request,
      CommandInfo info, Session session, long ts) {
    return remoteRacks(t, level, (dc, rack) -> writeInRack(t, dc, rack, request, info, session, ts));
  }

  /** Under DC_EACH_SAFE_QUORUM, {@code inRack} for every rack of every remote datacenter; none otherwise. */
  private static List<List<Future<Reply>>> remoteRacks(Topology t, Consistency level,
      java.util.function.BiFunction<String, String, Future<Reply>> inRack) {
    if (level != Consistency.DC_EACH_SAFE_QUORUM) {
      return List.of();
    }
    List<List<Future<Reply>>> remote = new ArrayList<>();
    for (String dc : t.remoteDcs()) {
      List<Future<Reply>> racks = new ArrayList<>();
      for (String rack : t.racks(dc)) {
        racks.add(inRack.apply(dc, rack));
      }
      remote.add(racks);
    }
    return remote;
  }

  /**
   * The client's reply by {@code level}; {@code racks} names the rack of each local replica, for
   * the metrics (which replica answered), and {@code start} is when the request arrived here. At
   * DC_ONE it is this rack's reply, or — when this rack could not take the write — the next rack's
   * that did (the write went to every rack anyway), so a down replica does not fail DC_ONE writes.
   */
  private Future<Reply> combine(Consistency level, List<String> racks, List<Future<Reply>> local,
      List<List<Future<Reply>>> remote, CommandInfo info, long start) {
    Future<ReplicaReply> decided = level == Consistency.DC_ONE
        ? firstSuccess(local, 0)
        : Quorum.combine(level, local, remote, ReplyComparison.forCommand(info));
    return recorded(level, racks, decided, info, start);
  }

  /** Counts the outcome and the answering replica's rack in the metrics; the client's reply. */
  private Future<Reply> recorded(Consistency level, List<String> racks, Future<ReplicaReply> decided,
      CommandInfo info, long start) {
    if (metrics.enabled()) {
      decided.onComplete(ar -> metrics.coordinated(info.name(), info.isWrite(), level,
          ar.succeeded() ? NodeMetrics.QuorumOutcome.OK
              : ar.cause() == CoordinatorErrors.NO_QUORUM ? NodeMetrics.QuorumOutcome.NO_AGREEMENT
              : NodeMetrics.QuorumOutcome.TOO_FEW,
          ar.succeeded() ? racks.get(ar.result().replica()) : null, System.nanoTime() - start));
    }
    return decided.map(ReplicaReply::reply);
  }

  /** Replica {@code i}'s reply, or the next one's when it failed; the last failure if all did. */
  private static Future<ReplicaReply> firstSuccess(List<Future<Reply>> replicas, int i) {
    Future<ReplicaReply> f = replicas.get(i).compose(r -> r instanceof Hinted
        ? Future.failedFuture(CoordinatorErrors.ONLY_HINTED) : Future.succeededFuture(new ReplicaReply(r, i)));
    return i + 1 == replicas.size() ? f : f.recover(e -> firstSuccess(replicas, i + 1));
  }

  /**
   * The racks whose owner decides writes with a random or time-dependent outcome, in order: the
   * datacenter's racks by name, the same for every coordinator; the next one stands in when one
   * cannot run the write.
   */
  private static List<String> primaryOrder(Topology t) {
    return t.racks(t.localDc());
  }

  private Consistency writeLevel(Session session) {
    return session.writeConsistency() != null ? session.writeConsistency() : consistency.write();
  }

  /** This node's rack first, then the other racks of its datacenter. */
  private static List<String> localRacks(Topology t) {
    List<String> racks = new ArrayList<>(t.racks(t.localDc()));
    racks.remove(t.localRack());
    racks.add(0, t.localRack());
    return racks;
  }

  private static List<String> racksFor(Topology t, Consistency level) {
    return level == Consistency.DC_ONE ? List.of(t.localRack()) : localRacks(t);
  }

  /**
   * How long the coordinator waits for a blocking command: its own timeout (the last argument, or
   * the first for BLMPOP and BZMPOP; 0 waits for ever) plus the request timeout.
   */
  private long blockingDeadline(RespRequest request, CommandInfo info) {
    double seconds = BlockingTimeout.seconds(request, info.name());
    return seconds == 0 ? BLOCK_FOREVER_MILLIS : transport.timeoutMillis() + (long) Math.ceil(seconds * 1000);
  }


  /** Shows every quorum read's local replies to {@code observer} from now on. */
  void observeReads(ReadObserver observer) {
    readRepair = observer;
  }

  /** Whether a forwarded request is a blocking command, which may wait long at this node. */
  boolean isBlocking(PeerRequest request) {
    CommandInfo info = table.lookup(request.request());
    return info != null && info.isBlocking();
  }

  /**
   * The node-side handler of requests forwarded to this node's coordinator; a blocking command
   * stops waiting when {@code cancelled} completes.
   */
  Future<Reply> serveForwarded(PeerRequest request, Future<?> cancelled) {
    clock.observe(request.timestamp());
    CommandInfo info = table.lookup(request.request());
    if (info == null) {
      return Future.succeededFuture(CommandErrors.unknownCommand(request.request()));
    }
    if (info.isBlocking()) {
      return transport.datastore().executeBlocking(request.request(), info, cancelled);
    }
    return transport.store().execute(request.request(), info, request.orderKey(), request.timestamp(),
        request.flags());
  }

  /** The node-side handler of a hint another coordinator asks this node to keep for a down node. */
  Future<Reply> serveHint(PeerRequest request) {
    clock.observe(request.timestamp());
    return sloppy.keep(HintEnvelope.target(request.request()), HintEnvelope.write(request.request()),
        request.orderKey(), request.timestamp());
  }

  /**
   * The node-side handler of a write arriving from another datacenter: applied to every rack of
   * this datacenter; the reply is this rack's.
   */
  Future<Reply> serveReplicated(PeerRequest request) {
    clock.observe(request.timestamp());
    Topology t = topology.get();
    RespRequest r = request.request();
    CommandInfo info = table.lookup(r);
    if (info == null) {
      return Future.succeededFuture(CommandErrors.unknownCommand(r));
    }
    Session s = new Session(request.orderKey());
    long ts = request.timestamp();
    if (info.keyPositions(r).length == 0) {
      return transport.store().execute(r, info, s.id(), ts, request.flags());
    }
    List<Future<Reply>> racks = new ArrayList<>();
    for (String rack : localRacks(t)) {
      racks.add(writeInRack(t, t.localDc(), rack, r, info, s, ts, request.flags()));
    }
    // Taken here unless a rack neither applied nor hinted it; then the sender hints the datacenter.
    return Future.join(racks).transform(ar -> {
      for (Future<Reply> f : racks) {
        if (f.failed() && !(f.cause() instanceof KeptAsHint)) {
          return Future.failedFuture(f.cause());
        }
      }
      Reply first = racks.get(0).succeeded() ? racks.get(0).result() : Replies.OK;
      return Future.succeededFuture(first instanceof Hinted ? Replies.OK : first);
    });
  }
}
