package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Blocking pops through a node that does not own the key: the client waits at the owner without
 * holding up anyone else, the timeout is honoured, a client that disconnects stops waiting (and
 * pops nothing), and what was popped is replicated to the other rack as its effect.
 */
class ClusterBlockingIntegrationTests {

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(LocalCluster.TWO_RACKS_OF_TWO, Consistency.DC_ONE, Consistency.DC_QUORUM);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A key whose owner in each rack is the node with the HIGH token (nodes 1 and 3). */
  static String keyOwnedByHigh(String prefix) {
    return LocalCluster.keyOwnedBy(1, prefix);
  }


  @Test
  void aPopBlockedThroughANonOwnerWakesOnAPush() throws Exception {
    String key = keyOwnedByHigh("wake:");
    try (RawRespClient waiter = cluster.client(0); RawRespClient other = cluster.client(0);
        RawRespClient pusher = cluster.client(2)) {
      waiter.sendCommand("BLPOP", key, "10");
      Thread.sleep(300);
      // The waiting client holds up nobody else on its node.
      assertThat(other.callString("PING")).isEqualTo("+PONG\r\n");
      assertThat(pusher.callString("RPUSH", key, "a", "b")).isEqualTo(":2\r\n");
      assertThat(waiter.readReplyString())
          .isEqualTo("*2\r\n$" + key.length() + "\r\n" + key + "\r\n$1\r\na\r\n");
    }
    // Not asserted here: that the other rack converges. The pop's effect (from node 0) and the
    // push's replication (from node 2) are not ordered against each other at the other rack — see
    // issue 5 (per-key ordering of writes from different coordinators).
  }

  @Test
  void whatABlockingPopTookIsRemovedFromTheOtherRackToo() throws Exception {
    String key = keyOwnedByHigh("effect:");
    try (RawRespClient c = cluster.client(0)) {
      // DC_QUORUM with two racks: both hold the list before the pop.
      assertThat(c.callString("RPUSH", key, "a", "b")).isEqualTo(":2\r\n");
      assertThat(c.callString("BLPOP", key, "1"))
          .isEqualTo("*2\r\n$" + key.length() + "\r\n" + key + "\r\n$1\r\na\r\n");
    }
    for (int owner : new int[] {1, 3}) {
      try (RawRespClient r = cluster.redis(owner)) {
        String list = Poll.until(Duration.ofSeconds(5), () -> r.callString("LRANGE", key, "0", "-1"),
            v -> v.equals("*1\r\n$1\r\nb\r\n"));
        assertThat(list).as("list at node %d", owner).isEqualTo("*1\r\n$1\r\nb\r\n");
      }
    }
  }

  @Test
  void theBlockingTimeoutIsHonouredThroughANonOwner() throws Exception {
    String key = keyOwnedByHigh("timeout:");
    try (RawRespClient c = cluster.client(0)) {
      long t0 = System.nanoTime();
      assertThat(c.callString("BLPOP", key, "0.3")).isEqualTo("*-1\r\n");
      assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 3000L);
      assertThat(c.callString("BZPOPMIN", keyOwnedByHigh("z:"), "0.2")).isEqualTo("*-1\r\n");
    }
  }

  @Test
  void aClientThatDisconnectsWhileBlockedPopsNothing() throws Exception {
    String key = keyOwnedByHigh("gone:");
    RawRespClient waiter = cluster.client(0);
    waiter.sendCommand("BLPOP", key, "0");
    Thread.sleep(300);
    waiter.close();
    Thread.sleep(500);
    try (RawRespClient pusher = cluster.client(1)) {
      assertThat(pusher.callString("RPUSH", key, "kept")).isEqualTo(":1\r\n");
      Thread.sleep(300);
      assertThat(pusher.callString("LRANGE", key, "0", "-1")).isEqualTo("*1\r\n$4\r\nkept\r\n");
    }
    try (RawRespClient owner = cluster.redis(1)) {
      assertThat(owner.callString("LLEN", key)).isEqualTo(":1\r\n");
    }
  }

  @Test
  void blockedClientsAreServedInArrivalOrder() throws Exception {
    String key = keyOwnedByHigh("fifo:");
    try (RawRespClient first = cluster.client(0); RawRespClient second = cluster.client(2);
        RawRespClient pusher = cluster.client(1)) {
      first.sendCommand("BRPOP", key, "10");
      Thread.sleep(200);
      second.sendCommand("BRPOP", key, "10");
      Thread.sleep(200);
      pusher.callString("RPUSH", key, "1");
      CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> read(first));
      assertThat(a.get(5, TimeUnit.SECONDS)).endsWith("$1\r\n1\r\n");
      pusher.callString("RPUSH", key, "2");
      assertThat(read(second)).endsWith("$1\r\n2\r\n");
    }
  }

  private static String read(RawRespClient c) {
    try {
      return c.readReplyString();
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
