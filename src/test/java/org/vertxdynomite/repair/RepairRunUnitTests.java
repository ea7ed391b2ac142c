package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.warmup.HashRange;

/**
 * Whole repair runs between two replicas in this JVM, each an embedded store with its own write
 * fence; the peer's answers travel through the event-bus JSON ({@link RepairMessages}).
 */
class RepairRunUnitTests extends EmbeddedReplicas {

  /** A run of A with {@code peers} (each answering through the event-bus JSON). */
  private RepairCounts run(long settleMillis, LocalReplica... peers) throws Exception {
    return run(settleMillis, RepairSettings.BUCKETS_PER_SLICE, peers);
  }

  private RepairCounts run(long settleMillis, int bucketsPerSlice, LocalReplica... peers) throws Exception {
    RepairCounts counts = new RepairCounts();
    RepairSettings settings = new RepairSettings(0, 1_000_000, 7, 5000, settleMillis, bucketsPerSlice);
    List<org.vertxdynomite.topology.NodeInfo> nodes = new java.util.ArrayList<>();
    Map<String, LocalReplica> byId = new java.util.HashMap<>();
    for (LocalReplica p : peers) {
      nodes.add(RepairPlanUnitTests.node(p.name(), "dc1", "rack-" + p.name(), NodeState.NORMAL, 0));
      byId.put(p.name(), p);
    }
    RepairRun run = new RepairRun(vertx, a, node -> new OverJson(byId.get(node.id())),
        List.of(new RepairPlan.Group(nodes, List.of(HashRange.ALL))), settings, counts);
    await(run.run());
    assertThat(run.failures()).isEmpty();
    return counts;
  }

  private RepairCounts run(LocalReplica... peers) throws Exception {
    return run(1000, peers);
  }

  @Test
  void aKeyWhoseWriteWasJustAdmittedButNotYetAppliedIsDeferredNotDeletedFromTheOthers() throws Exception {
    // A hint with an old timestamp, admitted by B's fence, still on its way to B's datastore: B
    // remembers a newer whole-value write than A holds and lacks the key. Judged now, that would
    // look like a delete newer than A's value.
    LocalReplica bSettling = new LocalReplica("b", storeB, fenceB, MURMUR, 60_000);
    write(storeA, fenceA, "SET", "k", "old");
    assertThat(fenceB.admit(new byte[][] {"k".getBytes()}, ++ts, true, true)).isTrue();

    RepairCounts c = run(1000, bSettling);

    assertThat(c.get(RepairCounts.Kind.DEFERRED)).isEqualTo(1);
    assertThat(c.get(RepairCounts.Kind.DELETED)).isZero();
    assertThat(get(storeA, "GET", "k")).isEqualTo("$3\r\nold\r\n");
  }

  @Test
  void aReplicaReplayingAnOldHintIsNotTakenForTheNewestOnceTheRunsSettleTimeHasPassed() throws Exception {
    // The long fault run's loss: the returning replica C had just applied a replayed hint of an
    // early write; a stamp of that moment stood in for "too recent", and once the deciding node's
    // settle window had moved past it, it looked newer than the acknowledged value of A and B,
    // which it then overwrote. The run's own settle time (0 here) must not matter.
    write(storeA, fenceA, "SET", "k", "acked");
    write(storeB, fenceB, "SET", "k", "acked");
    long early = ts - 100;
    unfenced(storeC, "SET", "k", "early");
    assertThat(fenceC.admit(new byte[][] {"k".getBytes()}, early, true, true)).isTrue();
    LocalReplica cReplaying = new LocalReplica("c", storeC, fenceC, MURMUR, 60_000);

    RepairCounts counts = run(0, b, cReplaying);

    assertThat(counts.get(RepairCounts.Kind.DEFERRED)).isEqualTo(1);
    assertThat(get(storeA, "GET", "k")).isEqualTo("$5\r\nacked\r\n");
    assertThat(get(storeB, "GET", "k")).isEqualTo("$5\r\nacked\r\n");
  }

  @Test
  void aDecidedKeyIsLoggedWithWhatEachReplicaHeldAndWasSent() {
    String line = RepairRun.describe("k", new Decision(Decision.Outcome.NEWER_WON,
        List.of(Decision.Action.REPLACE, Decision.Action.NONE, Decision.Action.COPY), 1, 9L << 16), List.of(a, b, c),
        List.of(KeyVersion.present("old".getBytes(), 0, 5L << 16, 5L << 16, 0, false),
            KeyVersion.present("newer".getBytes(), 0, 9L << 16, 9L << 16, 0, false),
            KeyVersion.absent(0, 0, 7L << 16, true)));

    assertThat(line).isEqualTo("repair k: NEWER_WON; a REPLACE holds 3 B, newest 5, forgotten before 0;"
        + " b NONE holds 5 B, newest 9, forgotten before 0; c COPY lacks it, newest 0, forgotten before 7, settling");
  }

  @Test
  void equalReplicasAreComparedByDigestAlone() throws Exception {
    for (int i = 0; i < 50; i++) {
      write(storeA, fenceA, "SET", "k" + i, "v" + i);
      write(storeB, fenceB, "SET", "k" + i, "v" + i);
    }

    RepairCounts c = run(b);

    assertThat(c.get(RepairCounts.Kind.COMPARED)).isEqualTo(50);
    assertThat(c.get(RepairCounts.Kind.DIFFERING_BUCKETS)).isZero();
  }

  @Test
  void aKeyOnOneReplicaOnlyIsCopiedToTheOtherWithItsTtl() throws Exception {
    unfenced(storeB, "SET", "lonely", "value", "PX", "100000");
    write(storeA, fenceA, "SET", "other", "x");
    write(storeB, fenceB, "SET", "other", "x");

    RepairCounts c = run(b);

    assertThat(get(storeA, "GET", "lonely")).isEqualTo("$5\r\nvalue\r\n");
    long pttl = Long.parseLong(get(storeA, "PTTL", "lonely").substring(1).strip());
    assertThat(pttl).isBetween(90_000L, 100_000L);
    assertThat(c.get(RepairCounts.Kind.COPIED)).isEqualTo(1);
  }

  @Test
  void manyDifferingBucketsAreRepairedSliceBySlice() throws Exception {
    for (int i = 0; i < 40; i++) {
      unfenced(storeB, "SET", "many" + i, "v" + i);
    }

    RepairCounts c = run(1000, 3, b);

    assertThat(c.get(RepairCounts.Kind.COPIED)).isEqualTo(40);
    assertThat(get(storeA, "DBSIZE")).isEqualTo(":40\r\n");
  }

  @Test
  void aKeyDeletedThroughTheClusterIsNotResurrectedFromAStaleReplicaButDeletedThere() throws Exception {
    write(storeA, fenceA, "SET", "gone", "v1");
    write(storeB, fenceB, "SET", "gone", "v1");
    write(storeA, fenceA, "DEL", "gone");

    RepairCounts c = run(b);

    assertThat(get(storeA, "EXISTS", "gone")).isEqualTo(":0\r\n");
    assertThat(get(storeB, "EXISTS", "gone")).isEqualTo(":0\r\n");
    assertThat(c.get(RepairCounts.Kind.CONFLICT_DELETED)).isEqualTo(1);
    assertThat(c.get(RepairCounts.Kind.COPIED)).isZero();
  }

  @Test
  void differentValuesEndAsTheNewerOnBoth() throws Exception {
    write(storeA, fenceA, "SET", "k", "older");
    write(storeB, fenceB, "SET", "k", "newer");

    RepairCounts c = run(b);

    assertThat(get(storeA, "GET", "k")).isEqualTo("$5\r\nnewer\r\n");
    assertThat(c.get(RepairCounts.Kind.CONFLICT_NEWER)).isEqualTo(1);
    assertThat(c.get(RepairCounts.Kind.REPLACED)).isEqualTo(1);
    assertThat(fenceA.newest("k".getBytes())).as("the copy keeps the winner's timestamp").isEqualTo(ts);
  }

  @Test
  void anUnacknowledgedOverwriteOnARestartedReplicaLosesToTheValueTheOtherTwoHold() throws Exception {
    write(storeA, fenceA, "SET", "k", "acked");
    write(storeB, fenceB, "SET", "k", "acked");
    write(storeC, fenceC, "SET", "k", "acked");
    unfenced(storeB, "SET", "k", "unacked");
    // B restarted: its fence forgot everything, and its value may be newer than what A and C remember.
    LocalReplica restarted = new LocalReplica("b", storeB, new WriteFence(1024), MURMUR);

    RepairCounts counts = run(restarted, c);

    assertThat(get(storeB, "GET", "k")).isEqualTo("$5\r\nacked\r\n");
    assertThat(counts.get(RepairCounts.Kind.CONFLICT_MAJORITY)).isEqualTo(1);
  }

  @Test
  void twoReplicasThatCannotTellWhichValueIsNewerAreLeftAloneAndCounted() throws Exception {
    write(storeA, fenceA, "SET", "k", "one");
    unfenced(storeB, "SET", "k", "two");
    LocalReplica restarted = new LocalReplica("b", storeB, new WriteFence(1024), MURMUR);

    RepairCounts counts = run(restarted);

    assertThat(get(storeA, "GET", "k")).isEqualTo("$3\r\none\r\n");
    assertThat(get(storeB, "GET", "k")).isEqualTo("$3\r\ntwo\r\n");
    assertThat(counts.get(RepairCounts.Kind.CONFLICT_UNRESOLVED)).isEqualTo(1);
  }

  @Test
  void aKeyWrittenWithinTheSettleTimeIsLeftForTheNextRun() throws Exception {
    ts = System.currentTimeMillis() << HybridClock.LOGICAL_BITS;
    write(storeA, fenceA, "SET", "fresh", "v");

    RepairCounts c = run(60_000, b);

    assertThat(get(storeB, "EXISTS", "fresh")).isEqualTo(":0\r\n");
    assertThat(c.get(RepairCounts.Kind.DEFERRED)).isEqualTo(1);
  }

  @Test
  void aRepairWriteIsDroppedWhenTheKeyWasWrittenSinceItWasLookedAt() throws Exception {
    write(storeB, fenceB, "DEL", "k");

    ApplyResult r = await(b.apply(List.of(new RepairWrite(Decision.Action.COPY, "k".getBytes(),
        "never restored".getBytes(), 0, 0, 0, 1))));

    assertThat(r).isEqualTo(new ApplyResult(0, 1, 0));
    assertThat(get(storeB, "EXISTS", "k")).isEqualTo(":0\r\n");
  }

  @Test
  void aCopyOfAKeyThatAppearedMeanwhileDoesNotReplaceIt() throws Exception {
    unfenced(storeA, "SET", "k", "copy");
    RespRequest dump = RespRequest.of("DUMP", "k");
    String bulk = await(storeA.execute(dump, TABLE.lookup(dump))).toBuffer().toString(StandardCharsets.ISO_8859_1);
    byte[] payload = bulk.substring(bulk.indexOf("\r\n") + 2, bulk.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
    unfenced(storeB, "SET", "k", "here");

    ApplyResult r = await(b.apply(List.of(new RepairWrite(Decision.Action.COPY, "k".getBytes(), payload, 0, 0, 0, 0))));

    assertThat(r).isEqualTo(new ApplyResult(0, 1, 0));
    assertThat(get(storeB, "GET", "k")).isEqualTo("$4\r\nhere\r\n");
  }

  /** A replica whose answers go through the event-bus JSON and back, as a peer's do. */
  static class OverJson implements Replica {
    private final LocalReplica inner;

    OverJson(LocalReplica inner) {
      this.inner = inner;
    }

    @Override
    public Future<ScanStep> scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets) {
      JsonObject ask = RepairMessages.scan(cursor, count, ranges, buckets);
      return inner.scan(ask.getString("cursor"), ask.getInteger("count"), RepairMessages.ranges(ask),
          RepairMessages.buckets(ask)).map(s -> RepairMessages.step(new JsonObject(RepairMessages.toJson(s).encode())));
    }

    @Override
    public Future<Map<String, KeyVersion>> remembered(List<byte[]> keys) {
      return inner.remembered(RepairMessages.keys(new JsonObject(RepairMessages.remembered(keys).encode())))
          .map(m -> RepairMessages.rememberedReply(new JsonObject(RepairMessages.rememberedToJson(m).encode())));
    }

    @Override
    public Future<KeyVersions> versions(List<byte[]> keys) {
      return inner.versions(RepairMessages.keys(new JsonObject(RepairMessages.versions(keys).encode())))
          .map(v -> RepairMessages.versionsReply(new JsonObject(RepairMessages.versionsToJson(v).encode())));
    }

    @Override
    public Future<ApplyResult> apply(List<RepairWrite> writes) {
      return inner.apply(RepairMessages.writes(new JsonObject(RepairMessages.apply(writes).encode())))
          .map(r -> RepairMessages.result(new JsonObject(RepairMessages.toJson(r).encode())));
    }

    @Override
    public String name() {
      return inner.name();
    }
  }
}
