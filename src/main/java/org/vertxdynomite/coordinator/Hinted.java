package org.vertxdynomite.coordinator;

import io.vertx.core.buffer.Buffer;
import org.vertxdynomite.resp.Reply;

/**
 * A replica's answer when its write was not applied but kept as a hint by a stand-in on its rack
 * (sloppy quorum): it counts towards a write quorum and agrees with any reply, but is never the
 * reply a client gets — a quorum needs at least one replica that really applied the write.
 */
final class Hinted implements Reply {

  static final Hinted INSTANCE = new Hinted();

  private Hinted() {}

  @Override
  public void writeTo(Buffer out) {
    throw new IllegalStateException("a hinted acceptance is not a reply for a client");
  }

  @Override
  public String toString() {
    return "hinted";
  }
}
