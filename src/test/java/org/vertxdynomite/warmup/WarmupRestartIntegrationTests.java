package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.topology.NodeState;

/**
 * The path an operator takes when a node's data is gone: stop it, its datastore is wiped, start it
 * again. With {@code warmup: auto} it warms up by itself from its replicas and ends NORMAL, holding
 * its peers' data, TTLs included.
 */
class WarmupRestartIntegrationTests {

  private static final int KEYS = 2000;

  private LocalCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNodeRestartedWithAWipedDatastoreWarmsUpByItselfAndEndsNormalWithItsPeersData() throws Exception {
    cluster = LocalCluster.start(LocalCluster.THREE_RACKS_OF_ONE,
        Consistency.DC_ONE, Consistency.DC_QUORUM, b -> b.warmup(WarmupMode.AUTO));
    try (RawRespClient c = cluster.client(0)) {
      for (int i = 0; i < KEYS; i++) {
        String k = "restart:" + i;
        switch (i % 4) {
          case 0 -> c.sendCommand("SET", k, "v" + i);
          case 1 -> c.sendCommand("HSET", k, "f", "v" + i);
          case 2 -> c.sendCommand("RPUSH", k, "a", "b" + i);
          default -> c.sendCommand("ZADD", k, "1", "m" + i);
        }
        if (i % 7 == 0) {
          c.sendCommand("PEXPIRE", k, "600000");
        }
      }
      for (int i = 0; i < KEYS + (KEYS + 6) / 7; i++) {
        assertThat(c.readReplyString()).doesNotStartWith("-");
      }
    }
    try (RawRespClient r = cluster.redis(2)) {
      Poll.until(Duration.ofSeconds(30), () -> r.callString("DBSIZE"), v -> v.equals(":" + KEYS + "\r\n"));
    }
    cluster.stopNode(2);
    try (RawRespClient r = cluster.redis(2)) {
      assertThat(r.callString("FLUSHALL")).isEqualTo("+OK\r\n");
    }
    // What node 0 sees of the restarted node, from its first appearance on.
    String oldId = cluster.node(2).membership().orElseThrow().self().id();
    List<NodeState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    cluster.node(0).membership().orElseThrow().onChange(t -> t.members().values().stream()
        .filter(n -> n.rack().equals("rack3") && !n.id().equals(oldId)).findFirst()
        .ifPresent(n -> {
          if (seen.isEmpty() || seen.get(seen.size() - 1) != n.state()) {
            seen.add(n.state());
          }
        }));
    cluster.restartNode(2);

    NodeState state = Poll.until(Duration.ofSeconds(60), () -> cluster.node(2).controls().state().get(),
        s -> s == NodeState.NORMAL);
    assertThat(state).isEqualTo(NodeState.NORMAL);
    Poll.until(Duration.ofSeconds(10), () -> seen, s -> s.contains(NodeState.NORMAL));
    // Its join metadata says STANDBY; its WRITES_ONLY report may overtake the metadata read.
    assertThat(seen.subList(0, seen.indexOf(NodeState.NORMAL)))
        .as("the restarted node's states as a peer saw them, %s: none NORMAL before its warm-up", seen)
        .contains(NodeState.WRITES_ONLY).doesNotContain(NodeState.NORMAL);
    try (RawRespClient warmed = cluster.redis(2); RawRespClient donor = cluster.redis(0)) {
      assertThat(warmed.callString("DBSIZE")).isEqualTo(":" + KEYS + "\r\n");
      for (int i = 0; i < KEYS; i++) {
        String k = "restart:" + i;
        assertThat(warmed.callString("DUMP", k)).as(k).isEqualTo(donor.callString("DUMP", k));
        long ttl = Long.parseLong(warmed.callString("PTTL", k).trim().substring(1));
        long donorTtl = Long.parseLong(donor.callString("PTTL", k).trim().substring(1));
        if (donorTtl < 0) {
          assertThat(ttl).as("no TTL on %s", k).isEqualTo(donorTtl);
        } else {
          assertThat(ttl).as("TTL of %s", k).isBetween(donorTtl - 10_000, donorTtl + 10_000);
        }
      }
    }
  }
}
