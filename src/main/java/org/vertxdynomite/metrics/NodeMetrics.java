package org.vertxdynomite.metrics;

import org.vertxdynomite.config.Consistency;

/**
 * Where the node's parts report what they did, so that it can be counted and timed. Every method
 * is a no-op by default and {@link #NONE} records nothing: servers, coordinators and datastores
 * built without metrics (unit tests) pay nothing. Methods are called from event loops and must
 * not block; they may be called from several threads at once.
 */
public interface NodeMetrics {

  /** Records nothing. */
  NodeMetrics NONE = new NodeMetrics() {};

  /** How a client request ended. */
  enum Outcome {
    /** A reply that is not an error. */
    OK,
    /** An error reply of the command itself (WRONGTYPE, syntax, unknown command…). */
    ERROR,
    /** No reply could be had: storage, peer or quorum failure ({@code ERR Storage: …} and the like). */
    FAILED
  }

  /** How the coordinator's consistency level decided a request. */
  enum QuorumOutcome {
    /** Enough replicas answered (and agreed, where the level asks for it). */
    OK,
    /** Enough replicas answered but too few agreed ({@code ERR Dynomite: Failed to achieve Quorum}). */
    NO_AGREEMENT,
    /** Too few replicas answered at all. */
    TOO_FEW
  }

  /** Where a request to another node went, seen from this node. */
  enum PeerTarget {
    /** Another node of this node's rack. */
    SAME_RACK,
    /** A node of another rack of this datacenter: Dynomite's "cross zone". */
    CROSS_RACK,
    /** A node of another datacenter: Dynomite's "cross region". */
    CROSS_DC
  }

  /** Whether anything is recorded; callers may skip taking timestamps when not. */
  default boolean enabled() {
    return false;
  }

  /**
   * A client request answered, timed from the moment it was parsed until its reply was ready.
   *
   * @param command the command's name in the command table ({@code get}, {@code client|list}), or
   *     {@code unknown}
   * @param write whether the command writes
   * @param requestBytes the request's size: the sum of its arguments' lengths
   */
  default void clientRequest(String command, boolean write, Outcome outcome, long nanos, long requestBytes) {}

  /**
   * The cluster coordinator combined the replies of a keyed request by consistency level.
   *
   * @param replicaRack the rack of the replica whose reply the client got, or null when none did
   * @param nanos from the first replica request to the decision
   */
  default void coordinated(String command, boolean write, Consistency level, QuorumOutcome outcome,
      String replicaRack, long nanos) {}

  /** One request sent to another node answered or failed ({@code ok} false: failed or timed out). */
  default void peerRequest(PeerTarget target, boolean ok, long nanos) {}

  /** One event-bus message left for another node carrying {@code requests} requests. */
  default void peerBatchSent(int requests) {}

  /**
   * One request to this node's datastore answered or failed.
   *
   * @param failure why it failed (a {@code StorageError} reason such as {@code TIMEOUT}), or null
   *     when the datastore answered (error replies included)
   */
  default void datastoreRequest(boolean write, String failure, long nanos) {}

  /** A datastore connection was opened again after it had been lost or closed. */
  default void datastoreReconnect() {}
}
