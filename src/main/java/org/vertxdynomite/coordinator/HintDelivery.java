package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.replication.PeerFlags;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * Hands a kept hint to the node (or datacenter) it is for, as a write flagged {@link
 * PeerFlags#HINTED} with its original timestamp, so the receiver's write fence drops it if newer
 * data or the same write got there first. One order key per target keeps a target's hints in order
 * on its datastore. Fails, for the handoff to retry later, when the target is not live or does
 * not answer; an error reply (WRONGTYPE…) is an answer and counts as delivered.
 */
public final class HintDelivery {

  private final Supplier<Topology> topology;
  private final NodeTransport transport;
  private final CommandTable table = CommandTable.get();

  HintDelivery(Supplier<Topology> topology, NodeTransport transport) {
    this.topology = topology;
    this.transport = transport;
  }

  /** Whether {@code target} (a node name, or a datacenter when {@code datacenter}) can take hints now. */
  public boolean isUp(String target, boolean datacenter) {
    return datacenter ? datacenterNode(target).isPresent() : liveNode(target).isPresent();
  }

  /** Delivers one hint; completes when the target applied (or voided) it. */
  public Future<Void> deliver(String target, boolean datacenter, long timestamp, RespRequest write) {
    CommandInfo info = table.lookup(write);
    if (info == null) {
      return Future.failedFuture(new IllegalArgumentException("a hint holds an unknown command: " + write));
    }
    long orderKey = ("hints:" + target).hashCode();
    if (datacenter) {
      return datacenterNode(target)
          .map(n -> transport.replicate(n, write, orderKey, timestamp, PeerFlags.HINTED).<Void>mapEmpty())
          .orElseGet(() -> Future.failedFuture(CoordinatorErrors.noReplicaIn(target)));
    }
    return liveNode(target)
        .map(n -> transport.forward(n, write, info, orderKey, timestamp, PeerFlags.HINTED).<Void>mapEmpty())
        .orElseGet(() -> Future.failedFuture(new RespError("ERR Peer: node " + target + " is down")));
  }

  private Optional<NodeInfo> liveNode(String name) {
    for (NodeInfo n : topology.get().nodes()) {
      if (n.name().equals(name) && !transport.isDown(n)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** A live node of datacenter {@code dc}, one of this node's rack name first. */
  private Optional<NodeInfo> datacenterNode(String dc) {
    Topology t = topology.get();
    List<NodeInfo> candidates = new ArrayList<>();
    for (NodeInfo n : t.nodes()) {
      if (n.dc().equals(dc) && !transport.isDown(n)) {
        candidates.add(n);
      }
    }
    return candidates.stream().filter(n -> n.rack().equals(t.localRack())).findFirst()
        .or(() -> candidates.stream().findFirst());
  }
}
