package org.vertxdynomite.datastore.embedded;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * Commands blocked on keys: one FIFO queue per key (first come, first served), and the keys that
 * became ready (a list or sorted set appeared) since the last serving round, in signal order.
 */
final class BlockedClients implements Keyspace.ReadyListener {

  /** One blocked command. Its fields are guarded by the store's lock. */
  static final class Waiter {
    final RespRequest request;
    final byte[][] keys;
    final Outcome.Server server;
    final Reply onTimeout;
    final Consumer<Reply> sink;
    Runnable cancelTimer;
    boolean done;

    Waiter(RespRequest request, byte[][] keys, Outcome.Server server, Reply onTimeout, Consumer<Reply> sink) {
      this.request = request;
      this.keys = keys;
      this.server = server;
      this.onTimeout = onTimeout;
      this.sink = sink;
    }
  }

  private final ByteDict<ArrayDeque<Waiter>> byKey = new ByteDict<>();
  private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
  private final ByteDict<Boolean> readySet = new ByteDict<>();
  private int count;

  int size() {
    return count;
  }

  @Override
  public void keyReady(byte[] key) {
    if (byKey.containsKey(key) && !readySet.containsKey(key)) {
      readySet.insertNew(key, Boolean.TRUE);
      ready.addLast(key);
    }
  }

  /** Queues {@code w} on each of its keys (a key named twice is queued once, as Redis does). */
  void add(Waiter w) {
    for (byte[] k : w.keys) {
      ArrayDeque<Waiter> q = byKey.get(k);
      if (q == null) {
        q = new ArrayDeque<>();
        byKey.insertNew(k, q);
      }
      if (!q.contains(w)) {
        q.addLast(w);
      }
    }
    count++;
  }

  /** Takes {@code w} out of every queue. */
  void remove(Waiter w) {
    for (byte[] k : w.keys) {
      ArrayDeque<Waiter> q = byKey.get(k);
      if (q != null && q.remove(w) && q.isEmpty()) {
        byKey.remove(k);
      }
    }
    count--;
  }

  /** The next ready key, or null. */
  byte[] pollReady() {
    byte[] k = ready.pollFirst();
    if (k != null) {
      readySet.remove(k);
    }
    return k;
  }

  /** The queue of commands blocked on {@code key}, or null. */
  ArrayDeque<Waiter> queue(byte[] key) {
    return byKey.get(key);
  }
}
