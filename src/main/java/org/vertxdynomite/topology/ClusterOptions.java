package org.vertxdynomite.topology;

import java.util.Objects;

/**
 * How a node joins its cluster, beyond what {@code dynomite.yml} says. Immutable; start from
 * {@link #DEFAULTS} and change a part with the {@code with*} methods.
 *
 * @param clusterName the Hazelcast cluster name: nodes join only a cluster of the same name, so two
 *     clusters on one network (or two test suites on one machine) stay apart
 * @param eventBusPort the port of the clustered event bus, on the {@code dyn_listen} host; 0 picks a
 *     free one (the port travels in the cluster's node info, so peers find it either way)
 * @param waitSecondsBeforeJoin Hazelcast's {@code hazelcast.wait.seconds.before.join}: how long the
 *     master gathers join requests before admitting them, so that nodes starting together join in
 *     one step with fewer partition migrations. Hazelcast's own default is 5 s; 0 suits tests
 * @param joinTimeoutSeconds how long TCP-IP join waits for a seed to answer before this node starts
 *     a cluster of its own (Hazelcast's {@code connection-timeout-seconds}, default 5)
 */
public record ClusterOptions(String clusterName, int eventBusPort, int waitSecondsBeforeJoin, int joinTimeoutSeconds) {

  /** {@link #clusterName()} unless told otherwise. */
  public static final String DEFAULT_CLUSTER_NAME = "dynomite";
  /** {@link #eventBusPort()} unless told otherwise: any free port. */
  public static final int DEFAULT_EVENT_BUS_PORT = 0;
  /**
   * {@link #waitSecondsBeforeJoin()} unless told otherwise: 0, the master admits a joining node at
   * its first join request. Batching the joins of nodes started together saves a few partition
   * migrations of Hazelcast's small maps (the event-bus subscriptions and node infos), which is not
   * worth the 1 s or more it adds to every join (issue 9: a joining node serves within 5 s).
   */
  public static final int DEFAULT_WAIT_SECONDS_BEFORE_JOIN = 0;
  /** {@link #joinTimeoutSeconds()} unless told otherwise: Hazelcast's default, 5 s. */
  public static final int DEFAULT_JOIN_TIMEOUT_SECONDS = 5;

  /** Every default. */
  public static final ClusterOptions DEFAULTS = new ClusterOptions(DEFAULT_CLUSTER_NAME, DEFAULT_EVENT_BUS_PORT,
      DEFAULT_WAIT_SECONDS_BEFORE_JOIN, DEFAULT_JOIN_TIMEOUT_SECONDS);

  /** Validates every part; throws {@link IllegalArgumentException} naming the bad one. */
  public ClusterOptions {
    Objects.requireNonNull(clusterName, "clusterName");
    if (clusterName.isBlank()) {
      throw new IllegalArgumentException("clusterName is blank");
    }
    if (eventBusPort < 0 || eventBusPort > 65535) {
      throw new IllegalArgumentException("eventBusPort must be 0..65535, got " + eventBusPort);
    }
    if (waitSecondsBeforeJoin < 0) {
      throw new IllegalArgumentException("waitSecondsBeforeJoin must be >= 0, got " + waitSecondsBeforeJoin);
    }
    if (joinTimeoutSeconds < 1) {
      throw new IllegalArgumentException("joinTimeoutSeconds must be >= 1, got " + joinTimeoutSeconds);
    }
  }

  public ClusterOptions withClusterName(String name) {
    return new ClusterOptions(name, eventBusPort, waitSecondsBeforeJoin, joinTimeoutSeconds);
  }

  public ClusterOptions withEventBusPort(int port) {
    return new ClusterOptions(clusterName, port, waitSecondsBeforeJoin, joinTimeoutSeconds);
  }

  public ClusterOptions withWaitSecondsBeforeJoin(int seconds) {
    return new ClusterOptions(clusterName, eventBusPort, seconds, joinTimeoutSeconds);
  }

  public ClusterOptions withJoinTimeoutSeconds(int seconds) {
    return new ClusterOptions(clusterName, eventBusPort, waitSecondsBeforeJoin, seconds);
  }
}
