package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.topology.NodeInfo;

/**
 * Runs a keyed request in one rack: at the owner of its keys on that rack's ring, or — for MGET,
 * MSET, DEL, UNLINK, EXISTS and TOUCH — split by owner, sent in parallel and stitched back in the
 * client's key order. Other multi-key commands need all their keys on one owner (a hash tag keeps
 * them together), else the client gets an error saying so. Racks may be laid out differently, so
 * each rack is split by its own ring.
 */
final class RackRouter {

  private final Partitioner partitioner;
  private final String hashTag;

  RackRouter(Partitioner partitioner, String hashTag) {
    this.partitioner = partitioner;
    this.hashTag = hashTag;
  }

  /** The owner of {@code key} on {@code ring}. */
  NodeInfo owner(TokenRing<NodeInfo> ring, byte[] key) {
    return ring.owner(partitioner.token(key));
  }

  /**
   * The nodes after the owner of {@code request}'s first key on {@code ring}, going round it: where
   * to look for a stand-in when the owner cannot take a write.
   */
  List<NodeInfo> successors(TokenRing<NodeInfo> ring, RespRequest request) {
    int[] keys = org.vertxdynomite.command.CommandTable.get().lookup(request).keyPositions(request);
    return ring.successors(partitioner.token(request.arg(keys[0])), ring.nodes().size());
  }

  /**
   * The node that owns every key of {@code request} on {@code ring}; empty for a request without
   * keys; a failed future when the keys have several owners.
   */
  Optional<NodeInfo> singleOwner(TokenRing<NodeInfo> ring, RespRequest request, CommandInfo info) {
    return KeyOwners.common(request, info, key -> owner(ring, key), hashTag);
  }

  /**
   * Runs {@code request} on {@code ring} through {@code send} (which runs one request at one node),
   * splitting it by owner when its command allows.
   */
  Future<Reply> route(TokenRing<NodeInfo> ring, RespRequest request, CommandInfo info,
      NodeSend send) {
    try {
      if (MultiKeySplit.isSplittable(info.name()) && info.keyPositions(request).length > 1) {
        MultiKeySplit<NodeInfo> split = MultiKeySplit.split(request, key -> owner(ring, key));
        if (split.parts().size() == 1) {
          return send.apply(split.parts().get(0).owner(), request);
        }
        List<Future<Reply>> parts = new ArrayList<>(split.parts().size());
        for (MultiKeySplit.Part<NodeInfo> p : split.parts()) {
          parts.add(send.apply(p.owner(), p.request()));
        }
        return split.join(parts);
      }
      Optional<NodeInfo> owner = singleOwner(ring, request, info);
      if (owner.isEmpty()) {
        throw new IllegalArgumentException("a keyless request has no owner: " + info.name());
      }
      return send.apply(owner.get(), request);
    } catch (RespError e) {
      return Future.succeededFuture(e);
    }
  }

  /** Runs one request at one node. */
  @FunctionalInterface
  interface NodeSend extends java.util.function.BiFunction<NodeInfo, RespRequest, Future<Reply>> {}
}
