package org.vertxdynomite.handoff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vertxdynomite.resp.RespRequest;

/** Hints and settings for the handoff tests. */
final class Hints {

  static final HintTarget NODE = HintTarget.node("dc1/rack1/127.0.0.1:8101");
  static final HintTarget DC = HintTarget.datacenter("dc2");
  /** Far in the future: a hint that does not expire in a test. */
  static final long NEVER = Long.MAX_VALUE;

  private Hints() {}

  /** {@code SET k<i> <binary value>} for {@code target}, with timestamp and order key derived from i. */
  static Hint hint(HintTarget target, int i, long expiresAt) {
    byte[] value = new byte[] {0, (byte) 0xff, '\r', '\n', (byte) i};
    RespRequest request = new RespRequest(new byte[][] {
        "SET".getBytes(StandardCharsets.US_ASCII), ("k" + i).getBytes(StandardCharsets.US_ASCII), value});
    return new Hint(target, i % 2 == 0 ? HintKind.FORWARD : HintKind.REPLICATE, 1000L + i, expiresAt, 7L * i, request);
  }

  static Hint hint(HintTarget target, int i) {
    return hint(target, i, NEVER);
  }

  /** The bytes one {@link #hint} takes in the log. */
  static int frameSize() {
    return HintCodec.frameSize(hint(NODE, 1));
  }

  static HandoffSettings settings(Path dir, long maxBytes, int segmentBytes) {
    return new HandoffSettings(dir, maxBytes, 60_000, 1000, 10, 5, 1 << 20, segmentBytes, 1000, 1000, 30_000);
  }

  static HandoffSettings settings(Path dir) {
    return settings(dir, 1 << 20, 1 << 16);
  }
}
