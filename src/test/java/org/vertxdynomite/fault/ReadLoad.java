package org.vertxdynomite.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.testutil.ProcessCluster;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * A read load: connections to given nodes, each at its own consistency level (set with
 * {@code DYNO_CONFIG:CONN_CONSISTENCY}), GETting keys in turn. Outcomes go into the {@link Tally}
 * as {@code read <LEVEL>}: {@code ok} for any reply that is not an error, or, when the reader knows
 * the value a key holds, only for that value.
 */
public final class ReadLoad {

  private final List<Reader> readers = new ArrayList<>();

  /** Reads keys the {@code ledger} has seen acknowledged, without checking their values (they change). */
  public static ReadLoad ofWrittenKeys(ProcessCluster cluster, List<Integer> nodes, List<Consistency> levels,
      KeyLedger ledger, FaultPlan plan, AtomicReference<Phase> phase, Tally tally, java.time.Duration maxRun) {
    ReadLoad load = new ReadLoad();
    long deadline = System.nanoTime() + maxRun.toNanos();
    for (int node : nodes) {
      for (Consistency level : levels) {
        load.readers.add(new Reader(level, node, cluster.port(node), i -> ledger.ackedKey(i), null, plan, phase,
            tally, deadline));
      }
    }
    load.readers.forEach(Thread::start);
    return load;
  }

  /** Reads the keys of {@code known}, each reply checked against the key's value there. */
  public static ReadLoad ofKnownValues(ProcessCluster cluster, int node, Consistency level, Map<String, String> known,
      FaultPlan plan, AtomicReference<Phase> phase, Tally tally, java.time.Duration maxRun) {
    ReadLoad load = new ReadLoad();
    List<String> keys = List.copyOf(known.keySet());
    load.readers.add(new Reader(level, node, cluster.port(node), i -> keys.get(Math.floorMod(i, keys.size())), known,
        plan, phase, tally, System.nanoTime() + maxRun.toNanos()));
    load.readers.forEach(Thread::start);
    return load;
  }

  /** Stops every reader after its current read and waits until all have stopped. */
  public void stop() throws InterruptedException {
    LoadThread.stopAll(readers);
  }

  /** Sets {@code c}'s connection consistency level for its reads. */
  static void useLevel(RawRespClient c, Consistency level) throws IOException {
    String reply = c.callString("DYNO_CONFIG:CONN_CONSISTENCY", level.name());
    if (!reply.equals("+OK\r\n")) {
      throw new IOException("cannot set the connection's level to " + level + ": " + reply.strip());
    }
  }

  private static final class Reader extends LoadThread {
    private final Consistency level;
    private final java.util.function.IntFunction<String> keys;
    private final Map<String, String> known;
    private final FaultPlan plan;
    private int next;

    Reader(Consistency level, int node, int port, java.util.function.IntFunction<String> keys,
        Map<String, String> known, FaultPlan plan, AtomicReference<Phase> phase, Tally tally, long deadline) {
      super("read " + level.name() + "#" + node, node, port, phase, tally, deadline);
      this.level = level;
      this.keys = keys;
      this.known = known;
      this.plan = plan;
    }

    @Override
    void prepare(RawRespClient c) throws IOException {
      useLevel(c, level);
    }

    @Override
    boolean step(RawRespClient c) throws IOException {
      String key = keys.apply(next++);
      if (key == null) {
        pause(20);
        return true;
      }
      String reply = c.callString("GET", key);
      String outcome;
      if (isError(reply)) {
        outcome = Tally.outcomeOf(reply);
      } else if (known != null && !reply.equals(bulk(known.get(key)))) {
        outcome = "wrong value: " + Tally.outcomeOf(reply);
      } else {
        outcome = Tally.OK;
      }
      tally.add(op(), phase.get(), node, outcome);
      pause(plan.readPauseMillis());
      return true;
    }

    @Override
    void stepFailed(IOException e) {
      tally.add(op(), phase.get(), node, Tally.outcomeOf(e));
    }

    private static String bulk(String v) {
      return "$" + v.length() + "\r\n" + v + "\r\n";
    }
  }
}
