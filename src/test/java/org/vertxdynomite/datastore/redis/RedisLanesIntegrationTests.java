package org.vertxdynomite.datastore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RedisServerProcess;

/** The Redis connections a datastore opens: a set per event loop, whatever runs on it. */
class RedisLanesIntegrationTests {

  @Test
  void requestsFromManyDuplicatesOfOneEventLoopContextShareOneSetOfConnections() throws Exception {
    // Vert.x runs each event-bus message and HTTP request on a new duplicate of its context; a
    // lane per duplicate opened a redis connection (and a Vert.x client) per replicated write.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      RedisDatastore ds = new RedisDatastore(vertx, new RedisSettings("127.0.0.1", redis.port(), 2, 2000, 200, 3,
          RedisSettings.DEFAULT_MAX_IN_FLIGHT));
      ds.start().await(10, TimeUnit.SECONDS);
      ContextInternal root = (ContextInternal) vertx.getOrCreateContext();
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String key = "k" + i;
        replies.add(Future.<Reply>future(p -> root.duplicate().runOnContext(v -> ds
            .execute(RespRequest.of("SET", key, "v"), CommandTable.get().lookup("set"), i(key))
            .compose(r -> ds.execute(RespRequest.of("GET", key), CommandTable.get().lookup("get"), i(key)))
            .onComplete(p))));
      }
      Future.all(replies).await(10, TimeUnit.SECONDS);

      assertThat(replies).allSatisfy(f -> assertThat(f.result()).isInstanceOf(BulkReply.class));
      // The start() lane (a context of its own) and this context's lane.
      assertThat(ds.laneCount()).isEqualTo(2);
      assertThat(clients(redis)).isLessThanOrEqualTo(4);
      ds.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theInFlightBoundCountsOnlyUnansweredRequests() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      // A long timeout: the lane's sweep then runs only every 100 ms.
      RedisDatastore ds = new RedisDatastore(vertx, new RedisSettings("127.0.0.1", redis.port(), 1, 60_000, 200, 3, 10));
      ds.start().await(10, TimeUnit.SECONDS);
      ContextInternal ctx = (ContextInternal) vertx.getOrCreateContext();

      List<Future<Reply>> tooMany = Future.<List<Future<Reply>>>future(p -> ctx.runOnContext(v -> p.complete(
          pings(ds, 11)))).await(10, TimeUnit.SECONDS);
      Future.join(tooMany).otherwiseEmpty().await(10, TimeUnit.SECONDS);
      assertThat(tooMany.stream().filter(Future::failed).map(f -> f.cause().getMessage()))
          .containsExactly(new StorageError(StorageError.Reason.OVERLOADED).getMessage());

      // Ten answered requests free their places at once, not when the sweep passes.
      List<Future<Reply>> again = Future.<List<Future<Reply>>>future(p -> ctx.runOnContext(v -> {
        List<Future<Reply>> first = pings(ds, 10);
        Future.all(first).onComplete(ar -> p.complete(pings(ds, 10)));
      })).await(10, TimeUnit.SECONDS);
      Future.all(again).await(10, TimeUnit.SECONDS);
      ds.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static List<Future<Reply>> pings(RedisDatastore ds, int n) {
    List<Future<Reply>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ds.execute(RespRequest.of("PING"), CommandTable.get().lookup("ping"), i));
    }
    return out;
  }

  private static long i(String key) {
    return key.hashCode();
  }

  private static int clients(RedisServerProcess redis) throws Exception {
    try (var c = redis.client()) {
      String list = c.callString("CLIENT", "LIST");
      return (int) list.lines().filter(l -> l.contains("cmd=")).count() - 1;
    }
  }
}
