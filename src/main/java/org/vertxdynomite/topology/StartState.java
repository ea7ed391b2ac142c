package org.vertxdynomite.topology;

import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.WarmupMode;

/**
 * The state a node starts in, announced in its join metadata and its first state report.
 *
 * <p>A clustered node with {@code warmup: auto} starts in {@link NodeState#STANDBY}: it has not yet
 * decided whether its datastore must be warmed up, so no peer may route a read to it. It becomes
 * NORMAL once it decided none is needed, or when its warm-up ends. Every other node (standalone, or
 * {@code warmup: off}) starts NORMAL, as before issue 6.
 */
public final class StartState {

  private StartState() {}

  /** The state a node configured by {@code config} starts in. */
  public static NodeState of(NodeConfig config) {
    return config.clustered() && config.warmup() == WarmupMode.AUTO ? NodeState.STANDBY : NodeState.NORMAL;
  }
}
