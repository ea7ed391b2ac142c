package org.vertxdynomite.warmup;

/**
 * Why a warm-up stopped without finishing: no donor for some of the node's ranges, every donor
 * tried failed, a copy could not be restored, or the node is stopping. No stack trace: the message
 * is the report.
 */
public final class WarmupFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Whether trying another donor cannot help (a copy this node's datastore refuses, say). */
  private final boolean fatal;

  WarmupFailure(String message, boolean fatal) {
    super(message, null, false, false);
    this.fatal = fatal;
  }

  boolean fatal() {
    return fatal;
  }
}
