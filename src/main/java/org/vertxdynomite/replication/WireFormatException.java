package org.vertxdynomite.replication;

/**
 * A peer message that cannot be decoded: truncated, an unknown tag or kind, a length beyond the
 * message. Thrown by the codecs; the transport turns it into a {@link PeerError}.
 */
public final class WireFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message, null, false, false);
  }
}
