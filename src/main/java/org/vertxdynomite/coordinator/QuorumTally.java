package org.vertxdynomite.coordinator;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Reply;

/**
 * Counts one datacenter's replica answers as they arrive and says when the outcome is known.
 *
 * <p>Answers are grouped by agreement under a {@link ReplyComparison} (an equivalence, so each
 * group is represented by its first member). With {@code n} replicas a quorum is {@code n/2+1}.
 * Not thread-safe: {@link Quorum} serialises calls.
 */
final class QuorumTally {

  /** What is known after an answer. */
  enum Outcome {
    /** More answers are needed. */
    PENDING,
    /** A quorum of answers agree: {@link #agreed()}. */
    AGREED,
    /**
     * No quorum can agree any more. Under DC_SAFE_QUORUM that is known as soon as too few answers
     * are left to form one; under DC_QUORUM it is reported only once a quorum has answered, so
     * that {@link #firstAnswer()} stands on a quorum of answers.
     */
    NO_AGREEMENT,
    /** Too many replicas failed for a quorum to answer: {@link #firstFailure()}. */
    TOO_FEW
  }

  private final int quorum;
  private final ReplyComparison comparison;
  private final boolean safe;
  private final Reply[] replies;
  private final List<List<Integer>> groups = new ArrayList<>();
  private int pending;
  private int successes;
  /** Replicas whose write a stand-in kept as a hint ({@link Hinted}): they agree with any answer. */
  private int hinted;
  private Throwable firstFailure;
  private int agreedGroup = -1;

  /** {@code safe}: DC_SAFE_QUORUM (agreement required) rather than DC_QUORUM. */
  QuorumTally(int replicas, ReplyComparison comparison, boolean safe) {
    this.quorum = replicas / 2 + 1;
    this.comparison = comparison;
    this.safe = safe;
    this.replies = new Reply[replicas];
    this.pending = replicas;
  }

  /** Replica {@code replica} answered {@code reply} (an error reply is an answer too). */
  Outcome answered(int replica, Reply reply) {
    pending--;
    successes++;
    if (reply instanceof Hinted) {
      hinted++;
      for (int g = 0; g < groups.size() && agreedGroup < 0; g++) {
        if (groups.get(g).size() + hinted >= quorum) {
          agreedGroup = g;
        }
      }
      return outcome();
    }
    replies[replica] = reply;
    List<Integer> group = null;
    for (List<Integer> g : groups) {
      if (comparison.matches(replies[g.get(0)], reply)) {
        group = g;
        break;
      }
    }
    if (group == null) {
      group = new ArrayList<>(2);
      groups.add(group);
    }
    group.add(replica);
    if (group.size() + hinted >= quorum) {
      agreedGroup = groups.indexOf(group);
    }
    return outcome();
  }

  /** Replica {@code replica} could not answer (storage or peer failure, timeout). */
  Outcome failed(Throwable cause) {
    pending--;
    if (firstFailure == null) {
      firstFailure = cause;
    }
    return outcome();
  }

  private Outcome outcome() {
    if (agreedGroup >= 0) {
      return Outcome.AGREED;
    }
    if (successes + pending < quorum || (pending == 0 && groups.isEmpty())) {
      return Outcome.TOO_FEW;
    }
    int largest = 0;
    for (List<Integer> g : groups) {
      largest = Math.max(largest, g.size());
    }
    if (largest + hinted + pending < quorum && (safe || successes >= quorum)) {
      return Outcome.NO_AGREEMENT;
    }
    return Outcome.PENDING;
  }

  /** The agreed reply, from the lowest-numbered replica of the agreeing group. */
  ReplicaReply agreed() {
    int replica = Integer.MAX_VALUE;
    for (int r : groups.get(agreedGroup)) {
      replica = Math.min(replica, r);
    }
    return new ReplicaReply(replies[replica], replica);
  }

  /** The reply of the lowest-numbered replica that answered. */
  ReplicaReply firstAnswer() {
    for (int i = 0; i < replies.length; i++) {
      if (replies[i] != null) {
        return new ReplicaReply(replies[i], i);
      }
    }
    throw new IllegalStateException("no replica answered");
  }

  /** The first failure; when there was none, every answer was a hint ({@link CoordinatorErrors#ONLY_HINTED}). */
  Throwable firstFailure() {
    return firstFailure != null ? firstFailure : CoordinatorErrors.ONLY_HINTED;
  }
}
