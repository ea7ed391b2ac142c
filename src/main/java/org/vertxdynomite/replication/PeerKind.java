package org.vertxdynomite.replication;

/**
 * What the receiving node is asked to do with a {@link PeerRequest}. Each kind has a fixed wire
 * code; codes are never reused, so new kinds (hints, issue 5) can be added without confusing an
 * older peer, which refuses an unknown code as a malformed message.
 */
public enum PeerKind {
  /** Run the command as the key's owner and return its reply (a read, or a write's first copy). */
  FORWARD(1),
  /** Apply a write that the coordinator already decided on; the reply tells whether it applied. */
  REPLICATE(2),
  /**
   * Stop waiting for the blocking command sent earlier as a FORWARD with the id given as this
   * request's argument: its client went away, and what it would pop must stay where it is.
   */
  CANCEL(3),
  /**
   * Keep a write for another node that is down ({@link HintEnvelope} names it): this node stands
   * in for it and hands the write off when it is back (sloppy quorum, hinted handoff).
   */
  HINT(4);

  private static final PeerKind[] BY_CODE = new PeerKind[128];

  static {
    for (PeerKind k : values()) {
      BY_CODE[k.code] = k;
    }
  }

  private final byte code;

  PeerKind(int code) {
    this.code = (byte) code;
  }

  /** This kind's byte on the wire. */
  public byte code() {
    return code;
  }

  /** The kind with wire code {@code code}; an unknown code is a malformed message. */
  public static PeerKind fromCode(byte code) {
    PeerKind k = code >= 0 ? BY_CODE[code] : null;
    if (k == null) {
      throw new WireFormatException("unknown request kind " + code);
    }
    return k;
  }
}
