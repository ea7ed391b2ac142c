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
 * @param request the command and its arguments
 */
public record PeerRequest(long id, PeerKind kind, int flags, long timestamp, RespRequest request) {

  public PeerRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    if (flags < 0) {
      throw new IllegalArgumentException("flags must be non-negative: " + flags);
    }
  }

  /** A {@link PeerKind#FORWARD} request without flags. */
  public static PeerRequest forward(long id, long timestamp, RespRequest request) {
    return new PeerRequest(id, PeerKind.FORWARD, 0, timestamp, request);
  }

  /** A {@link PeerKind#REPLICATE} request without flags. */
  public static PeerRequest replicate(long id, long timestamp, RespRequest request) {
    return new PeerRequest(id, PeerKind.REPLICATE, 0, timestamp, request);
  }

  /** An upper bound of this request's encoded size, for the client's batch byte limit. */
  int encodedSizeBound() {
    int n = 10 + 1 + 5 + 8 + 5;
    for (int i = 0; i < request.argc(); i++) {
      n += 5 + request.arg(i).length;
    }
    return n;
  }
}
