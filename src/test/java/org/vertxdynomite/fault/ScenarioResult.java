package org.vertxdynomite.fault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.vertxdynomite.fault.Tally.Outcome;

/**
 * What one fault scenario measured: the load's outcomes, how long recovery and convergence took,
 * and every acknowledged write found missing or overwritten — through a DC_QUORUM read, in each
 * replica's redis-server, and in the returned node's redis-server.
 *
 * @param name the scenario
 * @param faulted the node (or the node in front of the redis-server) the fault hit
 * @param tally every load outcome
 * @param ledger every write issued
 * @param recoveryMillis from the start of recovery until the faulty part answered again
 * @param convergedMillis from the end of the write load (it runs on past recovery) until every
 *     owner held the same value of every key written, or -1 when that did not happen within the
 *     plan's bound
 * @param differing keys whose owners still differ at the end (owner → value)
 * @param lostByQuorumRead keys whose DC_QUORUM read, after convergence, did not return an
 *     acceptable value (key → what was found)
 * @param lostOnReplicas keys some owner's redis-server does not hold acceptably ("key at node n" → what)
 * @param missingAtReturned keys acknowledged during the fault that the returned node's (or
 *     restarted redis-server's) data does not hold acceptably
 * @param notServing null when, after all this, every node wrote and read a key of every owner
 *     within the plan's convergence bound; else what went wrong
 */
public record ScenarioResult(String name, int faulted, Tally tally, KeyLedger ledger, long recoveryMillis,
    long convergedMillis, Map<String, Map<Integer, String>> differing, Map<String, String> lostByQuorumRead,
    Map<String, String> lostOnReplicas, Map<String, String> missingAtReturned, String notServing) {

  private static final int EXAMPLES = 8;

  /** Acknowledged writes in {@code phase} (null: all phases). */
  public long acked(Phase phase) {
    return tally.count(o -> o.op().equals("write") && o.ok() && (phase == null || o.phase() == phase));
  }

  /** Keys with an acknowledged write while the fault lasted. */
  public long keysAckedDuringFault() {
    return ledger.entries().values().stream().filter(KeyLedger.Entry::ackedDuringFault).count();
  }

  /** Outcomes of {@code op} during the fault at nodes other than the faulted one, ok or not. */
  public long duringFaultElsewhere(String op, boolean ok) {
    return tally.count(elsewhere(op).and(o -> o.ok() == ok));
  }

  /** Failures of {@code op} during the fault at nodes other than the faulted one, by kind. */
  public Map<String, Long> failuresElsewhere(String op) {
    return tally.failures(elsewhere(op));
  }

  /** Outcomes of {@code op} during the fault at any node, ok or not. */
  public long duringFault(String op, boolean ok) {
    return tally.count(o -> o.op().equals(op) && o.phase() == Phase.FAULT && o.ok() == ok);
  }

  private Predicate<Outcome> elsewhere(String op) {
    return o -> o.op().equals(op) && o.phase() == Phase.FAULT && o.node() != faulted;
  }

  /**
   * A table row: scenario | acked (during fault) | lost | reads during fault | convergence | serving
   * again.
   */
  public String row() {
    String lost = lostByQuorumRead.size() + " / " + lostOnReplicas.size() + " / " + missingAtReturned.size();
    return "| %s | %d (%d) | %s | %d / %d | %d / %d | %s | %s |".formatted(name, acked(null), acked(Phase.FAULT), lost,
        duringFault("read DC_ONE", true), duringFault("read DC_ONE", false),
        duringFault("read DC_QUORUM", true), duringFault("read DC_QUORUM", false),
        convergedMillis >= 0 ? convergedMillis + " ms" : "not within bound: " + differing.size() + " keys differ",
        notServing == null ? "yes" : "no");
  }

  /** Everything, with a few examples of each problem, for a failure message or the log. */
  public String details() {
    return """
        %s (faulted node %d): recovery %d ms, converged %s
          writes acked %d (during fault %d, keys acked during fault %d); write failures during fault %s
          reads during fault: DC_ONE ok %d failed %d, DC_QUORUM ok %d failed %d; failures %s
          differing %d %s %s
          lost by DC_QUORUM read %d %s %s
          lost on replicas %d %s %s
          missing at the returned node %d %s
          every node serving again: %s""".formatted(name, faulted, recoveryMillis,
        convergedMillis >= 0 ? convergedMillis + " ms" : "no",
        acked(null), acked(Phase.FAULT), keysAckedDuringFault(), tally.failures(o -> o.op().equals("write")),
        duringFault("read DC_ONE", true), duringFault("read DC_ONE", false),
        duringFault("read DC_QUORUM", true), duringFault("read DC_QUORUM", false),
        tally.failures(o -> o.op().startsWith("read")),
        differing.size(), byPhase(differing), examples(differing), lostByQuorumRead.size(),
        byPhase(lostByQuorumRead), examples(lostByQuorumRead), lostOnReplicas.size(), byPhase(lostOnReplicas),
        examples(lostOnReplicas), missingAtReturned.size(), examples(missingAtReturned),
        notServing == null ? "yes" : notServing);
  }

  /** How many keys of {@code map} each phase wrote (keys are {@code <prefix>:w<n>:<phase>:<i>}). */
  static Map<Phase, Long> byPhase(Map<String, ?> map) {
    Map<Phase, Long> out = new java.util.EnumMap<>(Phase.class);
    for (String key : map.keySet()) {
      for (Phase p : Phase.values()) {
        if (key.contains(":" + p.name().toLowerCase() + ":")) {
          out.merge(p, 1L, Long::sum);
        }
      }
    }
    return out;
  }

  /** The first few entries of {@code map}. */
  static <V> Map<String, V> examples(Map<String, V> map) {
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : new TreeMap<>(map).entrySet()) {
      if (out.size() == EXAMPLES) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * The differing keys whose replicas hold anything but the last acknowledged value or a write
   * issued after it that failed (unacknowledged): what differs beyond writes no client was told of.
   */
  public Map<String, Map<Integer, String>> differingBeyondUnacknowledged() {
    Map<String, KeyLedger.Entry> entries = ledger.entries();
    Map<String, Map<Integer, String>> out = new java.util.LinkedHashMap<>();
    differing.forEach((key, values) -> {
      KeyLedger.Entry e = entries.get(key);
      if (e == null || !values.values().stream().allMatch(e::accepts)) {
        out.put(key, values);
      }
    });
    return out;
  }
}
