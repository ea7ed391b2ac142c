package org.vertxdynomite.replication;

import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespRequest;

/**
 * The request of a {@link PeerKind#HINT}: the write to keep, preceded by the name of the node it is
 * for ({@code dc/rack/host:port}), so the stand-in knows whom to hand it to.
 */
public final class HintEnvelope {

  private HintEnvelope() {}

  /** {@code write} addressed to {@code target}. */
  public static RespRequest wrap(String target, RespRequest write) {
    byte[][] args = new byte[write.argc() + 1][];
    args[0] = target.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < write.argc(); i++) {
      args[i + 1] = write.arg(i);
    }
    return new RespRequest(args);
  }

  /** The node the write is for. */
  public static String target(RespRequest envelope) {
    return envelope.argString(0);
  }

  /** The write itself. */
  public static RespRequest write(RespRequest envelope) {
    if (envelope.argc() < 2) {
      throw new WireFormatException("a hint needs a target and a command");
    }
    byte[][] args = new byte[envelope.argc() - 1][];
    for (int i = 1; i < envelope.argc(); i++) {
      args[i - 1] = envelope.arg(i);
    }
    return new RespRequest(args);
  }
}
