package org.vertxdynomite.handoff;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to; timers run on the given context when their time comes. */
final class ManualClock implements HandoffClock {

  private record Timer(long dueMillis, Runnable task) {}

  private final Context context;
  private final List<Timer> timers = new ArrayList<>();
  private long millis = 1_000_000;

  ManualClock(Context context) {
    this.context = context;
  }

  @Override
  public synchronized long wallMillis() {
    return millis;
  }

  @Override
  public synchronized long nanoTime() {
    return millis * 1_000_000;
  }

  @Override
  public synchronized void schedule(long delayMs, Runnable task) {
    timers.add(new Timer(millis + delayMs, task));
  }

  /** Moves time on by {@code ms} and runs the timers that come due. */
  void advance(long ms) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      millis += ms;
      timers.removeIf(t -> t.dueMillis <= millis && due.add(t.task));
    }
    due.forEach(task -> context.runOnContext(v -> task.run()));
  }

  /** The delays from now of the timers not yet run, in ms. */
  synchronized List<Long> pendingDelays() {
    return timers.stream().map(t -> t.dueMillis - millis).sorted().toList();
  }
}
