package org.vertxdynomite.handoff;

import java.util.Objects;
import org.vertxdynomite.resp.RespRequest;

/**
 * A write owed to a target that could not take it when it was made.
 *
 * @param target whom the write is owed to
 * @param kind how to deliver it: to the owner node, or to a remote datacenter's replicator
 * @param timestamp the coordinator's hybrid logical timestamp of the write ({@code HybridClock.now()});
 *     the receiver's last-write-wins fence compares it, so a late hint cannot overwrite newer data
 * @param expiresAtMillis wall-clock time (ms since the epoch) after which the hint is dropped
 *     instead of delivered: an old hint must not bring back data deleted since
 * @param orderKey the order key the write carried; kept for the lead's use, not interpreted here
 * @param request the write itself, arguments as raw bytes
 */
public record Hint(HintTarget target, HintKind kind, long timestamp, long expiresAtMillis, long orderKey,
    RespRequest request) {

  public Hint {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
  }

  /** Whether the hint is past its expiry at wall-clock time {@code nowMillis}. */
  public boolean expiredAt(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }
}
