package org.vertxdynomite.replication;

import java.util.Objects;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/**
 * The outcome of one {@link PeerRequest}: either a reply value, which may itself be an error reply
 * such as {@code WRONGTYPE}, or a failure, meaning no reply could be had (the receiver's datastore
 * timed out, say). This is the {@code Future<Reply>} contract of {@link
 * org.vertxdynomite.datastore.Datastore} carried across nodes.
 *
 * @param id the request's id
 * @param value the reply; null when {@code failure} is set
 * @param failure why there is no reply; null when {@code value} is set
 */
public record PeerReply(long id, Reply value, RespError failure) {

  public PeerReply {
    if ((value == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of value and failure");
    }
  }

  public static PeerReply of(long id, Reply value) {
    return new PeerReply(id, Objects.requireNonNull(value, "value"), null);
  }

  public static PeerReply failed(long id, RespError failure) {
    return new PeerReply(id, null, Objects.requireNonNull(failure, "failure"));
  }

  public boolean isFailure() {
    return failure != null;
  }
}
