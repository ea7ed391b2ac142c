package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.NodeState;
import org.vertxdynomite.topology.Topology;
import org.vertxdynomite.warmup.HashRange;

/**
 * Read repair of one key between three replicas in this JVM, each an embedded store with its own
 * write fence, two of them answering through the event-bus JSON ({@link RepairMessages}).
 */
class KeyRepairUnitTests extends EmbeddedReplicas {

  private final RepairCounts counts = new RepairCounts();

  /** Repairs {@code key} on A (this node) and the others, which answer through the event-bus JSON. */
  private void repair(long settleMillis, String key, Replica... others) throws Exception {
    List<Replica> all = new java.util.ArrayList<>();
    all.add(a);
    all.addAll(List.of(others));
    await(new KeyRepair((t, k) -> all, settleMillis, counts).repair(null, key.getBytes()));
  }

  @Test
  void aReplicaHoldingAnOlderValueGetsTheNewestOne() throws Exception {
    long older = ++ts;
    long newer = ++ts;
    stamped(storeA, fenceA, newer, "SET", "k", "new");
    stamped(storeB, fenceB, newer, "SET", "k", "new");
    stamped(storeC, fenceC, older, "SET", "k", "old");

    repair(1000, "k", new RepairRunUnitTests.OverJson(b), new RepairRunUnitTests.OverJson(c));

    assertThat(get(storeC, "GET", "k")).isEqualTo("$3\r\nnew\r\n");
    assertThat(counts.get(RepairCounts.Kind.REPLACED)).isEqualTo(1);
    assertThat(counts.get(RepairCounts.Kind.CONFLICT_NEWER)).isEqualTo(1);
    assertThat(fenceC.newest("k".getBytes())).as("remembered under the winner's stamp").isEqualTo(newer);
  }

  @Test
  void aStaleCopyOfADeletedKeyIsDeleted() throws Exception {
    long set = ++ts;
    long del = ++ts;
    stamped(storeA, fenceA, set, "SET", "k", "v");
    stamped(storeA, fenceA, del, "DEL", "k");
    stamped(storeB, fenceB, set, "SET", "k", "v");
    stamped(storeB, fenceB, del, "DEL", "k");
    stamped(storeC, fenceC, set, "SET", "k", "v");

    repair(1000, "k", new RepairRunUnitTests.OverJson(b), new RepairRunUnitTests.OverJson(c));

    assertThat(get(storeC, "EXISTS", "k")).isEqualTo(":0\r\n");
    assertThat(get(storeA, "EXISTS", "k")).as("never resurrected").isEqualTo(":0\r\n");
    assertThat(counts.get(RepairCounts.Kind.DELETED)).isEqualTo(1);
  }

  @Test
  void aKeyWrittenWithinTheSettleTimeIsLeftAlone() throws Exception {
    long now = System.currentTimeMillis() << HybridClock.LOGICAL_BITS;
    stamped(storeA, fenceA, now, "SET", "k", "new");
    write(storeC, fenceC, "SET", "k", "old");

    repair(60_000, "k", new RepairRunUnitTests.OverJson(c));

    assertThat(get(storeC, "GET", "k")).isEqualTo("$3\r\nold\r\n");
    assertThat(counts.get(RepairCounts.Kind.DEFERRED)).isEqualTo(1);
  }

  @Test
  void aReplicaThatTookANewerWriteSinceItWasLookedAtIsNotOverwritten() throws Exception {
    long older = ++ts;
    long newer = ++ts;
    long newest = ts + 1000;
    stamped(storeA, fenceA, newer, "SET", "k", "new");
    stamped(storeB, fenceB, newer, "SET", "k", "new");
    stamped(storeC, fenceC, older, "SET", "k", "old");
    // C takes a client's newer write between the look-up and the repair write.
    RespRequest racer = RespRequest.of("SET", "k", "newest");
    Replica racing = new RepairRunUnitTests.OverJson(c) {
      @Override
      public Future<ApplyResult> apply(List<RepairWrite> writes) {
        return storeC.execute(racer, TABLE.lookup(racer)).compose(r -> {
          fenceC.applied(new byte[][] {"k".getBytes()}, newest, true);
          return super.apply(writes);
        });
      }
    };

    repair(1000, "k", new RepairRunUnitTests.OverJson(b), racing);

    assertThat(get(storeC, "GET", "k")).isEqualTo("$6\r\nnewest\r\n");
    assertThat(counts.get(RepairCounts.Kind.RACED)).isEqualTo(1);
    assertThat(counts.get(RepairCounts.Kind.REPLACED)).isZero();
  }

  @Test
  void equalReplicasAreLeftAlone() throws Exception {
    long stamp = ++ts;
    stamped(storeA, fenceA, stamp, "SET", "k", "v");
    stamped(storeB, fenceB, stamp, "SET", "k", "v");

    repair(1000, "k", new RepairRunUnitTests.OverJson(b));

    assertThat(counts.toJson().stream().mapToLong(e -> (Long) e.getValue()).sum()).isZero();
  }

  @Test
  void theReplicasAreTheKeysOwnerInEachRackThatServesReadsThisNodeAnsweringItself() {
    NodeInfo self = node("a", "rack1", NodeState.NORMAL);
    NodeInfo peer = node("b", "rack2", NodeState.NORMAL);
    NodeInfo warming = node("c", "rack3", NodeState.WRITES_ONLY);
    Topology t = Topology.of(self, List.of(peer, warming));

    List<Replica> replicas = KeyRepair.owners(MURMUR, a, n -> new NamedOnly(n.id())).apply(t, "k".getBytes());

    assertThat(replicas).extracting(Replica::name).containsExactly("a", "b");
  }

  private static NodeInfo node(String id, String rack, NodeState state) {
    return new NodeInfo(id, "dc1", rack, List.of(org.vertxdynomite.ring.Token.of(0)),
        new HostPort("127.0.0.1", 8102), new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222),
        NodeInfo.BUS_ADDRESS_PREFIX + id, state, 1000);
  }

  /** A replica only named, for the choice of replicas. */
  private record NamedOnly(String name) implements Replica {
    @Override
    public Future<ScanStep> scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Map<String, KeyVersion>> remembered(List<byte[]> keys) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<KeyVersions> versions(List<byte[]> keys) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<ApplyResult> apply(List<RepairWrite> writes) {
      throw new UnsupportedOperationException();
    }
  }
}
