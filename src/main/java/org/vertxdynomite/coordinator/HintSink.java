package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import org.vertxdynomite.resp.RespRequest;

/**
 * Where this node keeps writes for replicas that could not take them (the hinted-handoff log):
 * the coordinator hands it every write a down or failing replica missed, and the writes a stand-in
 * accepts for another node.
 */
public interface HintSink {

  /**
   * Keeps {@code write}, stamped {@code timestamp}, for {@code target}: a node name ({@code
   * dc/rack/host:port}) or, when {@code datacenter}, a datacenter name (the write goes to its
   * replicator). Completes once the write is kept durably; fails when it cannot be (log full…).
   */
  Future<Void> keep(String target, boolean datacenter, long timestamp, long orderKey, RespRequest write);

  /** No hints kept: every keep fails, so a missed write counts as a failed replica. */
  HintSink NONE = (target, dc, ts, orderKey, write) ->
      Future.failedFuture(new IllegalStateException("hinted handoff is off"));
}
