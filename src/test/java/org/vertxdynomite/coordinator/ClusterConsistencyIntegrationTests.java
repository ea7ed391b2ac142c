package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;

/** 1 DC × 3 racks × 1 node over real redis-servers: consistency levels decide what clients see. */
class ClusterConsistencyIntegrationTests {

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.threeRacks(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void levels() {
    setLevels(Consistency.DC_QUORUM, Consistency.DC_QUORUM);
  }

  static void setLevels(Consistency read, Consistency write) {
    for (int i = 0; i < cluster.size(); i++) {
      ConsistencySettings s = cluster.node(i).clusterServices().orElseThrow().consistency();
      s.read(read);
      s.write(write);
    }
  }

  @Test
  void aQuorumWriteIsInAtLeastTwoRacksAtOnceAndInAllThreeSoonAfter() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("SET", "q", "v1")).isEqualTo("+OK\r\n");
    }
    int now = 0;
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        if (r.callString("GET", "q").equals("$2\r\nv1\r\n")) {
          now++;
        }
      }
    }
    assertThat(now).as("racks holding the write when OK arrived").isGreaterThanOrEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(eventuallyGet(i, "q")).isEqualTo("$2\r\nv1\r\n");
    }
  }

  @Test
  void quorumAndSafeQuorumReadsReturnTheMajorityValueWhenOneReplicaDiffers() throws Exception {
    try (RawRespClient c = cluster.client(1)) {
      assertThat(c.callString("SET", "m", "majority")).isEqualTo("+OK\r\n");
    }
    for (int i = 0; i < 3; i++) {
      eventuallyGet(i, "m");
    }
    try (RawRespClient r = cluster.redis(0)) {
      r.callString("SET", "m", "stray");
    }
    for (Consistency level : List.of(Consistency.DC_QUORUM, Consistency.DC_SAFE_QUORUM)) {
      setLevels(level, Consistency.DC_QUORUM);
      for (int n = 0; n < 3; n++) {
        try (RawRespClient c = cluster.client(n)) {
          assertThat(c.callString("GET", "m")).as("%s through node %d", level, n).isEqualTo("$8\r\nmajority\r\n");
        }
      }
    }
  }

  @Test
  void safeQuorumReadFailsWhenNoTwoRacksAgreeAndDcOneAnswersTheLocalRack() throws Exception {
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        r.callString("SET", "d", "value" + i);
      }
    }
    setLevels(Consistency.DC_SAFE_QUORUM, Consistency.DC_QUORUM);
    try (RawRespClient c = cluster.client(2)) {
      assertThat(c.callString("GET", "d")).isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
    }
    setLevels(Consistency.DC_ONE, Consistency.DC_QUORUM);
    for (int n = 0; n < 3; n++) {
      try (RawRespClient c = cluster.client(n)) {
        assertThat(c.callString("GET", "d")).isEqualTo("$6\r\nvalue" + n + "\r\n");
      }
    }
  }

  @Test
  void dynoConfigConnConsistencyChangesOnlyThatConnectionsLevel() throws Exception {
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        r.callString("SET", "c", "value" + i);
      }
    }
    setLevels(Consistency.DC_ONE, Consistency.DC_ONE);
    try (RawRespClient strict = cluster.client(0); RawRespClient plain = cluster.client(0)) {
      assertThat(strict.callString("DYNO_CONFIG:CONN_CONSISTENCY", "dc_safe_quorum")).isEqualTo("+OK\r\n");
      assertThat(strict.callString("GET", "c")).isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
      assertThat(plain.callString("GET", "c")).isEqualTo("$6\r\nvalue0\r\n");
      assertThat(strict.callString("DYNO_CONFIG:CONN_CONSISTENCY", "DC_TWO"))
          .startsWith("-ERR Dynomite: invalid consistency level 'DC_TWO'");
      assertThat(strict.callString("GET", "c")).as("bad level leaves the connection and its level")
          .isEqualTo("-ERR Dynomite: Failed to achieve Quorum\r\n");
      assertThat(strict.callString("dyno_config:conn_consistency", "DC_ONE")).isEqualTo("+OK\r\n");
      assertThat(strict.callString("GET", "c")).isEqualTo("$6\r\nvalue0\r\n");
    }
  }

  @Test
  void relativeExpiriesReachEveryReplicaAsTheSameAbsoluteTime() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("SET", "ttl", "x", "EX", "1000")).isEqualTo("+OK\r\n");
      assertThat(c.callString("EXPIRE", "ttl", "500")).isEqualTo(":1\r\n");
    }
    long sent = System.currentTimeMillis();
    // The third rack gets a DC_QUORUM write asynchronously: poll until all three hold the EXPIRE's
    // absolute time (about 500 s ahead, not the SET's 1000 s), then they must be equal.
    List<Long> at = Poll.until(Duration.ofSeconds(5), ClusterConsistencyIntegrationTests::expiryTimes,
        times -> times.stream().allMatch(t -> t < sent + 600_000));
    assertThat(at.get(0)).isBetween(sent + 490_000, sent + 500_000);
    assertThat(at).as("absolute expiry in racks 1, 2, 3").containsOnly(at.get(0));
  }

  private static List<Long> expiryTimes() throws Exception {
    List<Long> times = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        String reply = r.callString("PEXPIRETIME", "ttl");
        times.add(Long.parseLong(reply.substring(1, reply.length() - 2)));
      }
    }
    return times;
  }

  @Test
  void spopIsReplicatedAsTheMembersItPopped() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      c.callString("SADD", "s", "a", "b", "c", "d", "e", "f");
      // A DC_QUORUM write reaches the third rack asynchronously; let it settle, so this test is
      // about the SPOP's effect only (ordering of writes across coordinators is issue 5's).
      for (int i = 0; i < 3; i++) {
        try (RawRespClient r = cluster.redis(i)) {
          Poll.until(Duration.ofSeconds(5), () -> r.callString("SCARD", "s"), v -> v.equals(":6\r\n"));
        }
      }
      c.callString("SPOP", "s", "3");
    }
    String first = null;
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        Poll.until(Duration.ofSeconds(5), () -> r.callString("SCARD", "s"), v -> v.equals(":3\r\n"));
        String members = String.join(",", new java.util.TreeSet<>(List.of(r.callString("SMEMBERS", "s").split("\r\n"))));
        if (first == null) {
          first = members;
        }
        assertThat(members).as("set in rack %d", i + 1).isEqualTo(first);
      }
    }
  }

  @Test
  void aQuorumReadWhoseFirstTwoReplicasAgreeReadsTwoRacksNotThree() throws Exception {
    try (RawRespClient c = cluster.client(0)) {
      assertThat(c.callString("SET", "two", "v")).isEqualTo("+OK\r\n");
    }
    for (int i = 0; i < 3; i++) {
      eventuallyGet(i, "two");
    }
    long before = servedGets();
    int reads = 200;
    try (RawRespClient c = cluster.client(0)) {
      for (int i = 0; i < reads; i++) {
        assertThat(c.callString("GET", "two")).isEqualTo("$1\r\nv\r\n");
      }
    }
    long served = servedGets() - before;
    // Two replicas per read, plus the odd speculative third for a read slower than the recent p99;
    // asking every rack would be 3 per read.
    assertThat(served).as("GETs the three redis-servers served for %d quorum reads", reads)
        .isBetween(2L * reads, 2L * reads + reads / 4);
  }

  /** GET calls served by the three redis-servers so far (INFO commandstats). */
  private static long servedGets() throws Exception {
    long total = 0;
    for (int i = 0; i < 3; i++) {
      try (RawRespClient r = cluster.redis(i)) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_get:calls=(\\d+)")
            .matcher(r.callString("INFO", "commandstats"));
        total += m.find() ? Long.parseLong(m.group(1)) : 0;
      }
    }
    return total;
  }

  private static String eventuallyGet(int redis, String key) throws Exception {
    try (RawRespClient r = cluster.redis(redis)) {
      return Poll.untilNotNil(r, Duration.ofSeconds(5), "GET", key);
    }
  }
}
