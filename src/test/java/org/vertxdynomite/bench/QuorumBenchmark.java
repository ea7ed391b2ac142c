package org.vertxdynomite.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.coordinator.Quorum;
import org.vertxdynomite.coordinator.ReplicaReply;
import org.vertxdynomite.coordinator.ReplyComparison;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/**
 * The quorum combine of three replicas' replies (one per rack), for a SET (+OK) and a GET (a 100-byte
 * bulk), with replies already there or arriving after the combine is set up. Score: time per combine.
 */
public class QuorumBenchmark extends Microbenchmark {

  @Param({"DC_ONE", "DC_QUORUM", "DC_SAFE_QUORUM"})
  public Consistency level;

  @Param({"SET", "GET"})
  public String command;

  private Reply reply;

  @Setup
  public void setUp() {
    reply = command.equals("SET") ? Replies.OK : Replies.bulk(new byte[100]);
  }

  /** Every replica has answered before the combine starts (the replies were quick). */
  @Benchmark
  public Reply repliesFirst() {
    Future<Reply> r = Future.succeededFuture(reply);
    return Quorum.combine(level, List.of(r, r, r), ReplyComparison.EXACT).result().reply();
  }

  /** The combine waits; the replicas answer one by one afterwards, as over the network. */
  @Benchmark
  public Reply combineFirst() {
    Promise<Reply> a = Promise.promise();
    Promise<Reply> b = Promise.promise();
    Promise<Reply> c = Promise.promise();
    Future<ReplicaReply> combined =
        Quorum.combine(level, List.of(a.future(), b.future(), c.future()), ReplyComparison.EXACT);
    a.complete(reply);
    b.complete(reply);
    c.complete(reply);
    return combined.result().reply();
  }
}
