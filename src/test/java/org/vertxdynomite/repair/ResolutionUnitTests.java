package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.repair.Decision.Action;
import org.vertxdynomite.repair.Decision.Outcome;

class ResolutionUnitTests {

  private static final long SETTLED = 1_000_000;
  private static final byte[] OLD = "old".getBytes();
  private static final byte[] NEW = "new".getBytes();

  private static KeyVersion has(byte[] v, long newest) {
    return KeyVersion.present(v, 0, newest, newest);
  }

  private static Decision decide(KeyVersion a, KeyVersion b) {
    return Resolution.decide(a, 0, b, 0, SETTLED);
  }

  @Test
  void sameValueOnBothSidesNeedsNothingWhateverTheTimestamps() {
    assertThat(decide(has(OLD, 5), has(OLD, 0))).isEqualTo(Decision.EQUAL);
  }

  @Test
  void aKeyMissingOnOneReplicaThatKnowsNothingOfItIsCopiedThereUnderItsTimestamp() {
    Decision d = decide(has(NEW, 7), KeyVersion.absent(0, 0));

    assertThat(d).isEqualTo(new Decision(Outcome.MISSING_COPIED, Action.COPY, false, 7));
    assertThat(decide(KeyVersion.absent(0, 0), has(NEW, 0)))
        .as("a value whose write nobody remembers (a crashed coordinator's) is copied too")
        .isEqualTo(new Decision(Outcome.MISSING_COPIED, Action.COPY, true, 0));
  }

  @Test
  void aValueOlderThanADeleteTheOtherReplicaRemembersIsDeletedNotCopied() {
    Decision d = decide(has(OLD, 5), KeyVersion.absent(9, 9));

    assertThat(d).isEqualTo(new Decision(Outcome.DELETED, Action.DELETE, true, 9));
  }

  @Test
  void aValueWhoseWriteIsForgottenLosesToARememberedDelete() {
    assertThat(decide(KeyVersion.absent(9, 9), has(OLD, 0)).action()).isEqualTo(Action.DELETE);
  }

  @Test
  void aValueNewerThanTheOtherSidesDeleteIsCopiedBack() {
    Decision d = decide(has(NEW, 12), KeyVersion.absent(9, 9));

    assertThat(d).isEqualTo(new Decision(Outcome.MISSING_COPIED, Action.COPY, false, 12));
  }

  @Test
  void aFlushNewerThanTheCopyKeepsTheKeyAwayAndCountsAsUnresolved() {
    Decision d = Resolution.decide(has(OLD, 5), 0, KeyVersion.absent(0, 0), 8, SETTLED);

    assertThat(d).isEqualTo(Decision.LEAVE);
    assertThat(Resolution.decide(has(OLD, 0), 3, KeyVersion.absent(0, 0), 8, SETTLED))
        .as("a forgotten value is as old as its replica's last flush").isEqualTo(Decision.LEAVE);
    assertThat(Resolution.decide(has(OLD, 0), 8, KeyVersion.absent(0, 0), 8, SETTLED).action())
        .as("both replicas took the same flush: the value came after it").isEqualTo(Action.COPY);
  }

  @Test
  void aNewerMergingWriteWhereTheKeyIsAbsentLeavesItUnresolved() {
    assertThat(decide(has(OLD, 5), KeyVersion.absent(9, 2))).isEqualTo(Decision.LEAVE);
  }

  @Test
  void differentValuesTheNewerRememberedTimestampWins() {
    assertThat(decide(has(OLD, 5), has(NEW, 9))).isEqualTo(new Decision(Outcome.NEWER_WON, Action.REPLACE, true, 9));
    assertThat(decide(has(NEW, 9), has(OLD, 5))).isEqualTo(new Decision(Outcome.NEWER_WON, Action.REPLACE, false, 9));
  }

  @Test
  void differentValuesOnlyOneRememberedTheRememberedWins() {
    assertThat(decide(has(NEW, 0), has(OLD, 5)))
        .as("a crashed coordinator's unacknowledged value loses to the replicas that remember theirs")
        .isEqualTo(new Decision(Outcome.REMEMBERED_WON, Action.REPLACE, true, 5));
  }

  @Test
  void differentValuesNothingToTellThemApartTheGreaterPayloadWinsOnEitherSide() {
    Decision ab = decide(has(OLD, 0), has(NEW, 0));
    Decision ba = decide(has(NEW, 0), has(OLD, 0));

    assertThat(ab).isEqualTo(new Decision(Outcome.TIEBREAK, Action.REPLACE, false, 0));
    assertThat(ba).as("the same winner whichever replica asks").isEqualTo(
        new Decision(Outcome.TIEBREAK, Action.REPLACE, true, 0));
    assertThat(decide(has(OLD, 4), has(NEW, 4)).outcome()).as("the same write, applied in other orders")
        .isEqualTo(Outcome.TIEBREAK);
  }

  @Test
  void aWriteYoungerThanTheSettleTimeIsDeferred() {
    assertThat(decide(has(OLD, 5), has(NEW, SETTLED + 1))).isEqualTo(Decision.DEFER);
    assertThat(decide(has(OLD, SETTLED + 1), KeyVersion.absent(0, 0))).isEqualTo(Decision.DEFER);
  }
}
