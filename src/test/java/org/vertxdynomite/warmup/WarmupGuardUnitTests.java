package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupGuardUnitTests {

  private static final byte[] K = "k".getBytes();
  private final WarmupGuard guard = new WarmupGuard();

  @Test
  void anInactiveGuardRecordsNothing() {
    assertThat(guard.beforeWrite(List.of(K)).succeeded()).isTrue();
    guard.activate();
    assertThat(guard.claim(K)).isNotNull();
  }

  @Test
  void aKeyWrittenDuringWarmupIsNotRestored() {
    guard.activate();
    assertThat(guard.beforeWrite(List.of(K)).succeeded()).isTrue();

    assertThat(guard.claim(K)).isNull();
    assertThat(guard.claim("other".getBytes())).isNotNull();
    assertThat(guard.writtenKeys()).isEqualTo(1);
  }

  @Test
  void aDeleteDuringWarmupKeepsItsKeyFromComingBack() {
    // A DEL is a write like any other: recorded, so the older streamed copy is skipped.
    guard.activate();
    guard.beforeWrite(List.of("gone".getBytes()));

    assertThat(guard.claim("gone".getBytes())).isNull();
  }

  @Test
  void aWriteArrivingWhileItsKeyIsRestoredWaitsForTheRestoreAndThenStaysRecorded() {
    guard.activate();
    WarmupGuard.Claim claim = guard.claim(K);
    Future<Void> first = guard.beforeWrite(List.of(K));
    Future<Void> second = guard.beforeWrite(List.of(K));
    List<String> order = new ArrayList<>();
    first.onSuccess(v -> order.add("first"));
    second.onSuccess(v -> order.add("second"));

    assertThat(first.isComplete()).isFalse();
    assertThat(second.isComplete()).isFalse();
    claim.release();

    assertThat(order).containsExactly("first", "second");
    assertThat(guard.claim(K)).as("a later copy of the written key").isNull();
  }

  @Test
  void aRestoredKeyWithoutWritesCanBeClaimedAgain() {
    // A re-scan after a donor failure sends the key again; RESTORE without REPLACE then refuses it.
    guard.activate();
    guard.claim(K).release();

    assertThat(guard.claim(K)).isNotNull();
  }

  @Test
  void deactivatingForgetsEveryKey() {
    guard.activate();
    guard.beforeWrite(List.of(K));
    guard.deactivate();
    guard.activate();

    assertThat(guard.claim(K)).isNotNull();
    assertThat(guard.active()).isTrue();
  }

  @Test
  void aCopyReadAtADonorThatHadNotAppliedAFlushStartedHereDuringTheWarmupIsRefused() {
    java.util.concurrent.atomic.AtomicLong flushStarted = new java.util.concurrent.atomic.AtomicLong(40);
    guard.followFlushes(flushStarted::get);
    guard.activate();
    assertThat(guard.claim(K, 0)).as("a flush before the warm-up does not count").isNotNull();

    flushStarted.set(100);

    assertThat(guard.flushedSince(99)).isTrue();
    assertThat(guard.claim("a".getBytes(), 99)).as("read before the donor applied the flush").isNull();
    assertThat(guard.claim("b".getBytes(), 100)).as("read after the donor applied it").isNotNull();
    assertThat(guard.claim("c".getBytes(), 200)).isNotNull();
  }

  @Test
  void aFlushWaitsForTheRestoresClaimedBeforeIt() {
    guard.activate();
    WarmupGuard.Claim claim = guard.claim(K, 0);

    Future<Void> flush = guard.beforeFlush();
    assertThat(flush.isComplete()).as("a copy is being restored").isFalse();
    claim.release();
    assertThat(flush.succeeded()).isTrue();
    assertThat(guard.beforeFlush().succeeded()).as("nothing being restored").isTrue();
  }

  @Test
  void aKeyOnlyMergedIntoDuringWarmupGetsAReplacingClaimAndAWholeValueWriteEndsThat() {
    guard.activate();
    guard.beforeWrite(List.of(K), false);

    WarmupGuard.Claim claim = guard.claim(K);
    assertThat(claim).isNotNull();
    assertThat(claim.replace()).isTrue();
    claim.release(false);
    assertThat(guard.claim(K)).as("not restored: still merged, asked again").isNotNull();

    byte[] set = "set".getBytes();
    guard.beforeWrite(List.of(set), false);
    guard.beforeWrite(List.of(set), true);
    assertThat(guard.claim(set)).as("a SET came too").isNull();
  }

  @Test
  void aReplacingCopyRestoredLeavesTheKeyUnrecorded() {
    guard.activate();
    guard.beforeWrite(List.of(K), false);
    guard.claim(K).release(true);

    WarmupGuard.Claim again = guard.claim(K);
    assertThat(again).isNotNull();
    assertThat(again.replace()).as("a later copy (another donor) only fills a missing key").isFalse();
  }
}
