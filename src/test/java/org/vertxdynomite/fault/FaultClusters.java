package org.vertxdynomite.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.LocalCluster.Member;
import org.vertxdynomite.testutil.ProcessCluster;

/** The clusters the fault suite runs on, and how they are set up for it. */
final class FaultClusters {

  /** 1 DC × 3 racks × 1 node on token 0: every node holds every key, one replica per rack. */
  static final List<Member> THREE_RACKS_OF_ONE = LocalCluster.THREE_RACKS_OF_ONE;

  /** 1 DC × 3 racks × 2 nodes: per rack, the LOW node then the HIGH node (nodes 0–1, 2–3, 4–5). */
  static final List<Member> THREE_RACKS_OF_TWO = List.of(
      new Member("dc1", "rack1", LocalCluster.LOW), new Member("dc1", "rack1", LocalCluster.HIGH),
      new Member("dc1", "rack2", LocalCluster.LOW), new Member("dc1", "rack2", LocalCluster.HIGH),
      new Member("dc1", "rack3", LocalCluster.LOW), new Member("dc1", "rack3", LocalCluster.HIGH));

  /**
   * Every redis-server appends each write to its AOF and fsyncs it before replying
   * ({@code appendfsync always}), so a redis-server killed with SIGKILL comes back with every write
   * it acknowledged: what it lacks afterwards is only what it never received. Read repair stays off
   * (Dynomite's default, said explicitly) and so does anti-entropy, so a replica that catches up
   * did so by replication and handoff alone.
   */
  static final ProcessCluster.Extras EXTRAS = new ProcessCluster.Extras(
      List.of("--appendonly", "yes", "--appendfsync", "always"),
      List.of("read_repairs_enabled: false", "anti_entropy_interval_ms: 0"));

  /**
   * As {@link #EXTRAS} with anti-entropy every 2 s: a write its crashed coordinator applied only to
   * its own replica (never acknowledged, never hinted) reaches the others within the convergence
   * bound (docs/REPAIR.md).
   */
  static final ProcessCluster.Extras WITH_REPAIR = new ProcessCluster.Extras(EXTRAS.redisArgs(),
      List.of("read_repairs_enabled: false", "anti_entropy_interval_ms: 2000"));

  private FaultClusters() {}

  /** Starts {@code members} with DC_QUORUM reads and writes in a new temporary directory. */
  static ProcessCluster start(String name, List<Member> members) throws Exception {
    return start(name, members, EXTRAS);
  }

  /** As {@link #start(String, List)}, with {@code extras}. */
  static ProcessCluster start(String name, List<Member> members, ProcessCluster.Extras extras) throws Exception {
    Path dir = Files.createTempDirectory(name + "-");
    long t0 = System.nanoTime();
    ProcessCluster c = ProcessCluster.start(dir, members, Consistency.DC_QUORUM, Consistency.DC_QUORUM, extras,
        Duration.ofSeconds(120));
    System.out.printf("%s: %d node JVMs formed a cluster in %d ms (plan %s)%n", name, members.size(),
        (System.nanoTime() - t0) / 1_000_000, FaultPlan.fromSystemProperties());
    return c;
  }

  /**
   * Stops {@code cluster} (if it started) and removes its directory, keeping every node's log (of
   * this and earlier JVMs) under {@code target/fault-logs/<directory name>/} as evidence.
   */
  static void close(ProcessCluster cluster) {
    if (cluster != null) {
      keepLogs(cluster);
      // SIGKILL first: a clean leave after a fault can take Hazelcast most of its 30 s limit, and
      // nothing after the scenario depends on it.
      for (int i = 0; i < cluster.size(); i++) {
        try {
          cluster.killNode(i);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      cluster.close();
      try {
        removeDir(cluster.dir());
      } catch (IOException e) {
        System.out.println("could not remove " + cluster.dir() + ": " + e);
      }
    }
  }

  private static void keepLogs(ProcessCluster cluster) {
    Path to = Path.of("target", "fault-logs", cluster.dir().getFileName().toString());
    try {
      Files.createDirectories(to);
      for (int i = 0; i < cluster.size(); i++) {
        Files.writeString(to.resolve("node" + i + ".log"), cluster.node(i).output());
      }
      try (Stream<Path> files = Files.list(cluster.dir())) {
        for (Path p : files.filter(f -> f.getFileName().toString().contains(".log.")).toList()) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    } catch (IOException e) {
      System.out.println("could not keep the logs of " + cluster.dir() + ": " + e);
    }
  }

  /** Removes a cluster's directory (ymls, pid files, logs of restarted nodes). */
  static void removeDir(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
