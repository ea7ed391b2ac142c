package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class EmbeddedDatastoreUnitTests {

  private final Vertx vertx = Vertx.vertx();
  private final EmbeddedDatastore ds = new EmbeddedDatastore(vertx,
      EmbeddedOptions.builder().activeExpirePeriodMillis(10).build());

  @AfterEach
  void close() throws Exception {
    ds.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String text(Reply r) {
    return r.toBuffer().toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code action} on a fresh event-loop context and returns that context. */
  private Context onContext(java.util.function.Consumer<Context> action) throws Exception {
    Context ctx = vertx.getOrCreateContext();
    CountDownLatch done = new CountDownLatch(1);
    ctx.runOnContext(v -> {
      action.accept(ctx);
      done.countDown();
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    return ctx;
  }

  @Test
  void ordinaryCommandsReturnAnAlreadyCompletedFuture() {
    Future<Reply> f = ds.execute(RespRequest.of("SET", "k", "v"), null);
    assertThat(f.isComplete()).isTrue();
    assertThat(text(f.result())).isEqualTo("+OK\r\n");
    Future<Reply> err = ds.execute(RespRequest.of("INCR", "k"), null);
    assertThat(err.succeeded()).isTrue();
    assertThat(err.result()).isInstanceOf(RespError.class);
  }

  @Test
  void aBlockedPopCompletesOnTheCallersOwnContext() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    CompletableFuture<Context> completedOn = new CompletableFuture<>();
    Context caller = onContext(ctx -> ds.execute(RespRequest.of("BLPOP", "q", "0"), null).onComplete(ar -> {
      completedOn.complete(Vertx.currentContext());
      reply.complete(text(ar.result()));
    }));
    onContext(ctx -> ds.execute(RespRequest.of("RPUSH", "q", "x"), null));
    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\nx\r\n");
    assertThat(completedOn.get(5, TimeUnit.SECONDS)).isSameAs(caller);
  }

  @Test
  void aTimedOutPopAnswersNilOnTheCallersContext() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    CompletableFuture<Context> completedOn = new CompletableFuture<>();
    long start = System.nanoTime();
    Context caller = onContext(ctx -> ds.execute(RespRequest.of("BRPOP", "q", "0.2"), null).onComplete(ar -> {
      completedOn.complete(Vertx.currentContext());
      reply.complete(text(ar.result()));
    }));
    assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("*-1\r\n");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(190);
    assertThat(completedOn.get(5, TimeUnit.SECONDS)).isSameAs(caller);
  }

  @Test
  void cancellingABlockedCommandFailsItsFutureAndUnblocksIt() throws Exception {
    EmbeddedDatastore.Pending p = ds.executeCancellable(RespRequest.of("BLPOP", "q", "0"));
    assertThat(ds.store().blockedCount()).isEqualTo(1);
    assertThat(p.cancel()).isTrue();
    assertThat(p.future().failed()).isTrue();
    assertThat(p.future().cause().getMessage()).isEqualTo("ERR Storage: blocked command cancelled");
    assertThat(ds.store().blockedCount()).isZero();
    ds.execute(RespRequest.of("RPUSH", "q", "x"), null);
    assertThat(text(ds.execute(RespRequest.of("LLEN", "q"), null).result())).isEqualTo(":1\r\n");
  }

  @Test
  void activeExpiryRunsOnATimerOnceStarted() throws Exception {
    ds.start();
    for (int i = 0; i < 100; i++) {
      ds.execute(RespRequest.of("SET", "k" + i, "v", "PX", "20"), null);
    }
    long deadline = System.currentTimeMillis() + 5000;
    while (ds.store().dbSize() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ds.store().dbSize()).isZero();
  }

  @Test
  void consumersAndProducersOnManyEventLoopsGetEveryElementExactlyOnce() throws Exception {
    int consumers = 8;
    int perConsumer = 200;
    Set<String> received = ConcurrentHashMap.newKeySet();
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(consumers * perConsumer);
    for (int c = 0; c < consumers; c++) {
      Context ctx = vertx.getOrCreateContext();
      ctx.runOnContext(v -> consume(ctx, perConsumer, received, duplicates, all));
    }
    Set<String> sent = new HashSet<>();
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int id = p;
      List<String> mine = new ArrayList<>();
      for (int i = 0; i < consumers * perConsumer / 4; i++) {
        mine.add(id + ":" + i);
      }
      sent.addAll(mine);
      Thread t = new Thread(() -> mine.forEach(e -> ds.execute(RespRequest.of("LPUSH", "q" + (e.hashCode() & 1), e), null)));
      producers.add(t);
    }
    producers.forEach(Thread::start);
    for (Thread t : producers) {
      t.join(30_000);
    }
    assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(duplicates).isEmpty();
    assertThat(received).isEqualTo(sent);
    assertThat(ds.store().blockedCount()).isZero();
  }

  /** One consumer on its context: pops {@code left} elements, one blocking pop at a time. */
  private void consume(Context ctx, int left, Set<String> received, List<String> duplicates, CountDownLatch all) {
    if (left == 0) {
      return;
    }
    ds.execute(RespRequest.of("BLPOP", "q0", "q1", "0"), null).onComplete(ar -> {
      assertThat(Vertx.currentContext()).isSameAs(ctx);
      String reply = text(ar.result());
      String element = reply.substring(reply.lastIndexOf("$")).split("\r\n")[1];
      if (!received.add(element)) {
        duplicates.add(element);
      }
      all.countDown();
      consume(ctx, left - 1, received, duplicates, all);
    });
  }
}
