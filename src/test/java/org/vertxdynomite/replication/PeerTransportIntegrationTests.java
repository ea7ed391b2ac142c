package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/** The peer transport between two clustered Vert.x instances: every message crosses TCP encoded. */
class PeerTransportIntegrationTests {

  private static final String ADDRESS = "dynomite.peer.node-b";
  private static final long TIMEOUT = 10_000;

  private static LoopbackCluster cluster;
  private static PeerServer server;
  private static PeerClient client;
  private static Context clientContext;
  private static final List<Long> seen = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    cluster = LoopbackCluster.start(2);
    Vertx a = cluster.member(0);
    Vertx b = cluster.member(1);
    server = OnContext.call(b.getOrCreateContext(), () -> PeerServer.start(b, ADDRESS, PeerTransportIntegrationTests::handle))
        .await(30, TimeUnit.SECONDS);
    clientContext = a.getOrCreateContext();
    client = OnContext.call(clientContext, () -> new PeerClient(a, PeerClientOptions.DEFAULT));
    awaitFirstRoundTrip();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Subscriptions spread through the cluster asynchronously: wait until the server is reachable. */
  private static void awaitFirstRoundTrip() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      Future<Reply> ping = OnContext.call(clientContext, () ->
          client.send(ADDRESS, PeerRequest.forward(-1, 0, 0, RespRequest.of("PING")), 5_000));
      last = OnContext.failureOf(ping);
      if (last == null) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the peer server never answered", last);
  }

  /**
   * A stand-in for the coordinator: records arrival order and answers with a reply whose shape
   * depends on the request, so every reply names its request.
   */
  private static Future<Reply> handle(PeerRequest r) {
    seen.add(r.id());
    String command = r.request().commandName();
    return switch (command) {
      case "ping" -> Future.succeededFuture(Replies.PONG);
      case "get" -> Future.succeededFuture(r.id() % 5 == 0 ? Replies.NULL_BULK : Replies.bulk(r.request().arg(1)));
      case "lrange" -> Future.succeededFuture(r.id() % 3 == 0 ? Replies.NULL_ARRAY
          : Replies.array(Replies.integer(r.id()), Replies.array(Replies.bulk(r.request().arg(1)), Replies.NULL_BULK)));
      case "set" -> Future.succeededFuture(r.kind() == PeerKind.REPLICATE && r.timestamp() == r.id() * 7
          && r.orderKey() == r.id() % 16 ? Replies.OK : RespError.err("wrong kind, timestamp or order key"));
      case "incr" -> Future.succeededFuture(new RespError("WRONGTYPE Operation against a key holding the wrong kind of value"));
      case "hang" -> Promise.<Reply>promise().future();
      default -> Future.failedFuture(new StorageError(StorageError.Reason.REFUSED));
    };
  }

  private static PeerRequest request(long i) {
    String key = "key:" + i;
    return switch ((int) (i % 5)) {
      case 0, 1 -> PeerRequest.forward(i, 0, i % 16, RespRequest.of("GET", key));
      case 2 -> PeerRequest.forward(i, 0, i % 16, RespRequest.of("LRANGE", key, "0", "-1"));
      case 3 -> PeerRequest.replicate(i, i * 7, i % 16, RespRequest.of("SET", key, "value-" + i));
      default -> PeerRequest.forward(i, 0, i % 16, RespRequest.of(i % 10 == 4 ? "INCR" : "DECR", key));
    };
  }

  private static String expected(long i) {
    String key = "key:" + i;
    return switch ((int) (i % 5)) {
      case 0 -> ReplyShapes.of(Replies.NULL_BULK);
      case 1 -> ReplyShapes.of(Replies.bulk(key));
      case 2 -> ReplyShapes.of(i % 3 == 0 ? Replies.NULL_ARRAY
          : Replies.array(Replies.integer(i), Replies.array(Replies.bulk(key), Replies.NULL_BULK)));
      case 3 -> ReplyShapes.of(Replies.OK);
      default -> i % 10 == 4 ? ReplyShapes.of(new RespError("WRONGTYPE Operation against a key holding the wrong kind of value"))
          : "failed STORAGE:ERR Storage: Connection refused";
    };
  }

  @Test
  void tenThousandRequestsCrossInFewMessagesInOrderAndEveryReplyIsRight() throws Exception {
    long messagesBefore = client.messagesSent();
    seen.clear();
    List<Future<Reply>> replies = new ArrayList<>();
    for (int turn = 0; turn < 10; turn++) {
      int base = turn * 1000;
      replies.addAll(OnContext.call(clientContext, () -> {
        List<Future<Reply>> list = new ArrayList<>();
        for (long i = base; i < base + 1000; i++) {
          list.add(client.send(ADDRESS, request(i), TIMEOUT));
        }
        return list;
      }));
    }
    Future.join(replies).otherwiseEmpty().await(60, TimeUnit.SECONDS);
    for (int i = 0; i < replies.size(); i++) {
      Future<Reply> f = replies.get(i);
      String got = f.succeeded() ? ReplyShapes.of(f.result())
          : "failed " + RemoteError.Origin.of((RespError) f.cause()) + ":" + f.cause().getMessage();
      assertThat(got).as("request %d", i).isEqualTo(expected(i));
    }
    List<Long> inOrder = new ArrayList<>();
    for (long i = 0; i < 10_000; i++) {
      inOrder.add(i);
    }
    assertThat(seen).containsExactlyElementsOf(inOrder);
    long messages = client.messagesSent() - messagesBefore;
    assertThat(messages).isBetween(20L, 200L);
  }

  @Test
  void aRemoteRequestThatNeverCompletesTimesOutAtItsOwnTimeout() throws Exception {
    long t0 = System.nanoTime();
    Future<Reply> f = OnContext.call(clientContext, () ->
        client.send(ADDRESS, PeerRequest.forward(1, 0, 0, RespRequest.of("HANG")), 500));
    assertThat(OnContext.failureOf(f)).isSameAs(PeerError.TIMEOUT);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(450L, 5_000L);
  }

  @Test
  void anAddressNoMemberListensOnGivesNoRoute() throws Exception {
    Future<Reply> f = OnContext.call(clientContext, () ->
        client.send("dynomite.peer.node-z", PeerRequest.forward(1, 0, 0, RespRequest.of("GET", "k")), TIMEOUT));
    assertThat(OnContext.failureOf(f)).hasMessage("ERR Peer: no route to dynomite.peer.node-z");
  }
}
