package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;

/**
 * Sloppy quorum and the hints behind it, as in Dynamo: when a key's owner on a rack cannot take a
 * write (down, ejected, failing, timed out), the next healthy node on that rack's ring — preferring
 * one on another host — keeps the write as a hint naming the owner, and that counts as the rack's
 * acceptance ({@link Hinted}). The stand-in hands the write off when the owner answers again.
 *
 * <p>When the rack has no other healthy node (a one-node rack), or the stand-in cannot be reached,
 * this node keeps the hint itself; then the write still reaches the owner later, but the rack does
 * not count towards the quorum (the copies would not be independent) and the owner's failure is
 * the rack's answer. Only whole requests count: a part of a split multi-key write (MSET, DEL over
 * several owners) is hinted, but the rack's stitched reply cannot include it, so it fails.
 */
final class SloppyQuorum {

  private static final Logger LOG = Logger.getLogger(SloppyQuorum.class.getName());

  private final NodeTransport transport;
  private final RackRouter router;
  private final HintSink hints;

  SloppyQuorum(NodeTransport transport, RackRouter router, HintSink hints) {
    this.transport = transport;
    this.router = router;
    this.hints = hints;
  }

  /**
   * The rack's answer for a write {@code owner} failed with {@code cause}: {@link Hinted} when a
   * stand-in on the rack kept it (and {@code countable}), else {@code cause}, after keeping the
   * hint here.
   */
  Future<Reply> standIn(TokenRing<NodeInfo> ring, NodeInfo owner, RespRequest write, long orderKey, long ts,
      Throwable cause, boolean countable) {
    if (hints == HintSink.NONE || ts == 0) {
      return Future.failedFuture(cause);
    }
    NodeInfo standIn = pick(ring, owner, write);
    if (standIn == null) {
      return keepHere(owner, write, orderKey, ts, cause);
    }
    Future<Reply> kept = transport.isSelf(standIn)
        ? keep(owner.name(), write, orderKey, ts)
        : transport.hint(standIn, owner.name(), write, orderKey, ts);
    return kept.transform(ar -> {
      if (ar.succeeded() && !(ar.result() instanceof RespError)) {
        return countable ? Future.succeededFuture(Hinted.INSTANCE) : Future.failedFuture(cause);
      }
      return keepHere(owner, write, orderKey, ts, cause);
    });
  }

  /** Keeps a write that datacenter {@code dc} could not take, for its replicator. */
  void keepForDatacenter(String dc, RespRequest write, long orderKey, long ts) {
    if (hints != HintSink.NONE && ts != 0) {
      hints.keep(dc, true, ts, orderKey, write).onFailure(e ->
          LOG.warning("a write for datacenter " + dc + " is lost: it could not be kept as a hint: " + e.getMessage()));
    }
  }

  /** Stand-in side: keeps {@code write} for {@code target}; OK once kept. */
  Future<Reply> keep(String target, RespRequest write, long orderKey, long ts) {
    return hints.keep(target, false, ts, orderKey, write).map(v -> Replies.OK);
  }

  private Future<Reply> keepHere(NodeInfo owner, RespRequest write, long orderKey, long ts, Throwable cause) {
    return hints.keep(owner.name(), false, ts, orderKey, write).transform(ar -> {
      if (ar.failed()) {
        LOG.warning("a write for " + owner.name() + " could not be kept as a hint: " + ar.cause().getMessage());
        return Future.failedFuture(cause);
      }
      return Future.failedFuture(new KeptAsHint(cause));
    });
  }

  /**
   * The stand-in for {@code owner}: the first healthy node after it on the rack's ring, one on
   * another host if there is any (on one host, as in tests, any will do); null when none.
   */
  private NodeInfo pick(TokenRing<NodeInfo> ring, NodeInfo owner, RespRequest write) {
    List<NodeInfo> healthy = new ArrayList<>();
    for (NodeInfo n : router.successors(ring, write)) {
      if (!n.equals(owner) && !transport.isDown(n)) {
        healthy.add(n);
      }
    }
    for (NodeInfo n : healthy) {
      if (!n.peerAddress().host().equals(owner.peerAddress().host())) {
        return n;
      }
    }
    return healthy.isEmpty() ? null : healthy.get(0);
  }
}
