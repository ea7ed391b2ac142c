package org.vertxdynomite.datastore.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A manual clock and timer service: time moves only when a test calls {@link #advance}. */
final class FakeTime implements StoreClock, StoreTimers {

  private record Task(long due, long seq, Runnable run) {}

  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private long seq;

  FakeTime(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public synchronized long millis() {
    return now;
  }

  @Override
  public synchronized Runnable schedule(long delayMillis, Runnable task) {
    Task t = new Task(now + delayMillis, seq++, task);
    tasks.add(t);
    return () -> {
      synchronized (this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves time forward, running due timers in order. */
  void advance(long millis) {
    long target;
    synchronized (this) {
      target = now + millis;
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> t.due <= target)
            .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq)).orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due);
      }
      next.run.run();
    }
  }

  synchronized int pendingTimers() {
    return tasks.size();
  }
}
