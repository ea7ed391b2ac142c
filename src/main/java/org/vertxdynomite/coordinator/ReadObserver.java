package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.List;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.Topology;

/**
 * Sees the local replicas' replies of each quorum read (DC_QUORUM, DC_SAFE_QUORUM,
 * DC_EACH_SAFE_QUORUM) once the coordinator has sent it: read repair's hook
 * ({@code org.vertxdynomite.repair.ReadRepair}), set on a running node with {@link
 * ClusterServices#observeReads}. Called on the client's event loop, before any reply is in: it
 * must return at once and never change what the client gets.
 */
@FunctionalInterface
public interface ReadObserver {

  /** Sees nothing. */
  ReadObserver NONE = (t, request, info, racks, replies) -> { };

  /**
   * @param t the topology the read was routed by
   * @param racks the local rack of each of {@code replies}, in order
   * @param replies the local replicas' replies as they will complete: failed for a replica that
   *     could not answer, or that a staged read did not ask ({@code StagedQuorum#NOT_ASKED})
   */
  void observe(Topology t, RespRequest request, CommandInfo info, List<String> racks, List<Future<Reply>> replies);
}
