package org.vertxdynomite.replication;

import java.util.List;

/**
 * The body of one event-bus message from a {@link PeerClient}: requests for one destination, in
 * the order they were issued. Encoded by {@link RequestBatchCodec}.
 */
public record RequestBatch(List<PeerRequest> requests) {

  public RequestBatch {
    requests = List.copyOf(requests);
  }
}
