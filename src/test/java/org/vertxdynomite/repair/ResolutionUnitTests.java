package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.repair.Decision.Action.COPY;
import static org.vertxdynomite.repair.Decision.Action.DELETE;
import static org.vertxdynomite.repair.Decision.Action.NONE;
import static org.vertxdynomite.repair.Decision.Action.REPLACE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.repair.Decision.Outcome;

class ResolutionUnitTests {

  private static final long SETTLED = 1_000_000;
  /** The bound on forgotten writes of a fence that started after everything here was written. */
  private static final long RESTARTED = 900_000;
  private static final byte[] OLD = "old".getBytes();
  private static final byte[] NEW = "new".getBytes();

  /** Present, the write remembered at {@code newest} (a whole-value write). */
  private static KeyVersion has(byte[] v, long newest) {
    return KeyVersion.present(v, 0, newest, newest, 0, false);
  }

  /** Present, the write forgotten; every forgotten write is older than {@code before}. */
  private static KeyVersion forgotten(byte[] v, long before) {
    return KeyVersion.present(v, 0, 0, 0, before, false);
  }

  private static KeyVersion knowsNothing() {
    return KeyVersion.absent(0, 0, 1, false);
  }

  private static Decision decide(KeyVersion... versions) {
    return Resolution.decide(List.of(versions), new long[versions.length], SETTLED);
  }

  @Test
  void theSameValueEverywhereNeedsNothingWhateverTheTimestamps() {
    assertThat(decide(has(OLD, 5), forgotten(OLD, 7), has(OLD, 3)).outcome()).isEqualTo(Outcome.EQUAL);
  }

  @Test
  void aKeyMissingWhereNothingIsKnownOfItIsCopiedThereUnderItsTimestamp() {
    Decision d = decide(has(NEW, 7), knowsNothing());

    assertThat(d).isEqualTo(new Decision(Outcome.MISSING_COPIED, List.of(NONE, COPY), 0, 7));
  }

  @Test
  void aValueNoFenceRemembersIsCopiedToReplicasThatKnowNothingOfTheKey() {
    Decision d = decide(knowsNothing(), forgotten(NEW, RESTARTED), knowsNothing());

    assertThat(d).as("a crashed coordinator's write, on its own replica only")
        .isEqualTo(new Decision(Outcome.MISSING_COPIED, List.of(COPY, NONE, COPY), 1, 0));
  }

  @Test
  void aValueOlderThanADeleteAnotherReplicaRemembersIsDeletedNotCopied() {
    Decision d = decide(has(OLD, 5), KeyVersion.absent(9, 9, 0, false));

    assertThat(d).isEqualTo(new Decision(Outcome.DELETED, List.of(DELETE, NONE), -1, 9));
    assertThat(decide(has(OLD, 9), KeyVersion.absent(9, 9, 0, false)).actions())
        .as("a stale copy that remembers the very DEL it lacks").containsExactly(DELETE, NONE);
  }

  @Test
  void aForgottenValueThatMayBeNewerThanARememberedDeleteIsNotDeleted() {
    Decision d = decide(forgotten(OLD, 12), KeyVersion.absent(9, 9, 0, false));

    assertThat(d.actions()).doesNotContain(DELETE);
  }

  @Test
  void aValueNewerThanTheOtherReplicasDeleteIsCopiedBack() {
    Decision d = decide(has(NEW, 12), KeyVersion.absent(9, 9, 0, false));

    assertThat(d).isEqualTo(new Decision(Outcome.MISSING_COPIED, List.of(NONE, COPY), 0, 12));
  }

  @Test
  void aFlushNewerThanTheValueKeepsTheKeyAwayAndCountsAsUnresolved() {
    assertThat(Resolution.decide(List.of(has(OLD, 5), knowsNothing()), new long[] {0, 8}, SETTLED).outcome())
        .isEqualTo(Outcome.UNRESOLVED);
    assertThat(Resolution.decide(List.of(forgotten(OLD, 2), knowsNothing()), new long[] {3, 8}, SETTLED).actions())
        .as("a forgotten value is as old as its replica's last flush").containsExactly(NONE, NONE);
    assertThat(Resolution.decide(List.of(forgotten(OLD, 2), knowsNothing()), new long[] {8, 8}, SETTLED).actions())
        .as("both replicas took the same flush: the value came after it").containsExactly(NONE, COPY);
  }

  @Test
  void aNewerMergingWriteThatLeftTheKeyAbsentLeavesItUnresolved() {
    assertThat(decide(has(OLD, 5), KeyVersion.absent(9, 2, 0, false)).outcome()).isEqualTo(Outcome.UNRESOLVED);
  }

  @Test
  void differentValuesARememberedWriteNewerThanAnythingTheOthersCanHoldWins() {
    assertThat(decide(has(OLD, 5), has(NEW, 9)))
        .isEqualTo(new Decision(Outcome.NEWER_WON, List.of(REPLACE, NONE), 1, 9));
    assertThat(decide(has(NEW, 9), forgotten(OLD, 8), knowsNothing()))
        .as("the forgotten value is older than 8").isEqualTo(
            new Decision(Outcome.NEWER_WON, List.of(NONE, REPLACE, COPY), 0, 9));
  }

  @Test
  void aRememberedOldValueDoesNotBeatAForgottenValueThatMayBeNewer() {
    // A replica catching up through hints remembers the first one; the others forgot the newest
    // value's write (its fence slot was taken by another key): their value may be newer.
    Decision d = decide(has(OLD, 5), forgotten(NEW, 20));

    assertThat(d).isEqualTo(Decision.nothing(Outcome.UNRESOLVED, 2));
  }

  @Test
  void withoutANewestWriteKnownForSureTheValueAStrictMajorityHoldsWins() {
    Decision d = decide(has(OLD, 5), forgotten(NEW, 20), forgotten(NEW, 20));

    assertThat(d).isEqualTo(new Decision(Outcome.MAJORITY_WON, List.of(REPLACE, NONE, NONE), 1, 0));
    assertThat(decide(forgotten(NEW, RESTARTED), has(OLD, 5), has(OLD, 5)).actions())
        .as("a crashed coordinator's unacknowledged overwrite loses to the two replicas that acknowledged")
        .containsExactly(REPLACE, NONE, NONE);
    assertThat(decide(has(OLD, 5), forgotten(NEW, 20), forgotten("third".getBytes(), 20)).outcome())
        .as("no majority").isEqualTo(Outcome.UNRESOLVED);
  }

  @Test
  void aWriteYoungerThanTheSettleTimeIsDeferred() {
    assertThat(decide(has(OLD, 5), has(NEW, SETTLED + 1)).outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(decide(has(OLD, SETTLED + 1), knowsNothing()).outcome()).isEqualTo(Outcome.DEFERRED);
  }

  @Test
  void aReplicaStillApplyingAnOldWriteIsDeferredEvenThoughItsTimestampHasSettled() {
    // The fault suite's case: a returning replica replaying its hints holds, and remembers, an
    // early write of the key while the two others hold the acknowledged newest one.
    KeyVersion replaying = KeyVersion.present(OLD, 0, 5, 5, 0, true);
    assertThat(decide(replaying, has(NEW, 9), has(NEW, 9)).outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(decide(has(NEW, 9), KeyVersion.absent(5, 5, 0, true)).outcome()).isEqualTo(Outcome.DEFERRED);
  }
}
