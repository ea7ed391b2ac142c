package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.coordinator.ReplyComparison.EXACT;
import static org.vertxdynomite.coordinator.ReplyComparison.MILLISECONDS_LEFT;
import static org.vertxdynomite.coordinator.ReplyComparison.SAME_SHAPE;
import static org.vertxdynomite.coordinator.ReplyComparison.SECONDS_LEFT;
import static org.vertxdynomite.coordinator.ReplyComparison.UNORDERED_ELEMENTS;
import static org.vertxdynomite.coordinator.ReplyComparison.UNORDERED_PAIRS;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

class ReplyComparisonUnitTests {

  private static Reply array(String... bulks) {
    return Replies.array(Arrays.stream(bulks).map(Replies::bulk).toList());
  }

  @Test
  void exactComparesTheRespBytesWhateverObjectsCarryThem() {
    assertThat(EXACT.matches(Replies.bulk("v"), Replies.bulk("v"))).isTrue();
    assertThat(EXACT.matches(Replies.bulk("v"), Replies.bulk("w"))).isFalse();
    assertThat(EXACT.matches(Replies.bulk("v"), Replies.raw(Buffer.buffer("$1\r\nv\r\n")))).isTrue();
    assertThat(EXACT.matches(array("a", "b"), array("b", "a"))).isFalse();
    assertThat(EXACT.matches(Replies.integer(1), Replies.bulk("1"))).isFalse();
  }

  @Test
  void aNilBulkAndANilArrayAreDifferentAnswers() {
    assertThat(EXACT.matches(Replies.NULL_BULK, Replies.NULL_ARRAY)).isFalse();
    assertThat(SAME_SHAPE.matches(Replies.NULL_BULK, Replies.NULL_ARRAY)).isFalse();
  }

  @Test
  void errorRepliesMatchOnlyTheSameErrorTextUnderEveryComparison() {
    RespError wrongType = new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
    for (ReplyComparison c : ReplyComparison.values()) {
      assertThat(c.matches(wrongType, new RespError(wrongType.getMessage()))).as(c.name()).isTrue();
      assertThat(c.matches(wrongType, RespError.err("syntax error"))).as(c.name()).isFalse();
      assertThat(c.matches(wrongType, Replies.EMPTY_ARRAY)).as(c.name()).isFalse();
    }
  }

  @Test
  void unorderedElementsIgnoresOrderButCountsDuplicates() {
    assertThat(UNORDERED_ELEMENTS.matches(array("a", "b", "c"), array("c", "a", "b"))).isTrue();
    assertThat(UNORDERED_ELEMENTS.matches(array("a", "a", "b"), array("a", "b", "b"))).isFalse();
    assertThat(UNORDERED_ELEMENTS.matches(array("a", "b"), array("a", "b", "c"))).isFalse();
    assertThat(UNORDERED_ELEMENTS.matches(Replies.EMPTY_ARRAY, Replies.EMPTY_ARRAY)).isTrue();
    assertThat(UNORDERED_ELEMENTS.matches(Replies.NULL_BULK, Replies.NULL_BULK)).isTrue();
  }

  @Test
  void unorderedElementsDoesNotMistakeConcatenationsForEachOther() {
    assertThat(UNORDERED_ELEMENTS.matches(array("ab", "c"), array("a", "bc"))).isFalse();
  }

  @Test
  void unorderedPairsIgnoresTheOrderOfPairsButKeepsEachFieldWithItsValue() {
    assertThat(UNORDERED_PAIRS.matches(array("f1", "v1", "f2", "v2"), array("f2", "v2", "f1", "v1"))).isTrue();
    assertThat(UNORDERED_PAIRS.matches(array("f1", "v1", "f2", "v2"), array("f1", "v2", "f2", "v1"))).isFalse();
    assertThat(UNORDERED_PAIRS.matches(array("f1", "v1", "f2"), array("f1", "v1", "f2"))).isTrue();
  }

  @Test
  void sameShapeAcceptsDifferentContentOfTheSameTypeButNotNilAgainstAValue() {
    assertThat(SAME_SHAPE.matches(Replies.bulk("member1"), Replies.bulk("member2"))).isTrue();
    assertThat(SAME_SHAPE.matches(array("a"), array("b", "c"))).isTrue();
    assertThat(SAME_SHAPE.matches(Replies.bulk("member1"), Replies.NULL_BULK)).isFalse();
    assertThat(SAME_SHAPE.matches(Replies.integer(3), Replies.bulk("3"))).isFalse();
  }

  @Test
  void remainingTimesMatchWithinTheirToleranceAndNegativeCodesMatchExactly() {
    assertThat(SECONDS_LEFT.matches(Replies.integer(100), Replies.integer(99))).isTrue();
    assertThat(SECONDS_LEFT.matches(Replies.integer(100), Replies.integer(98))).isFalse();
    assertThat(SECONDS_LEFT.matches(Replies.integer(-1), Replies.integer(-2))).isFalse();
    assertThat(SECONDS_LEFT.matches(Replies.integer(-2), Replies.integer(-2))).isTrue();
    assertThat(SECONDS_LEFT.matches(Replies.integer(-1), Replies.integer(0))).isFalse();
    assertThat(MILLISECONDS_LEFT.matches(Replies.integer(99_000), Replies.integer(98_100))).isTrue();
    assertThat(MILLISECONDS_LEFT.matches(Replies.integer(99_000), Replies.integer(97_000))).isFalse();
  }

  @Test
  void setAndHashReadsAreComparedWithoutRegardToOrder() {
    for (String set : new String[] {"smembers", "sinter", "sunion", "sdiff", "keys", "hkeys", "hvals"}) {
      assertThat(ReplyComparison.forCommand(set)).as(set).isEqualTo(UNORDERED_ELEMENTS);
    }
    assertThat(ReplyComparison.forCommand("hgetall")).isEqualTo(UNORDERED_PAIRS);
    assertThat(ReplyComparison.forCommand("get")).isEqualTo(EXACT);
    assertThat(ReplyComparison.forCommand("zrange")).isEqualTo(EXACT);
    assertThat(ReplyComparison.forCommand(CommandTable.get().lookup("object|encoding"))).isEqualTo(SAME_SHAPE);
  }

  @Test
  void everyDataCommandRedisTipsAsNondeterministicHasAComparisonOtherThanExact() {
    for (CommandInfo c : CommandTable.get().commands()) {
      boolean data = c.isReadOnly() || c.isWrite();
      if (!c.isSupported() || !data) {
        continue;
      }
      if (c.tips().contains("nondeterministic_output_order")) {
        assertThat(ReplyComparison.forCommand(c)).as(c.name()).isIn(UNORDERED_ELEMENTS, UNORDERED_PAIRS);
      }
      if (c.tips().contains("nondeterministic_output")) {
        assertThat(ReplyComparison.forCommand(c)).as(c.name()).isNotEqualTo(EXACT);
      }
    }
  }

  @Test
  void everyCommandInTheComparisonTableIsASupportedDataCommand() {
    for (String name : ReplyComparison.table().keySet()) {
      CommandInfo c = CommandTable.get().lookup(name);
      assertThat(c).as(name).isNotNull();
      assertThat(c.isSupported() && (c.isReadOnly() || c.isWrite())).as(name).isTrue();
    }
  }
}
