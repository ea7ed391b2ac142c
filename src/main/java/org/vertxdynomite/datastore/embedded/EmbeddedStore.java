package org.vertxdynomite.datastore.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * An in-JVM, Redis-compatible keyspace (strings, lists, hashes, sets, sorted sets, HyperLogLog,
 * bitmaps; expiry; blocking pops) whose replies are byte-identical to redis-server 7.0.15's.
 *
 * <p><b>Concurrency.</b> One keyspace, one lock. Every command runs synchronously on the calling
 * thread while holding the lock, so commands are atomic and totally ordered as on Redis's single
 * thread, and a caller on an event loop never hops threads. The lock is held only for the
 * command's own work. A blocking command that cannot be served at once registers a waiter in a
 * FIFO queue per key and releases the lock; whichever later command makes one of its keys ready
 * serves it (still under the lock, so the pop and the push are one atomic step), and its reply is
 * handed to the waiter's callback after the lock is released. Timeouts run from {@link
 * StoreTimers}.
 */
public final class EmbeddedStore {

  private final EmbeddedOptions options;
  private final StoreTimers timers;
  private final StoreClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final BlockedClients blocked = new BlockedClients();
  private final Keyspace ks = new Keyspace(blocked);
  private final CommandTable table = CommandTable.standard();

  /** A store with {@code options}, timing blocking commands out on a shared daemon thread. */
  public EmbeddedStore(EmbeddedOptions options) {
    this(options, StoreTimers.daemonThread());
  }

  public EmbeddedStore(EmbeddedOptions options, StoreTimers timers) {
    this.options = options;
    this.timers = timers;
    this.clock = options.clock();
  }

  public EmbeddedOptions options() {
    return options;
  }

  /**
   * Runs one command and returns its reply; never waits. A blocking command that would block
   * answers as it does inside MULTI on Redis (a nil reply).
   */
  public Reply execute(RespRequest request) {
    return execute(table.get(request.arg(0)), request);
  }

  /**
   * As {@link #execute}, when {@code request}'s command cannot block; null, running nothing, when
   * it can ({@link #mayBlock}): such a command goes through {@link #submit}. One table look-up.
   */
  public Reply executeUnlessBlocking(RespRequest request) {
    CommandSpec spec = table.get(request.arg(0));
    return blocks(spec) ? null : execute(spec, request);
  }

  private Reply execute(CommandSpec spec, RespRequest request) {
    List<Delivery> deliveries;
    Reply reply;
    lock.lock();
    try {
      Object r = run(spec, request, null);
      deliveries = serveReady();
      reply = r instanceof Reply rep ? rep : ((Outcome.Wait) r).noBlock();
    } finally {
      lock.unlock();
    }
    deliver(deliveries);
    return reply;
  }

  /**
   * Runs one command that may block. If the reply is known at once it is returned in the
   * submission and {@code later} is never called; otherwise {@code later} receives the reply
   * exactly once, on the thread that served or timed out the command, unless cancelled first.
   */
  public Submission submit(RespRequest request, Consumer<Reply> later) {
    List<Delivery> deliveries;
    Submission result;
    lock.lock();
    try {
      Object r = run(table.get(request.arg(0)), request, later);
      deliveries = serveReady();
      result = r instanceof Reply rep ? Submission.done(rep) : (Submission) r;
    } finally {
      lock.unlock();
    }
    deliver(deliveries);
    return result;
  }

  /**
   * Whether {@code request} names a command that can block (BLPOP…); the others always have their
   * reply at once, so {@link #execute} gives exactly what {@link #submit} would.
   */
  public boolean mayBlock(RespRequest request) {
    return blocks(table.get(request.arg(0)));
  }

  private static boolean blocks(CommandSpec spec) {
    return spec != null && spec.blocking() != null;
  }

  /**
   * Runs {@code request} by {@code spec} (its table row, null for an unknown command); returns a
   * Reply, an Outcome.Wait (sync callers) or a Submission for a registered waiter.
   */
  private Object run(CommandSpec spec, RespRequest request, Consumer<Reply> later) {
    ks.begin(clock.millis());
    Object result;
    try {
      result = dispatch(spec, request, later);
    } catch (RespError e) {
      result = e;
    }
    ks.settle();
    return result;
  }

  private Object dispatch(CommandSpec spec, RespRequest request, Consumer<Reply> later) {
    if (spec == null) {
      return unknownCommand(request);
    }
    if (!spec.arityOk(request.argc())) {
      return Errors.wrongArgs(spec.name());
    }
    // The one memory check. To use the command table's flag instead: info.isDenyOom().
    if (spec.isDenyOom() && options.maxmemory() > 0 && ks.usedMemory() > options.maxmemory()) {
      return Errors.OOM;
    }
    Call call = new Call(request, ks, this);
    if (spec.handler() != null) {
      return spec.handler().handle(call);
    }
    Outcome o = spec.blocking().handle(call);
    if (o instanceof Outcome.Now now) {
      return now.reply();
    }
    Outcome.Wait w = (Outcome.Wait) o;
    return later == null ? w : block(request, w, later);
  }

  private Submission block(RespRequest request, Outcome.Wait w, Consumer<Reply> later) {
    BlockedClients.Waiter waiter = new BlockedClients.Waiter(request, w.keys(), w.server(), w.onTimeout(), later);
    blocked.add(waiter);
    if (w.deadline() > 0) {
      // Redis times out once "now" is past the deadline.
      long delay = Math.max(0, w.deadline() - ks.now() + 1);
      waiter.cancelTimer = timers.schedule(delay, () -> timeOut(waiter));
    }
    return new Submission() {
      @Override
      public Reply immediate() {
        return null;
      }

      @Override
      public boolean cancel() {
        lock.lock();
        try {
          return finish(waiter);
        } finally {
          lock.unlock();
        }
      }
    };
  }

  private void timeOut(BlockedClients.Waiter waiter) {
    boolean expired;
    lock.lock();
    try {
      expired = finish(waiter);
    } finally {
      lock.unlock();
    }
    if (expired) {
      waiter.sink.accept(waiter.onTimeout);
    }
  }

  /** Unregisters a waiter still pending; returns false if it was already served or cancelled. */
  private boolean finish(BlockedClients.Waiter waiter) {
    if (waiter.done) {
      return false;
    }
    waiter.done = true;
    blocked.remove(waiter);
    if (waiter.cancelTimer != null) {
      waiter.cancelTimer.run();
    }
    return true;
  }

  /** Serves waiters on keys that became ready, first come first served, like Redis's handleClientsBlockedOnKeys. */
  private List<Delivery> serveReady() {
    // Allocated only when a blocked client is served: most commands serve none.
    List<Delivery> deliveries = null;
    byte[] key;
    while ((key = blocked.pollReady()) != null) {
      ArrayDeque<BlockedClients.Waiter> q = blocked.queue(key);
      int n = q == null ? 0 : q.size();
      while (n-- > 0 && !q.isEmpty() && ks.exists(key)) {
        BlockedClients.Waiter w = q.peekFirst();
        Reply r;
        try {
          r = w.server.serve(new Call(w.request, ks, this), key);
        } catch (RespError e) {
          r = e;
        }
        ks.settle();
        if (r == null) {
          // Not servable from this key's type: Redis moves it to the back of the queue.
          q.pollFirst();
          q.addLast(w);
          continue;
        }
        finish(w);
        if (deliveries == null) {
          deliveries = new ArrayList<>(1);
        }
        deliveries.add(new Delivery(w.sink, r));
      }
    }
    return deliveries;
  }

  private static void deliver(List<Delivery> deliveries) {
    if (deliveries == null) {
      return;
    }
    for (Delivery d : deliveries) {
      d.sink.accept(d.reply);
    }
  }

  private record Delivery(Consumer<Reply> sink, Reply reply) {}

  private static RespError unknownCommand(RespRequest request) {
    StringBuilder args = new StringBuilder();
    for (int i = 1; i < request.argc() && args.length() < 128; i++) {
      String a = request.argString(i);
      int room = 128 - args.length();
      args.append('\'').append(a.length() > room ? a.substring(0, room) : a).append("' ");
    }
    String name = request.argString(0);
    if (name.length() > 128) {
      name = name.substring(0, 128);
    }
    return RespError.err("unknown command '" + name + "', with args beginning with: " + args);
  }

  /**
   * One active expiry cycle: rounds of sampling keys with a TTL, repeated while more than 10% of
   * a sample had expired, within the configured time budget. Returns the number of keys expired.
   */
  public int activeExpireCycle() {
    long budgetNanos = options.activeExpireBudgetMicros() * 1000;
    long start = System.nanoTime();
    int total = 0;
    int samples = options.activeExpireSamples();
    // Bounded: at most one round per sampled batch until the budget is spent.
    for (int round = 0; round < 1_000_000; round++) {
      int expired;
      lock.lock();
      try {
        ks.begin(clock.millis());
        expired = ks.activeExpire(samples);
        ks.settle();
      } finally {
        lock.unlock();
      }
      total += expired;
      if (expired * 10 <= samples || System.nanoTime() - start > budgetNanos) {
        break;
      }
    }
    return total;
  }

  /** Number of keys, expired ones not yet reclaimed included (as Redis's DBSIZE). */
  public long dbSize() {
    return locked(ks::size);
  }

  /** Keys with a time to live (INFO keyspace's {@code expires}). */
  public long expiresCount() {
    return locked(ks::volatileCount);
  }

  /** INFO keyspace's {@code avg_ttl}: the estimated mean remaining TTL of keys with one, ms. */
  public long avgTtl() {
    return locked(ks::avgTtl);
  }

  /** The current memory estimate in bytes. */
  public long usedMemory() {
    return locked(ks::usedMemory);
  }

  /** Keys deleted by expiry (lazy or active) since start. */
  public long expiredKeys() {
    return locked(ks::expiredKeys);
  }

  /** Commands currently blocked. */
  public int blockedCount() {
    return locked(blocked::size);
  }

  private <T> T locked(java.util.function.Supplier<T> read) {
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }
}
