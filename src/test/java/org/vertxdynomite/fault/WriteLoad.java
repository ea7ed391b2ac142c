package org.vertxdynomite.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * A bounded write load: connections to the given nodes, each writer SETting its own keys in turn,
 * one write at a time, at the nodes' write level (the cluster is started with DC_QUORUM writes).
 * Every write goes into the {@link KeyLedger}; every outcome into the {@link Tally} as {@code write}.
 */
public final class WriteLoad {

  private final List<Writer> writers = new ArrayList<>();
  private final KeyLedger ledger = new KeyLedger();

  /**
   * Starts {@code plan.writersPerNode()} writers per node of {@code nodes}; keys are
   * {@code <prefix>:w<writer>:<phase>:<i>}. Each stops at its bound or after {@code maxRun}.
   */
  public static WriteLoad start(ProcessCluster cluster, List<Integer> nodes, String prefix, FaultPlan plan,
      AtomicReference<Phase> phase, Tally tally, java.time.Duration maxRun) {
    WriteLoad load = new WriteLoad();
    long deadline = System.nanoTime() + maxRun.toNanos();
    int id = 0;
    for (int node : nodes) {
      for (int k = 0; k < plan.writersPerNode(); k++, id++) {
        Writer w = new Writer(load.ledger, id, prefix + ":w" + id + ":", plan, node, cluster.port(node), phase,
            tally, deadline);
        load.writers.add(w);
      }
    }
    load.writers.forEach(Thread::start);
    return load;
  }

  public KeyLedger ledger() {
    return ledger;
  }

  /** Stops every writer after its current write and waits until all have stopped. */
  public void stop() throws InterruptedException {
    LoadThread.stopAll(writers);
  }

  private static final class Writer extends LoadThread {
    private final KeyLedger ledger;
    private final int id;
    private final String prefix;
    private final FaultPlan plan;
    private long seq;
    private String inFlightKey;
    private String inFlightValue;

    Writer(KeyLedger ledger, int id, String prefix, FaultPlan plan, int node, int port,
        AtomicReference<Phase> phase, Tally tally, long deadline) {
      super("write#" + id, node, port, phase, tally, deadline);
      this.ledger = ledger;
      this.id = id;
      this.prefix = prefix;
      this.plan = plan;
    }

    @Override
    boolean step(RawRespClient c) throws IOException {
      if (seq >= plan.maxWritesPerWriter()) {
        return false;
      }
      // Each phase writes keys of its own, so that what was written during the fault is not
      // overwritten afterwards and can be looked for in the replica that was away.
      Phase issued = phase.get();
      inFlightKey = prefix + issued.name().toLowerCase() + ":" + (seq % plan.keysPerWriter());
      inFlightValue = KeyLedger.value(id, seq);
      seq++;
      String reply = c.callString("SET", inFlightKey, inFlightValue);
      Phase at = phase.get();
      if (reply.equals("+OK\r\n")) {
        ledger.acked(inFlightKey, inFlightValue, issued);
        tally.add("write", at, node, Tally.OK);
      } else {
        // A failed quorum write may still have been applied by the replicas that answered.
        ledger.failed(inFlightKey, inFlightValue);
        tally.add("write", at, node, Tally.outcomeOf(reply));
      }
      return true;
    }

    @Override
    void stepFailed(IOException e) {
      ledger.failed(inFlightKey, inFlightValue);
      tally.add("write", phase.get(), node, Tally.outcomeOf(e));
    }
  }
}
