package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class WriteRulesUnitTests {

  private static final long NOW = 1_700_000_000_000L;

  private static String rewrite(String... args) {
    return WriteRules.rewriteBefore(RespRequest.of(args), NOW).toString();
  }

  private static List<String> effect(Reply reply, String... args) {
    return WriteRules.effectAfter(RespRequest.of(args), reply).stream().map(RespRequest::toString).toList();
  }

  private static Reply array(Reply... items) {
    return Replies.array(items);
  }

  private static Reply bulk(String s) {
    return Replies.bulk(s);
  }

  private static List<CommandInfo> supportedWrites() {
    return CommandTable.get().commands().stream().filter(c -> c.isSupported() && c.isWrite()).toList();
  }

  @Test
  void everySupportedWriteCommandHasAnExplicitRule() {
    List<String> missing = new ArrayList<>();
    for (CommandInfo c : supportedWrites()) {
      if (!WriteRules.table().containsKey(c.name())) {
        missing.add(c.name());
      }
    }
    assertThat(missing).as("supported writes without a replication rule").isEmpty();
  }

  @Test
  void everyRuleNamesASupportedWriteCommand() {
    for (String name : WriteRules.table().keySet()) {
      CommandInfo c = CommandTable.get().lookup(name);
      assertThat(c).as(name).isNotNull();
      assertThat(c.isSupported() && c.isWrite()).as(name).isTrue();
    }
  }

  @Test
  void noSupportedWriteIsRefusedAndTheRulesAreCounted() {
    Map<WriteRule, Integer> counts = new EnumMap<>(WriteRule.class);
    for (CommandInfo c : supportedWrites()) {
      counts.merge(WriteRules.rule(c), 1, Integer::sum);
    }
    assertThat(counts).doesNotContainKey(WriteRule.REFUSE);
    assertThat(counts).containsEntry(WriteRule.REWRITE_BEFORE, 7).containsEntry(WriteRule.EFFECT_AFTER, 11)
        .containsEntry(WriteRule.FAN_OUT, 2).containsEntry(WriteRule.PASS, supportedWrites().size() - 20);
  }

  @Test
  void storeVariantsCopyAndRenameReplicateAsTheyAre() {
    for (String name : new String[] {"sunionstore", "sinterstore", "sdiffstore", "zunionstore", "zinterstore",
        "zdiffstore", "zrangestore", "sort", "copy", "rename", "renamenx", "pfmerge", "bitop"}) {
      assertThat(WriteRules.rule(CommandTable.get().lookup(name))).as(name).isEqualTo(WriteRule.PASS);
    }
  }

  @Test
  void flushesFanOutOverTheCluster() {
    assertThat(WriteRules.rule(CommandTable.get().lookup("flushall"))).isEqualTo(WriteRule.FAN_OUT);
    assertThat(WriteRules.rule(CommandTable.get().lookup("flushdb"))).isEqualTo(WriteRule.FAN_OUT);
  }

  @Test
  void aWriteWithoutARuleIsRefusedWithADynomiteError() {
    CommandInfo xadd = CommandTable.get().lookup("xadd");
    assertThat(WriteRules.rule(xadd)).isEqualTo(WriteRule.REFUSE);
    RespError refusal = WriteRules.refusal(xadd);
    assertThat(refusal.getMessage()).startsWith("ERR Dynomite: 'xadd' cannot be replicated deterministically: ");
  }

  @Test
  void aReadHasNoWriteRule() {
    assertThatThrownBy(() -> WriteRules.rule(CommandTable.get().lookup("get")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRewriteCommandRewritesARelativeExpiry() {
    assertThat(rewrite("EXPIRE", "k", "10")).isEqualTo("PEXPIREAT k 1700000010000");
    assertThat(rewrite("PEXPIRE", "k", "1500")).isEqualTo("PEXPIREAT k 1700000001500");
    assertThat(rewrite("SET", "k", "v", "EX", "10")).isEqualTo("SET k v PXAT 1700000010000");
    assertThat(rewrite("SETEX", "k", "10", "v")).isEqualTo("SET k v PXAT 1700000010000");
    assertThat(rewrite("PSETEX", "k", "10", "v")).isEqualTo("SET k v PXAT 1700000000010");
    assertThat(rewrite("GETEX", "k", "EX", "10")).isEqualTo("GETEX k PXAT 1700000010000");
    assertThat(rewrite("RESTORE", "k", "5000", "payload", "REPLACE"))
        .isEqualTo("RESTORE k 1700000005000 payload ABSTTL REPLACE");
  }

  @Test
  void expireKeepsItsConditionAndAcceptsPastTimesAsRedisDoes() {
    assertThat(rewrite("expire", "k", "10", "GT")).isEqualTo("PEXPIREAT k 1700000010000 GT");
    assertThat(rewrite("EXPIRE", "k", "-5")).isEqualTo("PEXPIREAT k 1699999995000");
    assertThat(rewrite("EXPIRE", "k", "0")).isEqualTo("PEXPIREAT k 1700000000000");
  }

  @Test
  void expireArgumentsRedisRefusesAreLeftForRedisToRefuse() {
    assertThat(rewrite("EXPIRE", "k", "ten")).isEqualTo("EXPIRE k ten");
    assertThat(rewrite("EXPIRE", "k", "010")).isEqualTo("EXPIRE k 010");
    assertThat(rewrite("EXPIRE", "k", "+10")).isEqualTo("EXPIRE k +10");
    assertThat(rewrite("EXPIRE", "k", "9223372036854776")).isEqualTo("EXPIRE k 9223372036854776");
    assertThat(rewrite("EXPIRE", "k", "9223372036854775")).isEqualTo("EXPIRE k 9223372036854775");
    assertThat(rewrite("PEXPIRE", "k", "9223372036854775807")).isEqualTo("PEXPIRE k 9223372036854775807");
  }

  @Test
  void setKeepsItsOtherOptionsAndTheLastRepeatedExpiryWins() {
    assertThat(rewrite("SET", "k", "v", "NX", "GET", "px", "500")).isEqualTo("SET k v NX GET PXAT 1700000000500");
    assertThat(rewrite("SET", "k", "v", "EX", "10", "XX")).isEqualTo("SET k v XX PXAT 1700000010000");
    assertThat(rewrite("SET", "k", "v", "EX", "10", "EX", "20")).isEqualTo("SET k v PXAT 1700000020000");
    assertThat(rewrite("SET", "k", "v", "EX", "junk", "EX", "20")).isEqualTo("SET k v PXAT 1700000020000");
  }

  @Test
  void setWithoutARelativeExpiryOrWithOptionsRedisRefusesIsUnchanged() {
    RespRequest plain = RespRequest.of("SET", "k", "v", "NX");
    assertThat(WriteRules.rewriteBefore(plain, NOW)).isSameAs(plain);
    assertThat(rewrite("SET", "k", "v", "EXAT", "2000000000")).isEqualTo("SET k v EXAT 2000000000");
    assertThat(rewrite("SET", "k", "v", "EX", "10", "PX", "5")).isEqualTo("SET k v EX 10 PX 5");
    assertThat(rewrite("SET", "k", "v", "EX", "10", "KEEPTTL")).isEqualTo("SET k v EX 10 KEEPTTL");
    assertThat(rewrite("SET", "k", "v", "NX", "XX", "EX", "10")).isEqualTo("SET k v NX XX EX 10");
    assertThat(rewrite("SET", "k", "v", "EX")).isEqualTo("SET k v EX");
    assertThat(rewrite("SET", "k", "v", "EX", "0")).isEqualTo("SET k v EX 0");
    assertThat(rewrite("SET", "k", "v", "EX", "10", "PERSIST")).isEqualTo("SET k v EX 10 PERSIST");
    assertThat(rewrite("SETEX", "k", "0", "v")).isEqualTo("SETEX k 0 v");
    assertThat(rewrite("PSETEX", "k", "-1", "v")).isEqualTo("PSETEX k -1 v");
  }

  @Test
  void getexRewritesOnlyRelativeExpiries() {
    assertThat(rewrite("GETEX", "k", "PX", "10", "PX", "20")).isEqualTo("GETEX k PXAT 1700000000020");
    assertThat(rewrite("GETEX", "k", "PERSIST")).isEqualTo("GETEX k PERSIST");
    assertThat(rewrite("GETEX", "k")).isEqualTo("GETEX k");
    assertThat(rewrite("GETEX", "k", "EX", "10", "PERSIST")).isEqualTo("GETEX k EX 10 PERSIST");
    assertThat(rewrite("GETEX", "k", "NX", "EX", "10")).isEqualTo("GETEX k NX EX 10");
  }

  @Test
  void restoreWithoutTtlOrWithAnAbsoluteOneIsUnchanged() {
    assertThat(rewrite("RESTORE", "k", "0", "payload")).isEqualTo("RESTORE k 0 payload");
    assertThat(rewrite("RESTORE", "k", "5000", "payload", "ABSTTL")).isEqualTo("RESTORE k 5000 payload ABSTTL");
    assertThat(rewrite("RESTORE", "k", "-1", "payload")).isEqualTo("RESTORE k -1 payload");
    assertThat(rewrite("RESTORE", "k", "5000", "payload", "IDLETIME"))
        .isEqualTo("RESTORE k 1700000005000 payload ABSTTL IDLETIME");
  }

  @Test
  void aCommandWithoutARewriteIsReturnedItself() {
    RespRequest lpush = RespRequest.of("LPUSH", "k", "v");
    assertThat(WriteRules.rewriteBefore(lpush, NOW)).isSameAs(lpush);
  }

  @Test
  void spopIsReplicatedAsTheRemovalOfWhatWasPopped() {
    assertThat(effect(bulk("m"), "SPOP", "k")).containsExactly("SREM k m");
    assertThat(effect(array(bulk("a"), bulk("b")), "SPOP", "k", "2")).containsExactly("SREM k a b");
    assertThat(effect(Replies.NULL_BULK, "SPOP", "k")).isEmpty();
    assertThat(effect(Replies.EMPTY_ARRAY, "SPOP", "k", "3")).isEmpty();
  }

  @Test
  void aLargePopIsReplicatedInBoundedRequests() {
    List<Reply> members = IntStream.range(0, 2500).mapToObj(i -> bulk("m" + i)).toList();
    List<RespRequest> effects = WriteRules.effectAfter(RespRequest.of("SPOP", "k", "2500"), Replies.array(members));
    assertThat(effects).hasSize(3);
    assertThat(effects.stream().mapToInt(r -> r.argc() - 2).sum()).isEqualTo(2500);
    assertThat(effects.get(2).argString(2)).isEqualTo("m2048");
  }

  @Test
  void anErrorReplyHasNoEffect() {
    RespError wrongType = new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
    for (String[] request : new String[][] {{"SPOP", "k"}, {"INCRBYFLOAT", "k", "1"}, {"BLPOP", "k", "0"}}) {
      assertThat(WriteRules.effectAfter(RespRequest.of(request), wrongType)).isEmpty();
    }
  }

  @Test
  void floatIncrementsAreReplicatedAsTheirResult() {
    assertThat(effect(bulk("3.5"), "INCRBYFLOAT", "k", "1.5")).containsExactly("SET k 3.5 KEEPTTL");
    assertThat(effect(bulk("10.25"), "HINCRBYFLOAT", "h", "f", "0.25")).containsExactly("HSET h f 10.25");
  }

  @Test
  void blockingListPopsAreReplicatedAsPopsOfTheKeyThatServedThem() {
    assertThat(effect(array(bulk("b"), bulk("x")), "BLPOP", "a", "b", "0")).containsExactly("LPOP b");
    assertThat(effect(array(bulk("a"), bulk("x")), "BRPOP", "a", "b", "1.5")).containsExactly("RPOP a");
    assertThat(effect(Replies.NULL_ARRAY, "BLPOP", "a", "0")).isEmpty();
    assertThat(effect(bulk("x"), "BLMOVE", "s", "d", "LEFT", "RIGHT", "0")).containsExactly("LMOVE s d LEFT RIGHT");
    assertThat(effect(Replies.NULL_BULK, "BLMOVE", "s", "d", "LEFT", "RIGHT", "0")).isEmpty();
    assertThat(effect(bulk("x"), "BRPOPLPUSH", "s", "d", "0")).containsExactly("RPOPLPUSH s d");
    assertThat(effect(array(bulk("b"), array(bulk("x"), bulk("y"))), "BLMPOP", "0", "2", "a", "b", "right", "COUNT", "5"))
        .containsExactly("RPOP b 2");
    assertThat(effect(array(bulk("a"), array(bulk("x"))), "BLMPOP", "0", "1", "a", "LEFT")).containsExactly("LPOP a 1");
  }

  @Test
  void blockingSortedSetPopsAreReplicatedAsRemovalsOfThePoppedMembers() {
    assertThat(effect(array(bulk("z"), bulk("m"), bulk("1.5")), "BZPOPMIN", "y", "z", "0")).containsExactly("ZREM z m");
    assertThat(effect(array(bulk("z"), bulk("m"), bulk("9")), "BZPOPMAX", "z", "0")).containsExactly("ZREM z m");
    Reply popped = array(bulk("z"), array(array(bulk("m1"), bulk("1")), array(bulk("m2"), bulk("2"))));
    assertThat(effect(popped, "BZMPOP", "0", "1", "z", "MIN", "COUNT", "2")).containsExactly("ZREM z m1 m2");
    assertThat(effect(Replies.NULL_ARRAY, "BZMPOP", "0", "1", "z", "MIN")).isEmpty();
  }

  @Test
  void onlyEffectCommandsHaveEffects() {
    assertThatThrownBy(() -> WriteRules.effectAfter(RespRequest.of("SET", "k", "v"), Replies.OK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
