package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.handoff.Hints.DC;
import static org.vertxdynomite.handoff.Hints.NODE;
import static org.vertxdynomite.handoff.Hints.hint;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertxdynomite.testutil.Poll;

class HintReplayerUnitTests {

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  /** The periodic look is an hour apart unless a test wants it: timers in the tests are the replayer's own. */
  private static final long HOUR = 3_600_000;

  private static Vertx vertx;

  @TempDir
  Path dir;

  private final List<Hint> delivered = Collections.synchronizedList(new ArrayList<>());
  private final Set<Integer> failOnce = Collections.synchronizedSet(new HashSet<>());
  private volatile Predicate<Hint> failAlways = h -> false;
  private Context context;
  private ManualClock clock;
  private HintLog log;
  private HintReplayer replayer;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  @AfterEach
  void closeLog() throws Exception {
    if (replayer != null) {
      replayer.stop();
    }
    if (log != null) {
      await(log.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static HandoffSettings settings(Path dir, int rate, int batch, long retryMs) {
    return new HandoffSettings(dir, 1 << 20, 60_000, 1000, rate, batch, 1 << 20, 1 << 16, retryMs, 1000, 30_000);
  }

  // Delivery as the coordinator would do it: here recorded, failing the hints the test asks for.
  private Future<Void> deliver(Hint h) {
    delivered.add(h);
    int i = (int) (h.timestamp() - 1000);
    if (failOnce.remove(i) || failAlways.test(h)) {
      return Future.failedFuture("target did not apply " + i);
    }
    return Future.succeededFuture();
  }

  private void start(HandoffSettings settings, int hints) throws Exception {
    start(settings, hints, this::deliver);
  }

  private void start(HandoffSettings settings, int hints, Function<Hint, Future<Void>> deliver) throws Exception {
    log = await(HintLog.open(vertx, settings));
    for (int i = 0; i < hints; i++) {
      await(log.append(hint(NODE, i)));
    }
    context = vertx.getOrCreateContext();
    clock = new ManualClock(context);
    replayer = new HintReplayer(log, deliver, settings, clock, context);
    replayer.start();
  }

  private List<Integer> deliveredIndexes() {
    synchronized (delivered) {
      return delivered.stream().map(h -> (int) (h.timestamp() - 1000)).toList();
    }
  }

  private List<Integer> awaitDelivered(int count) throws Exception {
    return Poll.until(PATIENCE, this::deliveredIndexes, d -> d.size() >= count);
  }

  private long awaitPending(long count) throws Exception {
    return Poll.until(PATIENCE, () -> log.stats().pending(), p -> p == count);
  }

  /** Waits until the replayer has set a timer {@code delayMs} from now (it is then idle until the clock moves). */
  private List<Long> awaitTimer(long delayMs) throws Exception {
    List<Long> delays = Poll.until(PATIENCE, clock::pendingDelays, d -> d.contains(delayMs));
    assertThat(delays).as("timers set").contains(delayMs);
    return delays;
  }

  @Test
  void pendingHintsAreDeliveredInLogOrderOnceTheTargetIsUpAndThenAcknowledged() throws Exception {
    start(settings(dir, 1000, 64, HOUR), 20);
    replayer.targetUp(NODE);

    assertThat(awaitDelivered(20)).containsExactlyElementsOf(range(0, 20));
    assertThat(awaitPending(0)).isZero();
    assertThat(delivered.get(3)).isEqualTo(hint(NODE, 3));
    assertThat(log.stats().replayed()).isEqualTo(20);
    assertThat(log.stats().failed()).isZero();
  }

  @Test
  void nothingIsDeliveredToATargetThatIsDownEvenOnThePeriodicLook() throws Exception {
    start(settings(dir, 1000, 64, 1000), 3);
    await(log.append(hint(DC, 7)));
    replayer.targetUp(DC);
    awaitDelivered(1);

    awaitTimer(1000);
    clock.advance(1000);
    awaitTimer(1000);
    replayer.targetDown(DC);
    await(log.append(hint(DC, 8)));
    clock.advance(1000);
    awaitTimer(1000);

    assertThat(deliveredIndexes()).containsExactly(7);
    assertThat(log.stats().pendingByTarget()).containsEntry(NODE, 3L).containsEntry(DC, 1L);
  }

  @Test
  void batchesArePacedByTheReplayRate() throws Exception {
    start(settings(dir, 10, 5, HOUR), 12);
    replayer.targetUp(NODE);

    assertThat(awaitTimer(500)).as("5 hints at 10/s: the next batch waits 500 ms").contains(500L);
    assertThat(deliveredIndexes()).containsExactly(0, 1, 2, 3, 4);
    clock.advance(499);
    assertThat(deliveredIndexes()).hasSize(5);
    clock.advance(1);
    assertThat(awaitDelivered(10)).containsExactlyElementsOf(range(0, 10));
    awaitTimer(500);
    assertThat(deliveredIndexes()).hasSize(10);
    clock.advance(500);
    assertThat(awaitDelivered(12)).containsExactlyElementsOf(range(0, 12));
    assertThat(awaitPending(0)).isZero();
  }

  @Test
  void aFailedDeliveryBacksOffThenResumesFromTheFirstUnacknowledgedHint() throws Exception {
    start(settings(dir, 1000, 5, HOUR), 5);
    failOnce.add(2);
    replayer.targetUp(NODE);

    awaitTimer(1000);
    assertThat(deliveredIndexes()).containsExactly(0, 1, 2, 3, 4);
    assertThat(awaitPending(3)).as("acknowledged up to the failure").isEqualTo(3);
    assertThat(log.stats().failed()).isEqualTo(1);
    clock.advance(999);
    assertThat(deliveredIndexes()).hasSize(5);
    clock.advance(1);

    assertThat(awaitDelivered(8)).containsExactly(0, 1, 2, 3, 4, 2, 3, 4);
    assertThat(awaitPending(0)).isZero();
    assertThat(log.stats().replayed()).isEqualTo(5);
  }

  @Test
  void theBackOffDoublesUpToItsMaximumAndATargetUpEndsIt() throws Exception {
    start(settings(dir, 1000, 5, HOUR), 1);
    failAlways = h -> true;
    replayer.targetUp(NODE);

    for (long pause : new long[] {1000, 2000, 4000, 8000, 16000, 30000, 30000}) {
      assertThat(awaitTimer(pause)).doesNotContain(pause / 2);
      clock.advance(pause);
    }
    awaitTimer(30000);
    int attempts = deliveredIndexes().size();
    assertThat(attempts).as("one attempt, then one after each pause").isEqualTo(8);
    failAlways = h -> false;
    replayer.targetUp(NODE);

    awaitTimer(1); // the rate limit: the last attempt took this millisecond's permit
    clock.advance(1);
    assertThat(awaitPending(0)).isZero();
    assertThat(deliveredIndexes()).hasSize(attempts + 1);
  }

  @Test
  void acknowledgedHintsAreNeverDeliveredAgainNotEvenAfterReopeningTheLog() throws Exception {
    HandoffSettings settings = settings(dir, 1000, 64, 1000);
    start(settings, 4);
    replayer.targetUp(NODE);
    awaitDelivered(4);
    awaitPending(0);

    replayer.targetDown(NODE);
    replayer.targetUp(NODE);
    clock.advance(1000);
    awaitTimer(1000);
    replayer.stop();
    await(log.close());
    log = await(HintLog.open(vertx, settings));

    assertThat(log.stats().pending()).isZero();
    assertThat(deliveredIndexes()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aHintWrittenWhileTheTargetIsUpIsDeliveredWithoutWaitingForThePeriodicLook() throws Exception {
    start(settings(dir, 1000, 64, HOUR), 0);
    replayer.targetUp(NODE);
    await(log.append(hint(NODE, 5)));
    replayer.hinted(NODE);

    assertThat(awaitDelivered(1)).containsExactly(5);
    assertThat(awaitPending(0)).isZero();
  }

  @Test
  void aTargetGoingDownStopsReplayAfterTheBatchInFlightWhichIsStillAcknowledged() throws Exception {
    List<Promise<Void>> inFlight = Collections.synchronizedList(new ArrayList<>());
    start(settings(dir, 1000, 2, HOUR), 5, h -> {
      delivered.add(h);
      Promise<Void> p = Promise.promise();
      inFlight.add(p);
      return p.future();
    });
    replayer.targetUp(NODE);
    awaitDelivered(2);

    replayer.targetDown(NODE);
    Poll.until(PATIENCE, () -> inFlight.size(), n -> n == 2);
    context.runOnContext(v -> inFlight.forEach(Promise::complete));

    assertThat(awaitPending(3)).isEqualTo(3);
    clock.advance(10_000);
    assertThat(deliveredIndexes()).containsExactly(0, 1);
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> r = new ArrayList<>();
    for (int i = from; i < to; i++) {
      r.add(i);
    }
    return r;
  }
}
