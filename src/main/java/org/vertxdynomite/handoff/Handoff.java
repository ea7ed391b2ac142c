package org.vertxdynomite.handoff;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.vertxdynomite.resp.RespRequest;

/**
 * Hinted handoff as one service: the {@link HintLog} and its {@link HintReplayer}, deployed as a
 * verticle (its context runs the replayer). The coordinator {@link #write}s a hint when a replica
 * or a remote datacenter could not take a write, and reports targets {@link #targetUp up} and
 * {@link #targetDown down}; hints are delivered through the function given here.
 *
 * <p>The methods may be called from any thread once the verticle has started; before that (and
 * after it stopped) {@link #write} fails with {@link HandoffError#CLOSED}.
 */
public final class Handoff extends VerticleBase {

  private final HandoffSettings settings;
  private final Function<Hint, Future<Void>> deliver;
  private final HintCounters counters = new HintCounters();
  private final Set<HintTarget> up = ConcurrentHashMap.newKeySet();
  private volatile HintLog log;
  private volatile HintReplayer replayer;

  /**
   * @param deliver sends one hint to its target (the owner node for {@link HintKind#FORWARD}, the
   *     datacenter's replicator for {@link HintKind#REPLICATE}) marked as a replayed hint, with the
   *     hint's timestamp; the future succeeds once the target applied it (or its fence skipped it
   *     as older), fails otherwise, and must time out on its own
   */
  public Handoff(HandoffSettings settings, Function<Hint, Future<Void>> deliver) {
    this.settings = settings;
    this.deliver = deliver;
  }

  @Override
  public Future<?> start() {
    return HintLog.open(vertx, settings, counters).onSuccess(l -> {
      HintReplayer r = new HintReplayer(l, deliver, settings, HandoffClock.system(vertx), context);
      log = l;
      replayer = r;
      up.forEach(r::targetUp);
      r.start();
    });
  }

  @Override
  public Future<?> stop() {
    HintReplayer r = replayer;
    HintLog l = log;
    log = null;
    if (r != null) {
      r.stop();
    }
    return l == null ? Future.succeededFuture() : l.close();
  }

  /**
   * Stores a hint for {@code target}, expiring {@code hint_window_ms} from now. Completes once it
   * is in the log (see {@link HintLog#append} for durability); fails with a {@link HandoffError}
   * (full, closed or I/O), in which case the write counts as not made on that replica.
   */
  public Future<Void> write(HintTarget target, HintKind kind, long timestamp, long orderKey, RespRequest request) {
    return append(new Hint(target, kind, timestamp, settings.expiresAt(System.currentTimeMillis()), orderKey, request));
  }

  /** Stores a hint built by the caller (its own expiry); as {@link #write}. */
  public Future<Void> append(Hint hint) {
    HintLog l = log;
    if (l == null) {
      return Future.failedFuture(HandoffError.CLOSED);
    }
    return l.append(hint).onSuccess(v -> {
      HintReplayer r = replayer;
      if (r != null && up.contains(hint.target())) {
        r.hinted(hint.target());
      }
    });
  }

  /** The target is live: its pending hints are replayed. Targets start out down. */
  public void targetUp(HintTarget target) {
    up.add(target);
    HintReplayer r = replayer;
    if (r != null) {
      r.targetUp(target);
    }
  }

  /** The target is down: replay to it stops after the batch in flight. */
  public void targetDown(HintTarget target) {
    up.remove(target);
    HintReplayer r = replayer;
    if (r != null) {
      r.targetDown(target);
    }
  }

  /** The counts, readable before start and after stop (zeros and the last values). */
  public HintStats stats() {
    return counters;
  }
}
