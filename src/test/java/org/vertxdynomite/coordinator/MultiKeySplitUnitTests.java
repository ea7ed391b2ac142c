package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class MultiKeySplitUnitTests {

  /** Keys starting with a-m belong to node "A", the rest to node "B". */
  private static final Function<byte[], String> BY_FIRST_LETTER = key -> key[0] <= 'm' ? "A" : "B";

  private static MultiKeySplit<String> split(String... request) {
    return MultiKeySplit.split(RespRequest.of(request), BY_FIRST_LETTER);
  }

  private static List<String> requests(MultiKeySplit<String> split) {
    return split.parts().stream().map(p -> p.owner() + ": " + p.request()).toList();
  }

  @Test
  void mgetIsSplitByOwnerKeepingKeyOrderWithinEachPart() {
    MultiKeySplit<String> s = split("MGET", "x", "a", "y", "b", "a");
    assertThat(requests(s)).containsExactly("B: MGET x y", "A: MGET a b a");
    assertThat(s.parts().get(0).keys()).containsExactly(0, 2);
    assertThat(s.parts().get(1).keys()).containsExactly(1, 3, 4);
  }

  @Test
  void mgetRepliesAreStitchedBackInTheClientsKeyOrder() {
    MultiKeySplit<String> s = split("MGET", "x", "a", "y", "b", "a");
    Reply fromB = Replies.array(Replies.bulk("X"), Replies.NULL_BULK);
    Reply fromA = Replies.array(Replies.bulk("A"), Replies.bulk("B"), Replies.bulk("A"));
    assertThat(s.stitch(List.of(fromB, fromA))).isEqualTo(Replies.array(Replies.bulk("X"), Replies.bulk("A"),
        Replies.NULL_BULK, Replies.bulk("B"), Replies.bulk("A")));
  }

  @Test
  void msetIsSplitWithEachKeyKeepingItsValue() {
    assertThat(requests(split("MSET", "a", "1", "z", "2", "b", "3"))).containsExactly("A: MSET a 1 b 3", "B: MSET z 2");
  }

  @Test
  void msetAnswersOkOnlyWhenEveryPartDid() {
    MultiKeySplit<String> s = split("MSET", "a", "1", "z", "2");
    assertThat(s.stitch(List.of(Replies.OK, Replies.OK))).isEqualTo(Replies.OK);
    RespError oom = new RespError("OOM command not allowed when used memory > 'maxmemory'.");
    assertThat(s.stitch(List.of(Replies.OK, oom))).isSameAs(oom);
  }

  @Test
  void countingCommandsAddUpThePartsIntegers() {
    for (String command : new String[] {"DEL", "UNLINK", "EXISTS", "TOUCH"}) {
      MultiKeySplit<String> s = split(command, "a", "z", "b");
      assertThat(requests(s)).containsExactly("A: " + command + " a b", "B: " + command + " z");
      assertThat(s.stitch(List.of(Replies.integer(2), Replies.integer(1)))).isEqualTo(Replies.integer(3));
    }
  }

  @Test
  void anErrorReplyFromAPartIsPassedOn() {
    RespError err = RespError.err("something");
    assertThat(split("EXISTS", "a", "z").stitch(List.of(Replies.integer(1), err))).isSameAs(err);
    assertThat(split("MGET", "a", "z").stitch(List.of(err, Replies.array(Replies.NULL_BULK)))).isSameAs(err);
  }

  @Test
  void keysOfOneOwnerKeepTheClientsRequestWhole() {
    RespRequest request = RespRequest.of("MGET", "a", "b");
    MultiKeySplit<String> s = MultiKeySplit.split(request, BY_FIRST_LETTER);
    assertThat(s.parts()).hasSize(1);
    assertThat(s.parts().get(0).request()).isSameAs(request);
    Reply reply = Replies.array(Replies.bulk("1"), Replies.bulk("2"));
    assertThat(s.stitch(List.of(reply))).isSameAs(reply);
  }

  @Test
  void anMsetWithAKeyLackingItsValueIsNotSplitSoRedisCanRefuseItWhole() {
    RespRequest request = RespRequest.of("MSET", "a", "1", "z");
    MultiKeySplit<String> s = MultiKeySplit.split(request, BY_FIRST_LETTER);
    assertThat(s.parts()).hasSize(1);
    assertThat(s.parts().get(0).request()).isSameAs(request);
    assertThat(s.parts().get(0).owner()).isEqualTo("A");
  }

  @Test
  void joinWaitsForEveryPartAndFailsWithTheFirstFailure() {
    MultiKeySplit<String> s = split("DEL", "a", "z");
    Promise<Reply> a = Promise.promise();
    Promise<Reply> z = Promise.promise();
    Future<Reply> joined = s.join(List.of(a.future(), z.future()));
    a.complete(Replies.integer(1));
    assertThat(joined.isComplete()).isFalse();
    z.complete(Replies.integer(1));
    assertThat(joined.result()).isEqualTo(Replies.integer(2));

    Promise<Reply> failing = Promise.promise();
    Future<Reply> failed = s.join(List.of(failing.future(), Promise.<Reply>promise().future()));
    failing.fail(Replicas.PEER_DOWN);
    assertThat(failed.cause()).isSameAs(Replicas.PEER_DOWN);
  }

  @Test
  void onlyTheSixSplittableCommandsAreSplit() {
    for (String name : new String[] {"mget", "mset", "del", "unlink", "exists", "touch"}) {
      assertThat(MultiKeySplit.isSplittable(name)).as(name).isTrue();
    }
    assertThat(MultiKeySplit.isSplittable("msetnx")).isFalse();
    assertThat(MultiKeySplit.isSplittable("sunionstore")).isFalse();
    assertThatThrownBy(() -> split("SUNIONSTORE", "d", "a", "z")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stitchingNeedsOneReplyPerPart() {
    assertThatThrownBy(() -> split("DEL", "a", "z").stitch(List.of(Replies.integer(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
