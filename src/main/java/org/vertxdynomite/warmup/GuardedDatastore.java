package org.vertxdynomite.warmup;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.replication.LateWrites;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * The node's datastore as every write reaches it — its own clients', other coordinators', other
 * datacenters' — telling a {@link WarmupGuard} which keys each write touches before applying it.
 * A FLUSHALL/FLUSHDB waits for the copies being restored ({@link WarmupGuard#beforeFlush}). Reads,
 * and everything while no warm-up runs, pass straight through.
 */
public final class GuardedDatastore implements Datastore {

  private final Datastore inner;
  private final WarmupGuard guard;

  public GuardedDatastore(Datastore inner, WarmupGuard guard) {
    this.inner = inner;
    this.guard = guard;
  }

  @Override
  public Future<Void> start() {
    return inner.start();
  }

  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
    if (!guard.active() || !info.isWrite()) {
      return inner.execute(request, info, orderKey);
    }
    Future<Void> ready = isFlush(info) ? guard.beforeFlush()
        : guard.beforeWrite(keys(request, info), LateWrites.overwrites(info.name(), request));
    return ready.isComplete() ? inner.execute(request, info, orderKey)
        : ready.compose(v -> inner.execute(request, info, orderKey));
  }

  @Override
  public Future<Reply> executeBlocking(RespRequest request, CommandInfo info, Future<?> cancelled) {
    if (!guard.active() || !info.isWrite()) {
      return inner.executeBlocking(request, info, cancelled);
    }
    return guard.beforeWrite(keys(request, info), LateWrites.overwrites(info.name(), request))
        .compose(v -> inner.executeBlocking(request, info, cancelled));
  }

  @Override
  public Future<Void> close() {
    return inner.close();
  }

  private static boolean isFlush(CommandInfo info) {
    return info.name().equals("flushall") || info.name().equals("flushdb");
  }

  private static List<byte[]> keys(RespRequest request, CommandInfo info) {
    int[] positions = info.keyPositions(request);
    List<byte[]> keys = new ArrayList<>(positions.length);
    for (int p : positions) {
      keys.add(request.arg(p));
    }
    return keys;
  }
}
