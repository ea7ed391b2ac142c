package org.vertxdynomite.fault;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * One client connection of a load, to one node, run by a thread of its own: it reconnects after a
 * failure (counting a refused connection as {@code unreachable}, the request never sent) and stops
 * when told, when its bound is reached or when its deadline passes.
 */
abstract class LoadThread extends Thread {

  final int node;
  private final int port;
  final AtomicReference<Phase> phase;
  final Tally tally;
  private final long deadlineNanos;
  private volatile boolean stopping;
  private RawRespClient client;

  LoadThread(String name, int node, int port, AtomicReference<Phase> phase, Tally tally, long deadlineNanos) {
    super(name);
    setDaemon(true);
    this.node = node;
    this.port = port;
    this.phase = phase;
    this.tally = tally;
    this.deadlineNanos = deadlineNanos;
  }

  /** Runs one operation on {@code c}; false when the thread's bound is reached. */
  abstract boolean step(RawRespClient c) throws IOException;

  /** Called when {@link #step} threw: the operation's outcome is unknown. */
  abstract void stepFailed(IOException e);

  /** Commands run on every new connection (e.g. the connection's consistency level). */
  void prepare(RawRespClient c) throws IOException {}

  final String op() {
    return getName().replaceAll("#\\d+$", "");
  }

  @Override
  public final void run() {
    try {
      while (!stopping && System.nanoTime() < deadlineNanos) {
        if (client == null && !connect()) {
          pause(200);
          continue;
        }
        try {
          if (!step(client)) {
            return;
          }
        } catch (IOException e) {
          stepFailed(e);
          closeClient();
          pause(100);
        }
      }
    } finally {
      closeClient();
    }
  }

  private boolean connect() {
    try {
      RawRespClient c = new RawRespClient("127.0.0.1", port);
      c.setReadTimeoutMillis(FaultPlan.CLIENT_TIMEOUT_MILLIS);
      client = c;
      prepare(c);
      return true;
    } catch (IOException e) {
      tally.add(op(), phase.get(), node, "unreachable: " + Tally.outcomeOf(e));
      closeClient();
      return false;
    }
  }

  private void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // Already broken.
      }
      client = null;
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks the thread to stop after its current operation and waits (bounded) until it has. */
  final void stopAndJoin() throws InterruptedException {
    stopping = true;
    join(FaultPlan.CLIENT_TIMEOUT_MILLIS * 2L + 2_000);
    if (isAlive()) {
      throw new IllegalStateException(getName() + " did not stop");
    }
  }

  /** Stops every thread of {@code threads} (see {@link #stopAndJoin}). */
  static void stopAll(java.util.List<? extends LoadThread> threads) throws InterruptedException {
    for (LoadThread t : threads) {
      t.stopAndJoin();
    }
  }

  static boolean isError(String reply) {
    return reply.startsWith("-");
  }

}
