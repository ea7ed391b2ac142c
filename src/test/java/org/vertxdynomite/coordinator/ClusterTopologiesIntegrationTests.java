package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.LocalCluster.Member;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;

/** Racks of different sizes, and several datacenters with every node holding everything. */
class ClusterTopologiesIntegrationTests {

  static long hash(String key) {
    return HashAlgorithms.byName("murmur").hash(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Index of the owner among ascending {@code tokens}: smallest token >= hash, else wrap. */
  static int owner(long[] tokens, long hash) {
    for (int i = 0; i < tokens.length; i++) {
      if (hash <= tokens[i]) {
        return i;
      }
    }
    return 0;
  }

  @Test
  void asymmetricRacksPlaceEachKeyByTheirOwnRingsAndSplitMultiKeyCommandsPerRack() throws Exception {
    long[] rack1 = {2147483647L, 4294967295L};
    long[] rack2 = {1431655765L, 2863311530L, 4294967295L};
    try (LocalCluster c = LocalCluster.start(List.of(
        new Member("dc1", "rack1", rack1[0]), new Member("dc1", "rack1", rack1[1]),
        new Member("dc1", "rack2", rack2[0]), new Member("dc1", "rack2", rack2[1]), new Member("dc1", "rack2", rack2[2])),
        Consistency.DC_QUORUM, Consistency.DC_QUORUM)) {
      String[] keys = new String[60];
      try (RawRespClient client = c.client(4)) {
        for (int i = 0; i < keys.length; i++) {
          keys[i] = "asym:" + i;
        }
        for (int i = 0; i < keys.length; i += 3) {
          assertThat(client.callString("MSET", keys[i], "v" + i, keys[i + 1], "v" + (i + 1), keys[i + 2], "v" + (i + 2)))
              .isEqualTo("+OK\r\n");
        }
        assertThat(client.callString("MGET", keys[5], keys[0], keys[59]))
            .isEqualTo("*3\r\n$2\r\nv5\r\n$2\r\nv0\r\n$3\r\nv59\r\n");
      }
      for (int i = 0; i < keys.length; i++) {
        long h = hash(keys[i]);
        assertOnlyAt(c, keys[i], "v" + i, 0, 2, owner(rack1, h));
        assertOnlyAt(c, keys[i], "v" + i, 2, 3, owner(rack2, h));
      }
    }
  }

  /** The key is at node {@code first + owner} and at no other node of nodes first..first+count-1. */
  private static void assertOnlyAt(LocalCluster c, String key, String value, int first, int count, int owner)
      throws Exception {
    for (int n = first; n < first + count; n++) {
      try (RawRespClient r = c.redis(n)) {
        String got = r.callString("GET", key);
        if (n == first + owner) {
          assertThat(got).as("%s at its owner, node %d", key, n).isEqualTo("$" + value.length() + "\r\n" + value + "\r\n");
        } else {
          assertThat(got).as("%s not at node %d", key, n).isEqualTo("$-1\r\n");
        }
      }
    }
  }

  @Test
  void twoDatacentersOnTokenZeroReplicateEverythingEverywhereInBothDirections() throws Exception {
    try (LocalCluster c = LocalCluster.start(List.of(
        new Member("dc1", "rack1", 0), new Member("dc1", "rack2", 0),
        new Member("dc2", "rack1", 0), new Member("dc2", "rack2", 0)),
        Consistency.DC_QUORUM, Consistency.DC_QUORUM)) {
      try (RawRespClient inDc1 = c.client(0); RawRespClient inDc2 = c.client(3)) {
        assertThat(inDc1.callString("SET", "from:dc1", "a")).isEqualTo("+OK\r\n");
        assertThat(inDc2.callString("HSET", "from:dc2", "f", "b")).isEqualTo(":1\r\n");
      }
      for (int n = 0; n < 4; n++) {
        assertThat(eventually(c, n, "GET", "from:dc1")).as("dc1's write at node %d", n).isEqualTo("$1\r\na\r\n");
        assertThat(eventually(c, n, "HGET", "from:dc2", "f")).as("dc2's write at node %d", n).isEqualTo("$1\r\nb\r\n");
      }
      // DC_EACH_SAFE_QUORUM: the OK means every rack of every datacenter has the write.
      for (int n = 0; n < 4; n++) {
        c.node(n).clusterServices().orElseThrow().consistency().write(Consistency.DC_EACH_SAFE_QUORUM);
        c.node(n).clusterServices().orElseThrow().consistency().read(Consistency.DC_EACH_SAFE_QUORUM);
      }
      try (RawRespClient client = c.client(2)) {
        assertThat(client.callString("SET", "each", "everywhere")).isEqualTo("+OK\r\n");
        for (int n = 0; n < 4; n++) {
          try (RawRespClient r = c.redis(n)) {
            assertThat(r.callString("GET", "each")).as("node %d", n).isEqualTo("$10\r\neverywhere\r\n");
          }
        }
        assertThat(client.callString("GET", "each")).isEqualTo("$10\r\neverywhere\r\n");
        try (RawRespClient r = c.redis(0)) {
          r.callString("SET", "each", "diverged");
        }
        // dc1's racks now disagree: no safe quorum there, so no safe quorum everywhere.
        assertThat(client.callString("GET", "each")).isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
      }
    }
  }

  private static String eventually(LocalCluster c, int node, String... command) throws Exception {
    try (RawRespClient r = c.redis(node)) {
      return Poll.untilNotNil(r, Duration.ofSeconds(5), command);
    }
  }
}
