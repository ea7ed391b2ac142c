package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Two real redis-servers holding the same sets and hashes, built in different orders, answer in
 * different orders; the comparison table still counts their replies as agreeing, and a quorum
 * forms on them.
 */
class ReplyComparisonIntegrationTests {

  private static RedisServerProcess serverA;
  private static RedisServerProcess serverB;
  private static RawRespClient a;
  private static RawRespClient b;

  @BeforeAll
  static void start() throws Exception {
    serverA = RedisServerProcess.start();
    serverB = RedisServerProcess.start();
    a = serverA.client();
    b = serverB.client();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      members.add("member-" + i);
    }
    fill(a, members);
    Collections.reverse(members);
    fill(b, members);
  }

  private static void fill(RawRespClient c, List<String> members) throws IOException {
    for (String m : members) {
      c.call("SADD", "set1", m);
      c.call("SADD", (m.hashCode() & 1) == 0 ? "set2" : "set3", m);
      c.call("HSET", "hash", "f-" + m, "v-" + m);
      c.call("SET", "key:" + m, "v");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, serverA, serverB}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static boolean agree(String... command) throws IOException {
    Reply fromA = RespDecoder.decode(a.call(command));
    Reply fromB = RespDecoder.decode(b.call(command));
    return ReplyComparison.forCommand(command[0].toLowerCase()).matches(fromA, fromB);
  }

  @Test
  void aHashBuiltInAnotherOrderAnswersInAnotherOrderButAgrees() throws IOException {
    assertThat(Arrays.equals(a.call("HGETALL", "hash"), b.call("HGETALL", "hash"))).isFalse();
    assertThat(agree("HGETALL", "hash")).isTrue();
    assertThat(agree("HKEYS", "hash")).isTrue();
    assertThat(agree("HVALS", "hash")).isTrue();
  }

  @Test
  void setReadsAndKeysAgreeWhateverOrderEachServerUses() throws IOException {
    assertThat(agree("SMEMBERS", "set1")).isTrue();
    assertThat(agree("SUNION", "set2", "set3")).isTrue();
    assertThat(agree("SINTER", "set1", "set2")).isTrue();
    assertThat(agree("SDIFF", "set1", "set3")).isTrue();
    assertThat(agree("KEYS", "key:*")).isTrue();
  }

  @Test
  void aSetMissingOneMemberDoesNotAgree() throws IOException {
    Reply full = RespDecoder.decode(a.call("SMEMBERS", "set1"));
    Reply partial = RespDecoder.decode(b.call("SDIFF", "set1", "set3"));
    assertThat(ReplyComparison.UNORDERED_ELEMENTS.matches(full, partial)).isFalse();
  }

  @Test
  void aSafeQuorumFormsOnRealRepliesInDifferentOrders() throws IOException {
    Reply fromA = RespDecoder.decode(a.call("HGETALL", "hash"));
    Reply fromB = RespDecoder.decode(b.call("HGETALL", "hash"));
    Reply stale = RespDecoder.decode(a.call("HGETALL", "no-such-hash"));
    Future<ReplicaReply> f = Quorum.safeQuorum(
        List.of(Future.succeededFuture(stale), Future.succeededFuture(fromB), Future.succeededFuture(fromA)),
        ReplyComparison.forCommand("hgetall"));
    assertThat(f.succeeded()).isTrue();
    assertThat(f.result().replica()).isEqualTo(1);
  }
}
