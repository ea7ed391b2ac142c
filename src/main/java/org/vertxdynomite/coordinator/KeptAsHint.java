package org.vertxdynomite.coordinator;

import org.vertxdynomite.replication.PeerError;
import org.vertxdynomite.resp.RespError;

/**
 * A replica's failure after which its write was kept as a hint on this node: the client sees the
 * original failure's text, while a replicator knows the write is not lost.
 */
final class KeptAsHint extends RespError {

  KeptAsHint(Throwable cause) {
    super(cause instanceof RespError e ? e.getMessage() : PeerError.failed(String.valueOf(cause)).getMessage());
  }
}
