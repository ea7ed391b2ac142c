package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.handoff.Hints.NODE;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hint log holds a bounded number of bytes in memory while its disk is busy. */
class HintLogQueueUnitTests {

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void appendsBeyondTheQueueBoundAreRefusedAsBusyWhileTheDiskIsStuckAndAcceptedOnceItCatchesUp() throws Exception {
    HintCounters counters = new HintCounters();
    HintLog log = HintLog.open(vertx, Hints.settings(dir), counters, 1000).await(10, TimeUnit.SECONDS);
    CountDownLatch stuck = new CountDownLatch(1);
    Future<Object> blocker = log.call(s -> {
      try {
        stuck.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });

    List<Future<Void>> accepted = new ArrayList<>();
    List<Throwable> refused = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Future<Void> f = log.append(Hints.hint(NODE, i));
      if (f.failed()) {
        refused.add(f.cause());
      } else {
        accepted.add(f);
      }
    }
    // A hint of 3 arguments counts 64 + 3 × 16 + its bytes ≈ 120: about 8 fit in 1000 bytes.
    assertThat(accepted).hasSizeBetween(5, 10);
    assertThat(refused).hasSize(100 - accepted.size()).allMatch(e -> e == HandoffError.BUSY);
    assertThat(counters.refused()).isEqualTo(refused.size());

    stuck.countDown();
    blocker.await(10, TimeUnit.SECONDS);
    Future.all(accepted).await(10, TimeUnit.SECONDS);
    assertThat(log.append(Hints.hint(NODE, 200)).await(10, TimeUnit.SECONDS)).isNull();
    assertThat(counters.pending()).isEqualTo(accepted.size() + 1);
    log.close().await(10, TimeUnit.SECONDS);
  }
}
