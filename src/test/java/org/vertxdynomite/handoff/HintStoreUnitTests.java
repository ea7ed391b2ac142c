package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.handoff.Hints.DC;
import static org.vertxdynomite.handoff.Hints.NEVER;
import static org.vertxdynomite.handoff.Hints.NODE;
import static org.vertxdynomite.handoff.Hints.hint;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintStoreUnitTests {

  @TempDir
  Path dir;

  private final HintCounters counters = new HintCounters();
  private HintStore store;

  @AfterEach
  void closeStore() throws IOException {
    if (store != null) {
      store.close();
    }
  }

  private HintStore open(HandoffSettings settings) throws IOException {
    if (store != null) {
      store.close();
    }
    store = HintStore.open(settings, counters);
    return store;
  }

  private static List<Hint> hints(List<StoredHint> stored) {
    return stored.stream().map(StoredHint::hint).toList();
  }

  private static List<Long> seqs(List<StoredHint> stored) {
    return stored.stream().map(StoredHint::seq).toList();
  }

  private Path targetDir(HintTarget target) {
    return dir.resolve(target.directoryName());
  }

  private List<Path> segmentFiles(HintTarget target) throws IOException {
    if (!Files.isDirectory(targetDir(target))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(targetDir(target))) {
      return files.filter(f -> f.toString().endsWith(".hints")).sorted().toList();
    }
  }

  @Test
  void hintsAreReadBackInAppendOrderWithEveryFieldAndBinaryArgumentsIntact() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 4; i++) {
      store.append(hint(NODE, i));
    }
    List<StoredHint> read = store.read(NODE, 10, 1 << 20, 0);

    assertThat(hints(read)).containsExactly(hint(NODE, 0), hint(NODE, 1), hint(NODE, 2), hint(NODE, 3));
    assertThat(seqs(read)).containsExactly(0L, 1L, 2L, 3L);
    assertThat(read.get(3).hint().request().arg(2)).containsExactly(0, 0xff, '\r', '\n', 3);
    assertThat(counters.written()).isEqualTo(4);
    assertThat(counters.pendingByTarget()).containsEntry(NODE, 4L);
  }

  @Test
  void aReadReturnsAtMostTheAskedNumberOfHintsAndAtLeastOneWhateverTheByteBudget() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 5; i++) {
      store.append(hint(NODE, i));
    }

    assertThat(seqs(store.read(NODE, 3, 1 << 20, 0))).containsExactly(0L, 1L, 2L);
    assertThat(seqs(store.read(NODE, 3, 1, 0))).containsExactly(0L);
  }

  @Test
  void eachTargetHasItsOwnLogInItsOwnDirectory() throws IOException {
    open(Hints.settings(dir));
    store.append(hint(NODE, 1));
    store.append(hint(DC, 2));
    store.append(hint(NODE, 3));

    assertThat(hints(store.read(NODE, 10, 1 << 20, 0))).containsExactly(hint(NODE, 1), hint(NODE, 3));
    assertThat(hints(store.read(DC, 10, 1 << 20, 0))).containsExactly(hint(DC, 2));
    assertThat(Files.isDirectory(dir.resolve("node-dc1_2Frack1_2F127.0.0.1_3A8101"))).isTrue();
    assertThat(Files.isDirectory(dir.resolve("dc-dc2"))).isTrue();
  }

  @Test
  void reopeningTheDirectoryFindsEveryTargetsPendingHints() throws IOException {
    open(Hints.settings(dir, 1 << 20, 200));
    for (int i = 0; i < 5; i++) {
      store.append(hint(NODE, i));
    }
    store.append(hint(DC, 9));
    open(Hints.settings(dir, 1 << 20, 200));

    assertThat(store.targets()).containsExactlyInAnyOrder(NODE, DC);
    assertThat(counters.pendingByTarget()).containsEntry(NODE, 5L).containsEntry(DC, 1L);
    assertThat(hints(store.read(NODE, 10, 1 << 20, 0))).hasSize(5).first().isEqualTo(hint(NODE, 0));
    assertThat(hints(store.read(DC, 10, 1 << 20, 0))).containsExactly(hint(DC, 9));
  }

  @Test
  void acknowledgedHintsAreNotReadAgainAfterARestart() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 5; i++) {
      store.append(hint(NODE, i));
    }
    store.acknowledge(NODE, 3);
    open(Hints.settings(dir));

    assertThat(seqs(store.read(NODE, 10, 1 << 20, 0))).containsExactly(3L, 4L);
    assertThat(store.pending(NODE)).isEqualTo(2);
  }

  @Test
  void acknowledgementsNotYetSyncedAreReadAgainAfterACrash() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 5; i++) {
      store.append(hint(NODE, i));
    }
    store.sync();
    store.acknowledge(NODE, 3);
    // A crash: the store is never closed or synced again; a new process opens the directory.
    HintStore crashed = store;
    store = HintStore.open(Hints.settings(dir), new HintCounters());

    assertThat(seqs(store.read(NODE, 10, 1 << 20, 0))).as("at least once").containsExactly(0L, 1L, 2L, 3L, 4L);
    crashed.close();
  }

  @Test
  void aReadAfterAPartialAcknowledgementResumesAtTheFirstUnacknowledgedHint() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 6; i++) {
      store.append(hint(NODE, i));
    }
    assertThat(seqs(store.read(NODE, 4, 1 << 20, 0))).containsExactly(0L, 1L, 2L, 3L);
    store.acknowledge(NODE, 2);

    assertThat(seqs(store.read(NODE, 10, 1 << 20, 0))).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  void aTornTailIsCutOnOpenAndAppendingContinuesAfterTheLastWholeHint() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 3; i++) {
      store.append(hint(NODE, i));
    }
    store.close();
    store = null;
    Path segment = segmentFiles(NODE).get(0);
    long size = Files.size(segment);
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      f.setLength(size - 3); // kill -9 in the middle of the last write
    }

    open(Hints.settings(dir));
    assertThat(store.pending(NODE)).isEqualTo(2);
    assertThat(Files.size(segment)).isEqualTo(size - Hints.frameSize());
    store.append(hint(NODE, 7));
    assertThat(hints(store.read(NODE, 10, 1 << 20, 0))).containsExactly(hint(NODE, 0), hint(NODE, 1), hint(NODE, 7));
  }

  @Test
  void aCrcMismatchInTheLastSegmentIsDetectedOnOpenAndCutFromThere() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 3; i++) {
      store.append(hint(NODE, i));
    }
    store.close();
    store = null;
    Path segment = segmentFiles(NODE).get(0);
    flipByte(segment, Segment.HEADER + Hints.frameSize() + HintCodec.FRAME_HEADER + 20); // inside hint 1's body

    open(Hints.settings(dir));
    assertThat(hints(store.read(NODE, 10, 1 << 20, 0))).containsExactly(hint(NODE, 0));
    assertThat(Files.size(segment)).isEqualTo(Segment.HEADER + Hints.frameSize());
  }

  @Test
  void aCrcMismatchInAnEarlierSegmentDropsTheRestOfThatSegmentAndCountsItAsCorrupt() throws IOException {
    int twoPerSegment = Segment.HEADER + 2 * Hints.frameSize();
    open(Hints.settings(dir, 1 << 20, twoPerSegment));
    for (int i = 0; i < 6; i++) {
      store.append(hint(NODE, i));
    }
    store.close();
    store = null;
    assertThat(segmentFiles(NODE)).hasSize(3);
    flipByte(segmentFiles(NODE).get(0), Segment.HEADER + Hints.frameSize() + HintCodec.FRAME_HEADER + 20);

    open(Hints.settings(dir, 1 << 20, twoPerSegment));
    List<StoredHint> first = store.read(NODE, 10, 1 << 20, 0);
    assertThat(seqs(first)).as("the hints before the damage come first").containsExactly(0L);
    store.acknowledge(NODE, 1);
    assertThat(seqs(store.read(NODE, 10, 1 << 20, 0))).containsExactly(2L, 3L, 4L, 5L);
    assertThat(counters.corrupt()).isEqualTo(1);
    assertThat(segmentFiles(NODE)).hasSize(2);
  }

  @Test
  void anAppendThatWouldPassTheSizeBoundIsRefusedAndCounted() throws IOException {
    long threeHints = Segment.HEADER + 3L * Hints.frameSize();
    open(Hints.settings(dir, threeHints, 1 << 16));
    for (int i = 0; i < 3; i++) {
      store.append(hint(NODE, i));
    }

    assertThatThrownBy(() -> store.append(hint(DC, 3))).isSameAs(HandoffError.FULL);
    assertThat(((HandoffError) HandoffError.FULL).reason()).isEqualTo(HandoffError.Reason.FULL);
    assertThat(counters.refused()).isEqualTo(1);
    assertThat(store.pending(NODE)).isEqualTo(3);
    assertThat(store.pending(DC)).isZero();
    assertThat(store.bytes()).isEqualTo(threeHints);
  }

  @Test
  void acknowledgedSegmentsGiveTheirSpaceBackToTheBound() throws IOException {
    long threeHints = Segment.HEADER + 3L * Hints.frameSize();
    open(Hints.settings(dir, threeHints, 1 << 16));
    for (int i = 0; i < 3; i++) {
      store.append(hint(NODE, i));
    }
    store.acknowledge(NODE, 3);

    store.append(hint(NODE, 3));
    assertThat(store.bytes()).isEqualTo(Segment.HEADER + Hints.frameSize());
  }

  @Test
  void expiredHintsAreDroppedOnReadCountedAndNotReadAgain() throws IOException {
    open(Hints.settings(dir));
    store.append(hint(NODE, 0, 100));
    store.append(hint(NODE, 1, 100));
    store.append(hint(NODE, 2, NEVER));
    store.append(hint(NODE, 3, 100));
    store.append(hint(NODE, 4, NEVER));

    List<StoredHint> first = store.read(NODE, 10, 1 << 20, 200);
    assertThat(seqs(first)).as("an expired hint after a live one ends the batch").containsExactly(2L);
    assertThat(counters.expired()).isEqualTo(2);
    store.acknowledge(NODE, 3);
    assertThat(seqs(store.read(NODE, 10, 1 << 20, 200))).containsExactly(4L);
    assertThat(counters.expired()).isEqualTo(3);
    assertThat(store.pending(NODE)).isEqualTo(1);
  }

  @Test
  void dropExpiredClearsTargetsNobodyReplaysToButLeavesLiveHintsAndSkippedTargets() throws IOException {
    open(Hints.settings(dir));
    store.append(hint(NODE, 0, 100));
    store.append(hint(NODE, 1, NEVER));
    store.append(hint(DC, 2, 100));

    store.dropExpired(200, java.util.Set.of(DC));
    assertThat(store.pending(NODE)).isEqualTo(1);
    assertThat(store.pending(DC)).isEqualTo(1);
    store.dropExpired(200, java.util.Set.of());
    assertThat(store.pending(DC)).isZero();
    assertThat(counters.expired()).isEqualTo(2);
    assertThat(seqs(store.read(NODE, 10, 1 << 20, 200))).containsExactly(1L);
  }

  @Test
  void aFullyAcknowledgedSegmentFileIsDeletedAndADrainedTargetLeavesNoFiles() throws IOException {
    open(Hints.settings(dir, 1 << 20, Segment.HEADER + 2 * Hints.frameSize()));
    for (int i = 0; i < 4; i++) {
      store.append(hint(NODE, i));
    }
    assertThat(segmentFiles(NODE)).hasSize(2);

    store.acknowledge(NODE, 1);
    assertThat(segmentFiles(NODE)).hasSize(2);
    store.acknowledge(NODE, 2);
    assertThat(segmentFiles(NODE)).extracting(p -> p.getFileName().toString())
        .containsExactly("00000000000000000002.hints");
    store.acknowledge(NODE, 4);
    assertThat(targetDir(NODE)).doesNotExist();
    assertThat(store.targets()).isEmpty();
    assertThat(counters.pendingByTarget()).isEmpty();
  }

  @Test
  void acknowledgingNeverMovesTheCursorBackOrPastTheLastHint() throws IOException {
    open(Hints.settings(dir));
    for (int i = 0; i < 3; i++) {
      store.append(hint(NODE, i));
    }
    store.acknowledge(NODE, 2);
    store.acknowledge(NODE, 1);
    assertThat(store.pending(NODE)).isEqualTo(1);
    store.acknowledge(NODE, 99);
    assertThat(store.pending(NODE)).isZero();
  }

  @Test
  void filesThatAreNotTargetLogsAreLeftAlone() throws IOException {
    Files.createDirectories(dir.resolve("lost+found"));
    open(Hints.settings(dir));
    assertThat(store.targets()).isEmpty();
    assertThat(dir.resolve("lost+found")).isDirectory();
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x5a);
    }
  }
}
