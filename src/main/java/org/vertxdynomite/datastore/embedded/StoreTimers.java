package org.vertxdynomite.datastore.embedded;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Schedules blocking-command timeouts. The Vert.x adapter schedules them as timers on the
 * blocked caller's own context; tests use a manual implementation driven by a fake clock.
 */
@FunctionalInterface
public interface StoreTimers {

  /** Runs {@code task} after {@code delayMillis}; the returned action cancels it if still pending. */
  Runnable schedule(long delayMillis, Runnable task);

  /** Timers on one shared daemon thread, for use without Vert.x. */
  static StoreTimers daemonThread() {
    return DaemonTimers.INSTANCE::schedule;
  }

  /** Holder of the lazily started daemon scheduler. */
  final class DaemonTimers {
    private static final DaemonTimers INSTANCE = new DaemonTimers();
    private final ScheduledThreadPoolExecutor exec;

    private DaemonTimers() {
      exec = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "embedded-store-timers");
        t.setDaemon(true);
        return t;
      });
      exec.setRemoveOnCancelPolicy(true);
    }

    private Runnable schedule(long delayMillis, Runnable task) {
      var f = exec.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    }
  }
}
