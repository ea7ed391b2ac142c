package org.vertxdynomite.handoff;

/**
 * How a hinted write is to be delivered, as the write would have been: to its owner node, or to a
 * remote datacenter's replicator. Each kind has a fixed code in the log; codes are never reused.
 */
public enum HintKind {
  /** To the owner node, as the coordinator forwards a write's copy. */
  FORWARD(1),
  /** To a remote datacenter's replicator, as a cross-datacenter write. */
  REPLICATE(2);

  private final byte code;

  HintKind(int code) {
    this.code = (byte) code;
  }

  byte code() {
    return code;
  }

  /** The kind with log code {@code code}, or {@code null} for none (a damaged record). */
  static HintKind fromCode(byte code) {
    for (HintKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    return null;
  }
}
