package org.vertxdynomite.datastore.embedded;

import org.vertxdynomite.resp.Reply;

/** What a {@link BlockingHandler} decided. */
sealed interface Outcome {

  /** The reply is known now. */
  record Now(Reply reply) implements Outcome {}

  /**
   * Wait until one of {@code keys} can serve the command, or until {@code deadline} (Unix ms;
   * 0 = forever), then reply {@code onTimeout}. A caller that may not block (like a command inside
   * MULTI on Redis) gets {@code noBlock} at once instead.
   */
  record Wait(byte[][] keys, long deadline, Server server, Reply onTimeout, Reply noBlock) implements Outcome {}

  /** Tries to serve a blocked command from {@code readyKey}; null means "not yet, keep waiting". */
  @FunctionalInterface
  interface Server {
    Reply serve(Call call, byte[] readyKey);
  }
}
