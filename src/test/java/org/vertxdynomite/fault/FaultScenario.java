package org.vertxdynomite.fault;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * One fault under load, measured. The write load (every node's clients, DC_QUORUM) and the read
 * load (every node's clients, DC_ONE and DC_QUORUM) run from before the fault; the fault is
 * injected, lasts {@link FaultPlan#faultFor}, and the faulty part is brought back. Reads stop
 * there, so that nothing read through the cluster can repair the returning replica: what it holds
 * afterwards came by replication and handoff alone. Writes go on for {@link FaultPlan#afterFor}.
 * Then, reading the redis-servers directly, the scenario waits (bounded) until every key's owners
 * hold the same value, checks the returned node's data and every replica against the ledger, and
 * reads every acknowledged key back through another node at DC_QUORUM, and finally checks that
 * every node serves every key again (each node writes and reads a key of every owner).
 */
public final class FaultScenario {

  /** A fault: how it is injected and how the faulty part is brought back. */
  public enum Kind {
    /** kill -9 a node's JVM; restart it from the same yml, in front of the same redis-server. */
    NODE_KILL("kill -9 a node, restart it", ProcessCluster::killNode, ProcessCluster::restartNode),
    /** kill -9 a node's redis-server (AOF, fsync always); restart it on the same port and directory. */
    REDIS_KILL("kill -9 a redis-server, restart it with its data", ProcessCluster::killRedis,
        ProcessCluster::restartRedis),
    /** SIGSTOP a node's JVM for longer than the request timeout; SIGCONT it. */
    NODE_PAUSE("SIGSTOP a node past the timeout, SIGCONT it", (c, n) -> c.node(n).signal("STOP"),
        (c, n) -> c.node(n).signal("CONT"));

    private final String title;
    private final Step inject;
    private final Step recover;

    Kind(String title, Step inject, Step recover) {
      this.title = title;
      this.inject = inject;
      this.recover = recover;
    }

    public String title() {
      return title;
    }
  }

  /** One thing done to one node of a cluster. */
  @FunctionalInterface
  interface Step {
    void apply(ProcessCluster cluster, int node) throws Exception;
  }

  /** The longest the loads may run at all: the phases plus a node's restart, with room to spare. */
  private static final Duration LOAD_LIMIT = Duration.ofMinutes(6);

  private FaultScenario() {}

  /**
   * Runs {@code kind} on node {@code faulted} of {@code cluster} (started with DC_QUORUM writes),
   * with keys under {@code prefix}; the faulty part is always brought back, even when a step fails.
   */
  public static ScenarioResult run(ProcessCluster cluster, Kind kind, int faulted, FaultPlan plan, String prefix)
      throws Exception {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < cluster.size(); i++) {
      all.add(i);
    }
    AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
    Tally tally = new Tally();
    WriteLoad writes = WriteLoad.start(cluster, all, prefix, plan, phase, tally, LOAD_LIMIT);
    ReadLoad reads = ReadLoad.ofWrittenKeys(cluster, all, List.of(Consistency.DC_ONE, Consistency.DC_QUORUM),
        writes.ledger(), plan, phase, tally, LOAD_LIMIT);
    long recoveryMillis;
    boolean recovered = false;
    try {
      Thread.sleep(plan.warmUp().toMillis());
      phase.set(Phase.FAULT);
      kind.inject.apply(cluster, faulted);
      Thread.sleep(plan.faultFor().toMillis());
      long t0 = System.nanoTime();
      kind.recover.apply(cluster, faulted);
      recovered = true;
      recoveryMillis = (System.nanoTime() - t0) / 1_000_000;
      phase.set(Phase.AFTER);
      reads.stop();
      Thread.sleep(plan.afterFor().toMillis());
    } finally {
      if (!recovered) {
        kind.recover.apply(cluster, faulted);
      }
      reads.stop();
      writes.stop();
    }
    Map<String, KeyLedger.Entry> entries = writes.ledger().entries();
    long t0 = System.nanoTime();
    ReplicaSnapshot snapshot = ReplicaSnapshot.read(cluster, entries.keySet());
    long deadline = t0 + plan.convergeWithin().toNanos();
    while (!snapshot.differing().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      snapshot = ReplicaSnapshot.read(cluster, entries.keySet());
    }
    long converged = snapshot.differing().isEmpty() ? (System.nanoTime() - t0) / 1_000_000 : -1;
    Map<String, String> missingAtReturned = new LinkedHashMap<>();
    Map<String, String> lostOnReplicas = new LinkedHashMap<>();
    for (Map.Entry<String, KeyLedger.Entry> e : entries.entrySet()) {
      String key = e.getKey();
      KeyLedger.Entry entry = e.getValue();
      for (int owner : cluster.owners(key)) {
        String found = snapshot.at(key, owner);
        if (entry.lastAcked() != null && !entry.accepts(found)) {
          lostOnReplicas.put(key + " at node" + owner, entry.explain(found));
          if (owner == faulted && entry.ackedDuringFault()) {
            missingAtReturned.put(key, entry.explain(found));
          }
        }
      }
    }
    Map<String, String> lostByQuorumRead = quorumReadBack(cluster, (faulted + 1) % cluster.size(), entries,
        plan.convergeWithin());
    String notServing = null;
    try {
      cluster.awaitFormed(plan.convergeWithin());
    } catch (AssertionError e) {
      notServing = e.getMessage();
    }
    return new ScenarioResult(kind.title(), faulted, tally, writes.ledger(), recoveryMillis, converged,
        snapshot.differing(), lostByQuorumRead, lostOnReplicas, missingAtReturned, notServing);
  }

  /**
   * Every acknowledged key read through {@code node} at DC_QUORUM; the ones not acceptable. Bounded
   * by {@code within}: after three failed reads in a row, or when time is up, every key not read
   * yet is reported as not verified (with the reason), not silently passed.
   */
  private static Map<String, String> quorumReadBack(ProcessCluster cluster, int node,
      Map<String, KeyLedger.Entry> entries, Duration within) {
    Map<String, String> lost = new LinkedHashMap<>();
    long deadline = System.nanoTime() + within.toNanos();
    int failuresInARow = 0;
    String stopped = null;
    RawRespClient c = null;
    try {
      for (Map.Entry<String, KeyLedger.Entry> e : entries.entrySet()) {
        if (e.getValue().lastAcked() == null) {
          continue;
        }
        if (stopped == null && (failuresInARow >= 3 || System.nanoTime() > deadline)) {
          stopped = failuresInARow >= 3 ? "3 reads in a row failed" : "read-back took longer than " + within;
        }
        if (stopped != null) {
          lost.put(e.getKey(), "not verified: " + stopped);
          continue;
        }
        try {
          if (c == null) {
            c = quorumClient(cluster, node);
          }
          String reply = c.callString("GET", e.getKey());
          failuresInARow = 0;
          String found = reply.startsWith("$") && !reply.equals("$-1\r\n")
              ? reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2) : null;
          if (reply.startsWith("-")) {
            lost.put(e.getKey(), "error reply " + reply.strip());
          } else if (!e.getValue().accepts(found)) {
            lost.put(e.getKey(), e.getValue().explain(found));
          }
        } catch (IOException ex) {
          failuresInARow++;
          lost.put(e.getKey(), "no answer through node " + node + ": " + ex);
          close(c);
          c = null;
        }
      }
    } finally {
      close(c);
    }
    return lost;
  }

  private static RawRespClient quorumClient(ProcessCluster cluster, int node) throws IOException {
    RawRespClient c = cluster.client(node);
    try {
      c.setReadTimeoutMillis(FaultPlan.CLIENT_TIMEOUT_MILLIS);
      ReadLoad.useLevel(c, Consistency.DC_QUORUM);
      return c;
    } catch (IOException e) {
      c.close();
      throw e;
    }
  }

  private static void close(RawRespClient c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // Already broken.
      }
    }
  }
}
