package org.vertxdynomite.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where a node's start-up time goes: each step of {@link Node#start} is marked as it ends, and
 * {@link #describe()} gives one line, logged at INFO once the node serves, e.g. {@code started in
 * 2310 ms: jvm and config 620 ms, cluster join 1200 ms, datastore 15 ms, …}. The first phase runs
 * from the JVM's start, so the line covers what an operator waits for. Thread-safe: the steps end
 * on different threads.
 */
final class StartupPhases {

  private record Phase(String name, long ms) {}

  private final LongSupplier clock;
  private final long start;
  private final List<Phase> phases = new ArrayList<>();
  private long last;

  StartupPhases(LongSupplier clock, long start) {
    this.clock = clock;
    this.start = start;
    this.last = start;
  }

  /** Phases timed from this JVM's start, as the JVM recorded it (to the millisecond). */
  static StartupPhases sinceJvmStart() {
    long now = System.currentTimeMillis();
    return new StartupPhases(System::currentTimeMillis, Math.min(ManagementFactory.getRuntimeMXBean().getStartTime(), now));
  }

  /** Ends the phase running since the last mark (or since the start), naming it {@code name}. */
  synchronized void mark(String name) {
    long now = clock.getAsLong();
    phases.add(new Phase(name, Math.max(0, now - last)));
    last = Math.max(last, now);
  }

  /** {@code started in T ms: a 12 ms, b 30 ms}, T from the start to the last mark. */
  synchronized String describe() {
    StringBuilder b = new StringBuilder("started in ").append(last - start).append(" ms");
    String sep = ": ";
    for (Phase p : phases) {
      b.append(sep).append(p.name()).append(' ').append(p.ms()).append(" ms");
      sep = ", ";
    }
    return b.toString();
  }
}
