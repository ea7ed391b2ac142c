package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedOptions;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * One warm-up run between two embedded stores in one Vert.x: a donor behind its {@link
 * DonorService}, reached through a relay that can act between the donor's reply and its delivery,
 * and the receiver with its guard and fence.
 */
class WarmupRunUnitTests {

  private static final CommandTable TABLE = CommandTable.get();

  private final NodeInfo self = WarmupNodes.node("self", "dc1", "rack1", 2000, 0);
  private final NodeInfo peer = WarmupNodes.node("peer", "dc1", "rack2", 1000, 0);
  private final NodeInfo realDonor = WarmupNodes.node("real", "dc1", "rack2", 1000, 0);
  private final WriteFence donorFence = new WriteFence(1024);
  private final WriteFence fence = new WriteFence(1024);
  private final WarmupGuard guard = new WarmupGuard();
  private Vertx vertx;
  private Datastore donorStore;
  private Datastore store;
  private Datastore guarded;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    donorStore = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
    store = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
    donorStore.start().await(5, TimeUnit.SECONDS);
    store.start().await(5, TimeUnit.SECONDS);
    guarded = new GuardedDatastore(store, guard);
    guard.followFlushes(fence::flushStartedAt);
    DonorService.start(vertx, realDonor, donorStore, Partitioner.DEFAULT, donorFence).await(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static Reply run(Datastore d, String... args) throws Exception {
    RespRequest r = RespRequest.of(args);
    return d.execute(r, TABLE.lookup(r)).await(5, TimeUnit.SECONDS);
  }

  /** A write stamped {@code ts} applied at the donor as its replica store would: fence, then datastore. */
  private void donorWrite(long ts, boolean overwrites, String... args) throws Exception {
    donorFence.admit(new byte[][] {args[1].getBytes()}, ts, overwrites, false);
    run(donorStore, args);
  }

  /** A FLUSHALL stamped {@code ts} applied here as the replica store does it. */
  private Future<Void> flushHere(long ts) {
    fence.flushStarting(ts);
    RespRequest r = RespRequest.of("FLUSHALL");
    return guarded.execute(r, TABLE.lookup(r)).map(v -> {
      fence.flushed(ts);
      return null;
    });
  }

  /** The same FLUSHALL applied at the donor. */
  private Future<Void> flushDonor(long ts) {
    donorFence.flushStarting(ts);
    RespRequest r = RespRequest.of("FLUSHALL");
    return donorStore.execute(r, TABLE.lookup(r)).map(v -> {
      donorFence.flushed(ts);
      return null;
    });
  }

  /** Relays the warming node's requests to the donor; {@code beforeFirstBatchReply} runs once. */
  private void relay(Supplier<Future<Void>> beforeFirstBatchReply) {
    AtomicBoolean first = new AtomicBoolean(true);
    vertx.eventBus().<JsonObject>consumer(DonorService.address(peer), (Message<JsonObject> m) ->
        vertx.eventBus().<JsonObject>request(DonorService.address(realDonor), m.body()).onComplete(ar -> {
          if (ar.failed()) {
            m.fail(1, ar.cause().getMessage());
            return;
          }
          if ("batch".equals(m.body().getString("op")) && first.getAndSet(false)) {
            beforeFirstBatchReply.get().onComplete(done -> m.reply(ar.result().body()));
          } else {
            m.reply(ar.result().body());
          }
        }));
  }

  private WarmupProgress.Snapshot warmUp() throws Exception {
    guard.activate();
    WarmupProgress progress = new WarmupProgress(System::currentTimeMillis);
    WarmupRun r = new WarmupRun(vertx, Topology.of(self, List.of(peer)), store, guard, fence,
        new WarmupSettings(WarmupMode.OFF, 1000, 0, 2000), progress);
    r.run().await(20, TimeUnit.SECONDS);
    return progress.snapshot();
  }

  @Test
  void copiesReadAtTheDonorBeforeAFlushAppliedHereDuringTheWarmupAreNotRestored() throws Exception {
    for (int i = 0; i < 50; i++) {
      donorWrite(100 + i, true, "SET", "old:" + i, "v");
    }
    // The cluster-wide flush reaches both nodes after the donor read its batch, before it arrives.
    relay(() -> flushDonor(500).compose(v -> flushHere(500)));

    WarmupProgress.Snapshot p = warmUp();

    assertThat(((IntegerReply) run(store, "DBSIZE")).value()).as("nothing older than the flush came back").isZero();
    assertThat(p.skippedFlushed()).isEqualTo(50);
    assertThat(p.copiedKeys()).isZero();
  }

  @Test
  void copiesReadAfterTheDonorAppliedTheFlushAreRestored() throws Exception {
    guard.activate();
    flushHere(500).await(5, TimeUnit.SECONDS);
    flushDonor(500).await(5, TimeUnit.SECONDS);
    donorWrite(600, true, "SET", "new", "v");
    relay(Future::succeededFuture);

    WarmupProgress.Snapshot p = warmUp();

    assertThat(p.copiedKeys()).isEqualTo(1);
    assertThat(((BulkReply) run(store, "GET", "new")).value()).isEqualTo("v".getBytes());
  }

  @Test
  void aRestoredCopyCarriesTheDonorsKnowledgeSoAHintItHoldsIsVoidHere() throws Exception {
    donorWrite(100, true, "SET", "counter", "10");
    donorWrite(200, false, "INCRBY", "counter", "5");
    donorWrite(300, false, "RPUSH", "list", "a");
    relay(Future::succeededFuture);

    WarmupProgress.Snapshot p = warmUp();

    assertThat(p.copiedKeys()).isEqualTo(2);
    byte[][] counter = {"counter".getBytes()};
    assertThat(fence.admit(counter, 200, false, true)).as("the INCRBY's hint, held by the copy").isFalse();
    assertThat(fence.admit(counter, 50, false, false)).as("any write older than the SET the copy holds")
        .isFalse();
    assertThat(fence.admit(new byte[][] {"list".getBytes()}, 300, false, true)).isFalse();
    assertThat(fence.admit(new byte[][] {"list".getBytes()}, 301, false, true)).as("newer than the copy").isTrue();
  }

  /** A write stamped {@code ts} applied here as the replica store does it: fence, guard, datastore. */
  private void localWrite(long ts, boolean overwrites, String... args) throws Exception {
    fence.admit(new byte[][] {args[1].getBytes()}, ts, overwrites, false);
    run(guarded, args);
  }

  private String list(String key) throws Exception {
    StringBuilder out = new StringBuilder();
    for (Reply r : ((org.vertxdynomite.resp.ArrayReply) run(store, "LRANGE", key, "0", "-1")).items()) {
      out.append(new String(((BulkReply) r).value()));
    }
    return out.toString();
  }

  @Test
  void aKeyMergedIntoHereBeforeItsCopyCameIsReplacedByTheCopyThatHoldsTheMerge() throws Exception {
    donorWrite(100, false, "RPUSH", "list", "a", "b");
    donorWrite(100, true, "SET", "expiring", "v");
    guard.activate();
    // During the warm-up, before the copies come: an RPUSH and an EXPIRE reach both nodes.
    donorWrite(200, false, "RPUSH", "list", "x");
    localWrite(200, false, "RPUSH", "list", "x");
    donorWrite(210, false, "EXPIRE", "expiring", "600");
    localWrite(210, false, "EXPIRE", "expiring", "600");
    relay(Future::succeededFuture);

    WarmupProgress.Snapshot p = warmUp();

    assertThat(list("list")).as("the older content and the push, once").isEqualTo("abx");
    assertThat(((IntegerReply) run(store, "TTL", "expiring")).value()).isBetween(590L, 600L);
    assertThat(p.copiedKeys()).isEqualTo(2);
  }

  @Test
  void aCopyLackingAWriteMergedHereIsAskedAgainUntilTheDonorHasIt() throws Exception {
    donorWrite(100, false, "RPUSH", "list", "a");
    guard.activate();
    localWrite(200, false, "RPUSH", "list", "x");
    // The donor applies the same push only after its first copy left.
    relay(() -> {
      vertx.setTimer(50, id -> donorFence.admit(new byte[][] {"list".getBytes()}, 200, false, false));
      vertx.setTimer(50, id -> {
        RespRequest r = RespRequest.of("RPUSH", "list", "x");
        donorStore.execute(r, TABLE.lookup(r));
      });
      return Future.succeededFuture();
    });

    WarmupProgress.Snapshot p = warmUp();

    assertThat(list("list")).isEqualTo("ax");
    assertThat(p.copiedKeys()).isEqualTo(1);
  }

  @Test
  void aCopyThatNeverHoldsTheMergedWriteLeavesTheKeyAsItIs() throws Exception {
    donorWrite(100, false, "RPUSH", "list", "a");
    guard.activate();
    localWrite(200, false, "RPUSH", "list", "x");
    relay(Future::succeededFuture);

    WarmupProgress.Snapshot p = warmUp();

    assertThat(list("list")).isEqualTo("x");
    assertThat(p.copiedKeys()).isZero();
    assertThat(p.skippedWritten()).isEqualTo(1);
  }
}
