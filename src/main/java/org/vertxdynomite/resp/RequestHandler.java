package org.vertxdynomite.resp;

/**
 * Receives what the request parser finds in a client's byte stream, in order.
 *
 * <p>After {@link #fail(ProtocolError)} the parser delivers nothing more: the stream is unusable.
 */
public interface RequestHandler {

  /** A complete request was parsed. */
  void handle(RespRequest request);

  /** The stream violates the protocol; reply with the error, then close. */
  void fail(ProtocolError error);
}
