package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.resp.Reply;

/**
 * The consistency levels as combinators over the replicas' reply futures: given one future per
 * replica, it decides the client's reply as soon as the outcome is known, and never waits for
 * anything it was not given (each replica future carries its own timeout).
 *
 * <p>The replicas of a datacenter are one per rack, the local rack's owner first (index 0). A
 * replica <em>answers</em> when its future succeeds, error replies such as WRONGTYPE included; it
 * <em>fails</em> when its future fails (storage or peer unreachable, timeout). With {@code n}
 * replicas a quorum is {@code n/2+1}. Replies agree when the {@link ReplyComparison} for the
 * command matches them.
 *
 * <ul>
 *   <li>{@link Consistency#DC_ONE}: replica 0's outcome, whatever the others do.
 *   <li>{@link Consistency#DC_QUORUM}: a quorum must answer. As soon as a quorum of answers agree,
 *       that reply is returned. When a quorum has answered but they disagree, the combinator waits
 *       for the remaining replicas while agreement is still possible (as Dynomite's response
 *       manager does), so that one diverged replica does not decide a read; once agreement is
 *       impossible it returns the answer of the lowest-numbered replica that answered (the local
 *       rack's when it did). It fails with the first replica failure as soon as a quorum can no
 *       longer answer.
 *   <li>{@link Consistency#DC_SAFE_QUORUM}: as DC_QUORUM, but when no quorum can agree any more it
 *       fails with {@link CoordinatorErrors#NO_QUORUM} ({@code ERR Dynomite: Failed to achieve
 *       Quorum}); too many failures fail with the first failure.
 *   <li>{@link Consistency#DC_EACH_SAFE_QUORUM}: a safe quorum in the local datacenter and in every
 *       remote one, whose agreed replies must also agree with each other (else {@code NO_QUORUM});
 *       the first datacenter to fail fails the whole at once. The reply is the local one.
 * </ul>
 *
 * <p>The agreed reply is that of the lowest-numbered replica among those agreeing, and {@link
 * ReplicaReply#replica()} says which it was. Replica futures should fail with a {@link
 * org.vertxdynomite.resp.RespError} saying where the failure came from ({@code ERR Peer: …},
 * {@code ERR Storage: …}): failures are passed on unchanged. Futures may complete on any thread.
 */
public final class Quorum {

  private Quorum() {}

  /** {@code level} over the local datacenter's replicas only (no remote ones known). */
  public static Future<ReplicaReply> combine(Consistency level, List<Future<Reply>> localDc,
      ReplyComparison comparison) {
    return combine(level, localDc, List.of(), comparison);
  }

  /**
   * {@code level} over the local datacenter's replicas and, for DC_EACH_SAFE_QUORUM only, over each
   * remote datacenter's (other levels replicate to remote datacenters asynchronously and ignore
   * {@code remoteDcs}).
   */
  public static Future<ReplicaReply> combine(Consistency level, List<Future<Reply>> localDc,
      List<List<Future<Reply>>> remoteDcs, ReplyComparison comparison) {
    return switch (level) {
      case DC_ONE -> one(localDc);
      case DC_QUORUM -> quorum(localDc, comparison);
      case DC_SAFE_QUORUM -> safeQuorum(localDc, comparison);
      case DC_EACH_SAFE_QUORUM -> eachSafeQuorum(localDc, remoteDcs, comparison);
    };
  }

  /** DC_ONE: the local rack owner's (replica 0's) outcome; other replicas are not waited for. */
  public static Future<ReplicaReply> one(List<Future<Reply>> replicas) {
    requireReplicas(replicas);
    return replicas.get(0).map(reply -> new ReplicaReply(reply, 0));
  }

  /** DC_QUORUM over one datacenter's replicas (see the class description). */
  public static Future<ReplicaReply> quorum(List<Future<Reply>> replicas, ReplyComparison comparison) {
    return tally(replicas, comparison, false);
  }

  /** DC_SAFE_QUORUM over one datacenter's replicas (see the class description). */
  public static Future<ReplicaReply> safeQuorum(List<Future<Reply>> replicas, ReplyComparison comparison) {
    return tally(replicas, comparison, true);
  }

  /** DC_EACH_SAFE_QUORUM: a safe quorum in each datacenter, all agreeing; the local reply. */
  public static Future<ReplicaReply> eachSafeQuorum(List<Future<Reply>> localDc,
      List<List<Future<Reply>>> remoteDcs, ReplyComparison comparison) {
    List<Future<ReplicaReply>> perDc = new ArrayList<>(1 + remoteDcs.size());
    perDc.add(safeQuorum(localDc, comparison));
    for (List<Future<Reply>> dc : remoteDcs) {
      perDc.add(safeQuorum(dc, comparison));
    }
    return new AcrossDatacenters(perDc, comparison).result();
  }

  private static Future<ReplicaReply> tally(List<Future<Reply>> replicas, ReplyComparison comparison, boolean safe) {
    requireReplicas(replicas);
    return StagedQuorum.all(replicas, comparison, safe);
  }

  private static void requireReplicas(List<Future<Reply>> replicas) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("a datacenter needs at least one replica");
    }
  }

  /** Joins the datacenters' safe quorums: fails on the first failure or disagreement. */
  private static final class AcrossDatacenters {

    private final Promise<ReplicaReply> result = Promise.promise();
    private final ReplicaReply[] agreed;
    private final ReplyComparison comparison;
    private int remaining;

    AcrossDatacenters(List<Future<ReplicaReply>> perDc, ReplyComparison comparison) {
      this.agreed = new ReplicaReply[perDc.size()];
      this.comparison = comparison;
      this.remaining = perDc.size();
      for (int i = 0; i < perDc.size(); i++) {
        int dc = i;
        perDc.get(i).onComplete(ar -> {
          if (ar.failed()) {
            result.tryFail(ar.cause());
          } else {
            settled(dc, ar.result());
          }
        });
      }
    }

    private void settled(int dc, ReplicaReply reply) {
      boolean disagree = false;
      boolean done;
      synchronized (this) {
        agreed[dc] = reply;
        for (ReplicaReply other : agreed) {
          if (other != null && !comparison.matches(other.reply(), reply.reply())) {
            disagree = true;
          }
        }
        done = --remaining == 0;
      }
      if (disagree) {
        result.tryFail(CoordinatorErrors.NO_QUORUM);
      } else if (done) {
        result.tryComplete(agreed[0]);
      }
    }

    Future<ReplicaReply> result() {
      return result.future();
    }
  }
}
