package org.vertxdynomite.topology;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.vertxdynomite.config.HostPort;

/**
 * Which peers this node treats as down for routing, beyond the cluster membership: a configured
 * node that is not live ({@link NodeInfo#isConfiguredOnly()}), a peer an operator marked down
 * ({@code /peer/down/NAME}), and a peer that failed {@code server_failure_limit} requests in a row
 * (timeouts, no route; not its datastore failing, which the peer reports) while {@code
 * auto_eject_hosts} is on — that one is ejected for {@code server_retry_timeout} ms, after which the next request tries it again (one
 * more failure ejects it again at once; a success clears it).
 *
 * <p>A down peer gets no requests: the coordinator fails over its reads and hints its writes
 * without waiting for a timeout. Peers are kept by {@link NodeInfo#name()}; a record belongs to
 * one run of the peer (its cluster id), so a restarted node starts healthy. Safe from any thread.
 */
public final class PeerHealth {

  private static final Logger LOG = Logger.getLogger(PeerHealth.class.getName());

  /** One peer's record, for the run of it whose cluster id is {@code id}. */
  private record State(String id, int failures, long ejectedUntil) {}

  private final boolean autoEject;
  private final int failureLimit;
  private final long retryMillis;
  private final LongSupplier clock;
  private final Predicate<HostPort> adminDown;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /**
   * @param autoEject {@code auto_eject_hosts}
   * @param failureLimit {@code server_failure_limit}: consecutive failures that eject a peer
   * @param retryMillis {@code server_retry_timeout}: how long an ejected peer stays out
   * @param clock milliseconds, for the ejection deadline
   * @param adminDown peer addresses an operator marked down
   */
  public PeerHealth(boolean autoEject, int failureLimit, long retryMillis, LongSupplier clock,
      Predicate<HostPort> adminDown) {
    if (failureLimit < 1) {
      throw new IllegalArgumentException("failureLimit must be at least 1: " + failureLimit);
    }
    this.autoEject = autoEject;
    this.failureLimit = failureLimit;
    this.retryMillis = retryMillis;
    this.clock = clock;
    this.adminDown = adminDown;
  }

  /** Every peer always up (tests, a node without failure detection). */
  public static PeerHealth alwaysUp() {
    return new PeerHealth(false, 1, 0, () -> 0, p -> false);
  }

  /** Whether requests to {@code node} should not be sent now. */
  public boolean isDown(NodeInfo node) {
    if (node.isConfiguredOnly() || adminDown.test(node.peerAddress())) {
      return true;
    }
    if (states.isEmpty()) {
      return false; // the common case, without building the node's name
    }
    State s = states.get(node.name());
    return s != null && s.id.equals(node.id()) && s.ejectedUntil > clock.getAsLong();
  }

  /** A request to {@code node} succeeded: its failure count starts again. */
  public void succeeded(NodeInfo node) {
    if (!states.isEmpty() && states.remove(node.name()) != null) {
      LOG.fine(() -> node.name() + " answers again");
    }
  }

  /** A request to {@code node} got no reply (timeout, no route). */
  public void failed(NodeInfo node) {
    long now = clock.getAsLong();
    State after = states.compute(node.name(), (name, old) -> {
      boolean fresh = old == null || !old.id.equals(node.id());
      int failures = fresh ? 1 : old.failures + 1;
      long until = fresh ? 0 : old.ejectedUntil;
      if (autoEject && failures >= failureLimit && until <= now) {
        until = now + retryMillis;
      }
      return new State(node.id(), failures, until);
    });
    if (after.failures == failureLimit && autoEject) {
      LOG.warning(node.name() + " failed " + failureLimit + " requests in a row: taken out of routing for "
          + retryMillis + " ms (server_failure_limit, server_retry_timeout)");
    }
  }

  /** The names of the peers ejected now (not those marked by an operator or never seen). */
  public List<String> ejected() {
    long now = clock.getAsLong();
    return states.entrySet().stream().filter(e -> e.getValue().ejectedUntil > now).map(Map.Entry::getKey)
        .sorted().toList();
  }
}
