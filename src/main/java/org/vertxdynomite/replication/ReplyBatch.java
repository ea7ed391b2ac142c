package org.vertxdynomite.replication;

import java.util.List;

/**
 * The body of the reply to a {@link RequestBatch}: one {@link PeerReply} per request, in the
 * requests' order. Encoded by {@link ReplyBatchCodec}.
 */
public record ReplyBatch(List<PeerReply> replies) {

  public ReplyBatch {
    replies = List.copyOf(replies);
  }
}
