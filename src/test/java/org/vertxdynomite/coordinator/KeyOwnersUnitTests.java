package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class KeyOwnersUnitTests {

  private static final Function<byte[], String> BY_FIRST_LETTER = key -> key[0] <= 'm' ? "A" : "B";

  private static CommandInfo info(RespRequest r) {
    return CommandTable.get().resolve(r);
  }

  @Test
  void keysOnOneOwnerNameThatOwner() {
    RespRequest r = RespRequest.of("SUNIONSTORE", "dest", "a", "b");
    assertThat(KeyOwners.common(r, info(r), BY_FIRST_LETTER, "{}")).contains("A");
  }

  @Test
  void onlyKeysCountNotOtherArguments() {
    RespRequest r = RespRequest.of("ZUNIONSTORE", "dest", "2", "a", "b", "WEIGHTS", "1", "2", "AGGREGATE", "MAX");
    assertThat(KeyOwners.common(r, info(r), BY_FIRST_LETTER, "{}")).contains("A");
    RespRequest blmove = RespRequest.of("BLMOVE", "src", "zzz", "LEFT", "RIGHT", "0");
    assertThat(KeyOwners.common(blmove, info(blmove), BY_FIRST_LETTER, null)).contains("B");
  }

  @Test
  void keysOnDifferentOwnersAreRefusedWithAdviceAboutHashTags() {
    RespRequest r = RespRequest.of("SUNIONSTORE", "dest", "a", "zebra");
    assertThatThrownBy(() -> KeyOwners.common(r, info(r), BY_FIRST_LETTER, "{}"))
        .isInstanceOf(RespError.class)
        .hasMessage("ERR Dynomite: keys of 'sunionstore' are on different nodes; use a hash tag {…} to keep them together");
  }

  @Test
  void withoutAConfiguredHashTagTheErrorSaysToSetOne() {
    RespRequest r = RespRequest.of("RENAME", "a", "z");
    assertThatThrownBy(() -> KeyOwners.common(r, info(r), BY_FIRST_LETTER, null))
        .hasMessage("ERR Dynomite: keys of 'rename' are on different nodes; set hash_tag (e.g. \"{}\") and use it"
            + " to keep them together");
  }

  @Test
  void aKeylessCommandHasNoOwner() {
    RespRequest r = RespRequest.of("FLUSHALL");
    assertThat(KeyOwners.common(r, info(r), BY_FIRST_LETTER, "{}")).isEmpty();
  }

  @Test
  void ownersAreComparedByValueSoEveryRacksOwnersCanBeRequiredToMatch() {
    Function<byte[], List<String>> everyRack = key -> List.of("A", key[0] == 'a' ? "C" : "D");
    RespRequest r = RespRequest.of("SMOVE", "a1", "b1", "member");
    assertThatThrownBy(() -> KeyOwners.common(r, info(r), everyRack, "{}")).isInstanceOf(RespError.class);
    RespRequest together = RespRequest.of("SMOVE", "b1", "b2", "member");
    assertThat(KeyOwners.common(together, info(together), everyRack, "{}")).contains(List.of("A", "D"));
  }
}
