package org.vertxdynomite.coordinator;

import org.vertxdynomite.resp.RespError;

/**
 * The errors the coordinator itself answers with, in Dynomite's style: {@code ERR Dynomite: …}
 * for what the cluster decided, as Dynomite's {@code dyn_error_source} labels its own errors.
 */
public final class CoordinatorErrors {

  /**
   * Not enough replicas agreed: Dynomite's exact text ({@code DYNOMITE_NO_QUORUM_ACHIEVED},
   * written by {@code msg_get_error} as {@code -ERR Dynomite: Failed to achieve Quorum}).
   */
  public static final RespError NO_QUORUM = RespError.err("Dynomite: Failed to achieve Quorum");

  /**
   * Every replica that could take a write only kept it as a hint (their owners are down): the
   * write will reach them, but no replica applied it, so there is no reply to give.
   */
  public static final RespError ONLY_HINTED = RespError.err(
      "Dynomite: no replica could apply the write now; it is kept as a hint for the replicas that are down");

  private CoordinatorErrors() {}

  /** No node of datacenter {@code dc} can take a write now (it is hinted for the datacenter). */
  public static RespError noReplicaIn(String dc) {
    return RespError.err("Peer: no node of datacenter " + dc + " is up");
  }

  /**
   * A multi-key command whose keys live on different nodes. {@code hashTag} is the configured
   * {@code hash_tag} (two characters such as {@code {}}), or null/empty when none is set.
   */
  public static RespError keysOnDifferentNodes(String command, String hashTag) {
    String advice = hashTag == null || hashTag.length() != 2
        ? "set hash_tag (e.g. \"{}\") and use it to keep them together"
        : "use a hash tag " + hashTag.charAt(0) + "…" + hashTag.charAt(1) + " to keep them together";
    return RespError.err("Dynomite: keys of '" + command + "' are on different nodes; " + advice);
  }

  /** A write whose outcome cannot be reproduced on every replica, refused rather than allowed to diverge. */
  public static RespError notReplicable(String command, String why) {
    return RespError.err("Dynomite: '" + command + "' cannot be replicated deterministically: " + why);
  }
}
