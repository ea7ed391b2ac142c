package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;

/**
 * Which replicas may answer a read: only a node in {@link NodeState#NORMAL}. A node warming up
 * (STANDBY, WRITES_ONLY, RESUMING) may still lack keys, so a read sent to it would see a nil that
 * is not the truth.
 *
 * <p>Writes are not filtered: every replica gets them whatever its state, so a warming node ends up
 * with every write made while it warmed, and a node an operator put in STANDBY stays complete and
 * can go back to NORMAL without a warm-up.
 *
 * <p>The coordinator wraps the sender of its reads in {@link #guard}: a read aimed at a replica that
 * does not serve reads fails at once with {@link #notServing}. DC_ONE then fails over to the next
 * rack (this datacenter's first, then the others), and quorum levels count it as a failed replica:
 * a quorum stays {@code n/2+1} of all the datacenter's racks, so with two racks a DC_QUORUM read
 * fails while one of them warms up, and with three it is served by the other two.
 */
public final class ReadEligibility {

  private ReadEligibility() {}

  /** Whether {@code node} may answer reads. */
  public static boolean servesReads(NodeInfo node) {
    return node.state() == NodeState.NORMAL;
  }

  /** The failure of a read aimed at {@code node}, which does not serve reads in its state. */
  public static RespError notServing(NodeInfo node) {
    return new RespError("ERR Peer: node " + node.dc() + "/" + node.rack() + " " + node.clientAddress()
        + " serves no reads in state " + node.state());
  }

  /** {@code send}, refusing at once the nodes that do not serve reads. */
  static RackRouter.NodeSend guard(RackRouter.NodeSend send) {
    return (node, request) -> servesReads(node) ? send.apply(node, request) : Future.failedFuture(notServing(node));
  }
}
