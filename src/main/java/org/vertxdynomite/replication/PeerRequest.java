package org.vertxdynomite.replication;

import java.util.Objects;
import org.vertxdynomite.resp.RespRequest;

/**
 * One request from a coordinator to another node.
 *
 * @param id chosen by the sender; echoed in the {@link PeerReply} and useful in logs. The
 *     transport matches replies by position, so ids need not be unique, but the coordinator should
 *     make them so (a per-node counter) for hints and tracing.
 * @param kind what the receiver should do
 * @param flags bits for the coordinator's own use (a non-negative int), carried unchanged
 * @param timestamp the coordinator's hybrid logical clock when it accepted the command; carried for
 *     last-write-wins (issue 5), not interpreted here
 * @param orderKey requests with the same key must run in the order they arrive at the receiver,
 *     which passes it on as the datastore's {@code orderKey}: the sending client connection's
 *     identity, made unique across nodes by the coordinator, keeps one client's pipeline in order
 *     without serialising all the traffic between two nodes
 * @param request the command and its arguments
 */
public record PeerRequest(long id, PeerKind kind, int flags, long timestamp, long orderKey, RespRequest request) {

  public PeerRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    if (flags < 0) {
      throw new IllegalArgumentException("flags must be non-negative: " + flags);
    }
  }

  /** A {@link PeerKind#FORWARD} request without flags. */
  public static PeerRequest forward(long id, long timestamp, long orderKey, RespRequest request) {
    return new PeerRequest(id, PeerKind.FORWARD, 0, timestamp, orderKey, request);
  }

  /** A {@link PeerKind#REPLICATE} request without flags. */
  public static PeerRequest replicate(long id, long timestamp, long orderKey, RespRequest request) {
    return new PeerRequest(id, PeerKind.REPLICATE, 0, timestamp, orderKey, request);
  }

  /** An upper bound of this request's encoded size, for the client's batch byte limit. */
  int encodedSizeBound() {
    int n = 10 + 1 + 5 + 8 + 10 + 5;
    for (int i = 0; i < request.argc(); i++) {
      n += 5 + request.arg(i).length;
    }
    return n;
  }
}
