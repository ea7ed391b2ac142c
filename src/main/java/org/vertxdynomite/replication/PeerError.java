package org.vertxdynomite.replication;

import org.vertxdynomite.resp.RespError;

/**
 * A peer could not be asked or did not answer: no reply could be had from it at all.
 *
 * <p>Written to clients in Dynomite's style, {@code -ERR Peer: <reason>}, so a client can tell it
 * from an error reply of the command and from {@code ERR Storage: …}. The errors without detail
 * are shared constants, as they are returned on hot paths.
 */
public final class PeerError extends RespError {

  private static final long serialVersionUID = 1L;

  /** Why the peer did not answer; code switches on this, never on the text. */
  public enum Reason {
    /** No reply within the request's timeout. */
    TIMEOUT("Connection timed out"),
    /** Nobody listens on the destination's address: the node is gone or not started. */
    NO_ROUTE("no route to "),
    /** The receiver refused the message, or failed without a RESP error; the detail says what. */
    FAILED(""),
    /** Too many requests to that destination await replies; refused at once, not queued. */
    OVERLOADED("Too many requests in flight"),
    /** The reply could not be understood: a codec or version mismatch between nodes. */
    PROTOCOL("bad reply: ");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  /** {@code ERR Peer: Connection timed out}. */
  public static final PeerError TIMEOUT = new PeerError(Reason.TIMEOUT, "");
  /** {@code ERR Peer: Too many requests in flight}. */
  public static final PeerError OVERLOADED = new PeerError(Reason.OVERLOADED, "");

  private final Reason reason;

  private PeerError(Reason reason, String detail) {
    super("ERR Peer: " + reason.text + detail);
    this.reason = reason;
  }

  /** {@code ERR Peer: no route to <destination>}. */
  public static PeerError noRoute(String destination) {
    return new PeerError(Reason.NO_ROUTE, destination);
  }

  /** {@code ERR Peer: <failure>}. */
  public static PeerError failed(String failure) {
    return new PeerError(Reason.FAILED, failure);
  }

  /** {@code ERR Peer: bad reply: <problem>}. */
  public static PeerError protocol(String problem) {
    return new PeerError(Reason.PROTOCOL, problem);
  }

  public Reason reason() {
    return reason;
  }
}
