package org.vertxdynomite.datastore.embedded;

import org.vertxdynomite.resp.Reply;

/**
 * The result of {@link EmbeddedStore#submit}: either the reply at once, or a blocked command
 * whose reply will be delivered to the callback later and which can be cancelled.
 */
public interface Submission {

  /** The reply when it was known at once; null when the command is blocked. */
  Reply immediate();

  /**
   * Stops waiting (e.g. the client disconnected). Returns true if the command was still blocked;
   * the callback is then never called.
   */
  boolean cancel();

  /** A reply known at once. */
  static Submission done(Reply reply) {
    return new Submission() {
      @Override
      public Reply immediate() {
        return reply;
      }

      @Override
      public boolean cancel() {
        return false;
      }
    };
  }
}
