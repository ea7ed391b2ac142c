package org.vertxdynomite.fault;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Outcome counts of a load, by operation ({@code write}, {@code read DC_ONE}…), phase, node and
 * outcome ({@code ok}, or the error: the reply's first line or the exception).
 */
public final class Tally {

  /** One counted outcome. */
  public record Outcome(String op, Phase phase, int node, String outcome) {

    public boolean ok() {
      return outcome.equals(OK);
    }
  }

  public static final String OK = "ok";

  private final Map<Outcome, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String op, Phase phase, int node, String outcome) {
    counts.computeIfAbsent(new Outcome(op, phase, node, outcome), k -> new LongAdder()).increment();
  }

  /** The number of outcomes {@code which} accepts. */
  public long count(Predicate<Outcome> which) {
    long n = 0;
    for (Map.Entry<Outcome, LongAdder> e : counts.entrySet()) {
      if (which.test(e.getKey())) {
        n += e.getValue().sum();
      }
    }
    return n;
  }

  /** The failed outcomes {@code which} accepts, with their counts, for a failure message. */
  public Map<String, Long> failures(Predicate<Outcome> which) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> {
      if (!k.ok() && which.test(k)) {
        out.merge(k.op() + " " + k.phase() + " node" + k.node() + ": " + k.outcome(), v.sum(), Long::sum);
      }
    });
    return out;
  }

  /** An error reply or exception, shortened to what names its kind. */
  static String outcomeOf(String reply) {
    String line = reply.strip();
    return line.length() > 90 ? line.substring(0, 90) : line;
  }

  static String outcomeOf(Exception e) {
    return outcomeOf(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
