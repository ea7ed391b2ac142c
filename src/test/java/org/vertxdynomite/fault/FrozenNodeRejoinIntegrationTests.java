package org.vertxdynomite.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * A node frozen longer than {@code failure_detection_ms} is dropped from the cluster and, when it
 * wakes, first forms a cluster of its own (a split brain). It must be merged back within seconds,
 * not at Hazelcast's default first merge check five minutes after start, and then get the writes
 * it missed.
 */
class FrozenNodeRejoinIntegrationTests {

  private ProcessCluster cluster;

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.node(2).signal("CONT");
    }
    FaultClusters.close(cluster);
  }

  @Test
  void aNodeFrozenPastFailureDetectionRejoinsWithinSecondsAndReceivesTheWritesItMissed() throws Exception {
    // failure_detection_ms at its default (10 s): shorter, a loaded 2-core machine splits healthy nodes too.
    cluster = ProcessCluster.start(Files.createTempDirectory("frozen-"), FaultClusters.THREE_RACKS_OF_ONE,
        Consistency.DC_QUORUM, Consistency.DC_QUORUM, FaultClusters.EXTRAS, Duration.ofSeconds(120));
    List<String> missed = new ArrayList<>();
    try (RawRespClient c = cluster.client(0)) {
      cluster.node(2).signal("STOP");
      Thread.sleep(14_000); // past failure_detection_ms: the others drop it
      for (int i = 0; i < 50; i++) {
        String key = "frozen:" + i;
        assertThat(c.callString("SET", key, "v" + i)).as(key).isEqualTo("+OK\r\n");
        missed.add(key);
      }
    }
    cluster.node(2).signal("CONT");

    // Through the woken node, a quorum write succeeds once it is back in the cluster.
    try (RawRespClient woken = cluster.client(2)) {
      String reply = Poll.until(Duration.ofSeconds(30), () -> woken.callString("SET", "after", "x"),
          r -> r.equals("+OK\r\n"));
      assertThat(reply).isEqualTo("+OK\r\n");
    }
    // Its datastore gets every write made while it was away, and the others get its new write.
    try (RawRespClient r2 = cluster.redis(2); RawRespClient r0 = cluster.redis(0)) {
      String last = missed.get(missed.size() - 1);
      assertThat(Poll.until(Duration.ofSeconds(30), () -> r2.callString("GET", last), v -> v.equals("$3\r\nv49\r\n")))
          .isEqualTo("$3\r\nv49\r\n");
      for (String key : missed) {
        assertThat(r2.callString("EXISTS", key)).as(key).isEqualTo(":1\r\n");
      }
      assertThat(Poll.until(Duration.ofSeconds(10), () -> r0.callString("GET", "after"), v -> v.equals("$1\r\nx\r\n")))
          .isEqualTo("$1\r\nx\r\n");
    }
  }
}
