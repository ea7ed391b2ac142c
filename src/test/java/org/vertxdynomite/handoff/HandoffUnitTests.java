package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.handoff.Hints.NODE;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.Poll;

class HandoffUnitTests {

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Hint> delivered = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Handoff deploy() throws Exception {
    HandoffSettings settings = HandoffSettings.from(NodeConfig.builder().dataDir(dir).build());
    Handoff handoff = new Handoff(settings, h -> {
      delivered.add(h);
      return Future.succeededFuture();
    });
    await(vertx.deployVerticle(handoff));
    return handoff;
  }

  @Test
  void settingsComeFromTheNodeConfigurationWithTheLogUnderDataDir() {
    NodeConfig config = NodeConfig.builder().dataDir(dir).hintsMaxBytes(2 << 20).hintWindowMs(5000)
        .hintsFsyncMs(20).hintsReplayRate(7).build();
    HandoffSettings s = HandoffSettings.from(config);

    assertThat(s.directory()).isEqualTo(dir.resolve("hints"));
    assertThat(s.maxBytes()).isEqualTo(2 << 20);
    assertThat(s.expiresAt(1000)).isEqualTo(6000);
    assertThat(s.fsyncMs()).isEqualTo(20);
    assertThat(s.replayRate()).isEqualTo(7);
  }

  @Test
  void aWrittenHintIsKeptUntilItsTargetIsUpThenDeliveredWithItsTimestampAndExpiry() throws Exception {
    Handoff handoff = deploy();
    long before = System.currentTimeMillis();
    await(handoff.write(NODE, HintKind.FORWARD, 42, 9, RespRequest.of("SET", "k", "v")));
    assertThat(handoff.stats().pendingByTarget()).containsEntry(NODE, 1L);
    assertThat(delivered).isEmpty();

    handoff.targetUp(NODE);
    Poll.until(Duration.ofSeconds(10), () -> handoff.stats().pending(), p -> p == 0);

    assertThat(delivered).hasSize(1);
    Hint h = delivered.get(0);
    assertThat(h.request()).isEqualTo(RespRequest.of("SET", "k", "v"));
    assertThat(h.timestamp()).isEqualTo(42);
    assertThat(h.orderKey()).isEqualTo(9);
    assertThat(h.expiresAtMillis()).isGreaterThanOrEqualTo(before + NodeConfig.DEFAULT_HINT_WINDOW_MS);
    assertThat(handoff.stats().written()).isEqualTo(1);
    assertThat(handoff.stats().replayed()).isEqualTo(1);
  }

  @Test
  void hintsLeftByAStoppedServiceAreDeliveredByTheNextOne() throws Exception {
    Handoff first = deploy();
    await(first.write(NODE, HintKind.REPLICATE, 1, 1, RespRequest.of("DEL", "k")));
    await(vertx.undeploy(vertx.deploymentIDs().iterator().next()));
    ExecutionException closed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(first.write(NODE, HintKind.FORWARD, 2, 1, RespRequest.of("DEL", "k"))));
    assertThat(closed.getCause()).isSameAs(HandoffError.CLOSED);

    Handoff second = deploy();
    second.targetUp(NODE);
    Poll.until(Duration.ofSeconds(10), () -> second.stats().pending(), p -> p == 0);
    assertThat(delivered).extracting(Hint::kind).containsExactly(HintKind.REPLICATE);
  }
}
