package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.ReplyComparison;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/** When a quorum read starts a read repair, and the bounds on them. */
class ReadRepairUnitTests {

  private static final List<String> RACKS = List.of("rack1", "rack2", "rack3");

  /** Repairs asked for, each held open until the test completes it. */
  private final List<String> asked = new ArrayList<>();
  private final List<Promise<Void>> open = new ArrayList<>();

  private ReadRepair readRepair(boolean enabled, int maxInFlight) {
    return new ReadRepair(enabled, maxInFlight, (t, key) -> {
      asked.add(new String(key));
      Promise<Void> p = Promise.promise();
      open.add(p);
      return p.future();
    }, new RepairCounts());
  }

  private static void read(ReadRepair r, String command, String key, Reply... replies) {
    RespRequest request = RespRequest.of(command, key);
    CommandInfo info = CommandTable.get().lookup(request);
    List<Future<Reply>> futures = new ArrayList<>();
    for (Reply reply : replies) {
      futures.add(Future.succeededFuture(reply));
    }
    r.observe(null, request, info, RACKS.subList(0, replies.length), futures);
  }

  @Test
  void agreeingRepliesStartNoRepair() {
    ReadRepair r = readRepair(true, 4);

    read(r, "GET", "k", Replies.bulk("v"), Replies.bulk("v"), Replies.bulk("v"));

    assertThat(asked).isEmpty();
    assertThat(r.count(ReadRepair.Event.STARTED)).isZero();
  }

  @Test
  void disagreeingRepliesStartOneRepairOfTheReadKey() {
    ReadRepair r = readRepair(true, 4);

    read(r, "GET", "k", Replies.bulk("new"), Replies.bulk("new"), Replies.NULL_BULK);

    assertThat(asked).containsExactly("k");
    assertThat(r.count(ReadRepair.Event.STARTED)).isEqualTo(1);
    assertThat(r.inFlight()).isEqualTo(1);
  }

  @Test
  void theRepairWaitsForEveryReplyBeforeComparing() {
    ReadRepair r = readRepair(true, 4);
    Promise<Reply> late = Promise.promise();
    RespRequest request = RespRequest.of("GET", "k");

    r.observe(null, request, CommandTable.get().lookup(request), RACKS,
        List.of(Future.succeededFuture(Replies.bulk("v")), Future.succeededFuture(Replies.bulk("v")), late.future()));
    assertThat(asked).as("nothing while a reply is missing").isEmpty();
    late.complete(Replies.bulk("stale"));

    assertThat(asked).containsExactly("k");
  }

  @Test
  void repliesComparedAsTheQuorumComparesThemDoNotDisagree() {
    ReadRepair r = readRepair(true, 4);

    read(r, "SMEMBERS", "s", Replies.array(Replies.bulk("a"), Replies.bulk("b")),
        Replies.array(Replies.bulk("b"), Replies.bulk("a")));

    assertThat(asked).as("a set in another order is the same answer").isEmpty();
  }

  @Test
  void whenDisabledDisagreeingRepliesStartNothing() {
    ReadRepair r = readRepair(false, 4);

    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK, Replies.NULL_BULK);

    assertThat(asked).isEmpty();
    assertThat(r.status().getBoolean("enabled")).isFalse();
  }

  @Test
  void aSecondDisagreeingReadOfAKeyBeingRepairedIsCoalesced() {
    ReadRepair r = readRepair(true, 4);

    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK);
    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK);

    assertThat(asked).containsExactly("k");
    assertThat(r.count(ReadRepair.Event.COALESCED)).isEqualTo(1);
    open.get(0).complete();
    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK);
    assertThat(asked).as("repaired again once the first one ended").containsExactly("k", "k");
  }

  @Test
  void beyondTheCapDisagreeingReadsAreDroppedAndCounted() {
    ReadRepair r = readRepair(true, 2);

    read(r, "GET", "a", Replies.bulk("new"), Replies.NULL_BULK);
    read(r, "GET", "b", Replies.bulk("new"), Replies.NULL_BULK);
    read(r, "GET", "c", Replies.bulk("new"), Replies.NULL_BULK);

    assertThat(asked).containsExactly("a", "b");
    assertThat(r.count(ReadRepair.Event.DROPPED)).isEqualTo(1);
    assertThat(r.status().getLong("dropped")).isEqualTo(1);
    open.get(0).complete();
    read(r, "GET", "c", Replies.bulk("new"), Replies.NULL_BULK);
    assertThat(asked).as("a slot freed by a repair ending").containsExactly("a", "b", "c");
    assertThat(r.inFlight()).isEqualTo(2);
  }

  @Test
  void aFailedRepairIsCountedAndFreesItsKeyAndSlot() {
    ReadRepair r = readRepair(true, 1);
    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK);

    open.get(0).fail("peer timed out");
    read(r, "GET", "k", Replies.bulk("new"), Replies.NULL_BULK);

    assertThat(r.count(ReadRepair.Event.FAILED)).isEqualTo(1);
    assertThat(asked).containsExactly("k", "k");
  }

  @Test
  void multiKeyReadsAreNotRepaired() {
    ReadRepair r = readRepair(true, 4);
    RespRequest mget = RespRequest.of("MGET", "a", "b");

    r.observe(null, mget, CommandTable.get().lookup(mget), RACKS.subList(0, 2), List.of(
        Future.succeededFuture(Replies.array(Replies.bulk("x"), Replies.NULL_BULK)),
        Future.succeededFuture(Replies.array(Replies.NULL_BULK, Replies.NULL_BULK))));

    assertThat(asked).isEmpty();
  }

  @Test
  void failedRepliesAndErrRepliesAreNoAnswersButOtherErrorsAre() {
    ReplyComparison exact = ReplyComparison.EXACT;
    Future<Reply> value = Future.succeededFuture(Replies.bulk("v"));

    assertThat(ReadRepair.disagree(List.of(value, Future.failedFuture("down"), value), exact)).isFalse();
    assertThat(ReadRepair.disagree(List.of(value, Future.succeededFuture(new RespError("ERR Storage: timeout"))),
        exact)).isFalse();
    assertThat(ReadRepair.disagree(List.of(value, Future.succeededFuture(
        new RespError("WRONGTYPE Operation against a key holding the wrong kind of value"))), exact)).isTrue();
  }
}
