package org.vertxdynomite.datastore.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * A redis-server behind the node, reached through vertx-redis-client.
 *
 * <p>Each Vert.x context that sends requests gets a {@link RedisLane} of its own with
 * {@code datastore_connections} persistent connections, so an event loop never waits for another
 * one and replies arrive on the thread that will write them to the client. Connections speak RESP2
 * without a HELLO handshake, exactly as a plain client would.
 *
 * <p>Each request's timeout is {@code timeout} times the timeout factor current when it is sent
 * (the admin port's {@code /set_timeout_factor}); reconnections are reported to {@link
 * NodeMetrics}.
 */
public final class RedisDatastore implements Datastore {

  private final Vertx vertx;
  private final RedisSettings settings;
  private final RedisOptions options;
  private final IntSupplier timeoutFactor;
  private final NodeMetrics metrics;
  private final Map<Context, RedisLane> lanes = new ConcurrentHashMap<>();
  /** Lane for callers outside any Vert.x context (tests, the CLI). */
  private final Context fallback;

  public RedisDatastore(Vertx vertx, RedisSettings settings) {
    this(vertx, settings, () -> 1, NodeMetrics.NONE);
  }

  /** A datastore whose timeouts scale with {@code timeoutFactor} and which reports reconnects to {@code metrics}. */
  public RedisDatastore(Vertx vertx, RedisSettings settings, IntSupplier timeoutFactor, NodeMetrics metrics) {
    this.vertx = vertx;
    this.settings = settings;
    this.timeoutFactor = timeoutFactor;
    this.metrics = metrics;
    this.options = new RedisOptions()
        .setConnectionString("redis://" + settings.host() + ":" + settings.port())
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setProtocolNegotiation(false)
        .setMaxPoolSize(1)
        .setMaxPoolWaiting(settings.maxInFlight())
        .setMaxWaitingHandlers(settings.maxInFlight())
        .setPassword(settings.password())
        .setNetClientOptions(new NetClientOptions()
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeoutMillis())));
    this.fallback = vertx.getOrCreateContext();
  }

  public RedisSettings settings() {
    return settings;
  }

  /** Checks that the server answers, so a node does not start in front of a dead address. */
  @Override
  public Future<Void> start() {
    Promise<Void> p = Promise.promise();
    fallback.runOnContext(v -> lane(fallback).preconnect().onComplete(p));
    return p.future();
  }

  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
    Context ctx = Vertx.currentContext();
    if (ctx == null || ctx.owner() != vertx) {
      Promise<Reply> p = Promise.promise();
      fallback.runOnContext(v -> lane(fallback).send(request, info.name(), orderKey).onComplete(p));
      return p.future();
    }
    return lane(ctx).send(request, info.name(), orderKey);
  }

  @Override
  public Future<Reply> executeBlocking(RespRequest request, CommandInfo info, Future<?> cancelled) {
    return BlockingCall.run(vertx, options, settings.timeoutMillis() * timeoutFactor.getAsInt(), request,
        info.name(), cancelled);
  }

  private RedisLane lane(Context ctx) {
    // Vert.x runs every event-bus message and HTTP request on a fresh duplicate of its context:
    // lanes belong to the context a duplicate was made from, or there would be one lane (and its
    // connections) per message.
    Context root = ((ContextInternal) ctx).unwrap();
    RedisLane lane = lanes.get(root);
    if (lane == null) {
      lane = lanes.computeIfAbsent(root, c -> new RedisLane(c, options, settings, timeoutFactor, metrics));
    }
    return lane;
  }

  /** How many lanes (sets of connections) this datastore holds: one per event-loop context used. */
  int laneCount() {
    return lanes.size();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (RedisLane lane : lanes.values()) {
      closing.add(lane.close());
    }
    lanes.clear();
    return Future.join(closing).mapEmpty();
  }
}
