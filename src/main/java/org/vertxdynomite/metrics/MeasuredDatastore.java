package org.vertxdynomite.metrics;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * A {@link Datastore} that reports each request's time and failure to {@link NodeMetrics}: the
 * datastore ("server") latency and errors, whoever sent the request (a local client, another
 * node, the replicator). Blocking commands pass through untimed: their wait is not latency.
 */
public final class MeasuredDatastore implements Datastore {

  private final Datastore datastore;
  private final NodeMetrics metrics;

  public MeasuredDatastore(Datastore datastore, NodeMetrics metrics) {
    this.datastore = datastore;
    this.metrics = metrics;
  }

  /** The datastore measured. */
  public Datastore unwrap() {
    return datastore;
  }

  @Override
  public Future<Void> start() {
    return datastore.start();
  }

  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
    long start = System.nanoTime();
    Future<Reply> reply = datastore.execute(request, info, orderKey);
    boolean write = info.isWrite();
    if (reply.isComplete()) {
      record(write, reply, start);
    } else {
      reply.onComplete(ar -> record(write, reply, start));
    }
    return reply;
  }

  @Override
  public Future<Reply> executeBlocking(RespRequest request, CommandInfo info, Future<?> cancelled) {
    return datastore.executeBlocking(request, info, cancelled);
  }

  @Override
  public Future<Void> close() {
    return datastore.close();
  }

  private void record(boolean write, Future<Reply> reply, long start) {
    String failure = null;
    if (reply.failed()) {
      failure = reply.cause() instanceof StorageError s ? s.reason().name() : "OTHER";
    }
    metrics.datastoreRequest(write, failure, System.nanoTime() - start);
  }
}
