package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/** PeerClient and PeerServer on one Vert.x instance's local event bus. */
class PeerTransportUnitTests {

  private static final String ADDRESS = "peer.test";
  private static final long TIMEOUT = 5_000;

  private Vertx vertx;
  private Context clientContext;
  private Context serverContext;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clientContext = vertx.getOrCreateContext();
    serverContext = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private PeerServer server(Function<PeerRequest, Future<Reply>> handler) throws Exception {
    return OnContext.call(serverContext, () -> PeerServer.start(vertx, ADDRESS, handler))
        .await(10, TimeUnit.SECONDS);
  }

  private PeerClient client(PeerClientOptions options) throws Exception {
    return OnContext.call(clientContext, () -> new PeerClient(vertx, options));
  }

  /** Answers GET-like requests with their first argument, so every reply names its request. */
  private static Future<Reply> echo(PeerRequest r) {
    return Future.succeededFuture(Replies.bulk(r.request().arg(1)));
  }

  private static PeerRequest request(long id) {
    return PeerRequest.forward(id, 0, id % 4, RespRequest.of("GET", "key" + id));
  }

  /** Sends {@code n} requests in one turn of the client's context. */
  private List<Future<Reply>> sendInOneTurn(PeerClient client, int n, long timeout) throws Exception {
    return OnContext.call(clientContext, () -> {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(client.send(ADDRESS, request(i), timeout));
      }
      return replies;
    });
  }

  private static void assertEchoed(List<Future<Reply>> replies) throws Exception {
    Future.all(replies).await(10, TimeUnit.SECONDS);
    for (int i = 0; i < replies.size(); i++) {
      assertThat(replies.get(i).result()).isEqualTo(Replies.bulk("key" + i));
    }
  }

  @Test
  void aThousandRequestsIssuedInOneTurnTravelInFourMessages() throws Exception {
    PeerServer server = server(PeerTransportUnitTests::echo);
    PeerClient client = client(PeerClientOptions.DEFAULT.withMaxBatchRequests(256));
    List<Future<Reply>> replies = sendInOneTurn(client, 1000, TIMEOUT);
    assertEchoed(replies);
    assertThat(client.requestsSent()).isEqualTo(1000);
    assertThat(client.messagesSent()).isEqualTo(4);
    assertThat(server.messagesReceived()).isEqualTo(4);
    assertThat(server.requestsReceived()).isEqualTo(1000);
  }

  @Test
  void requestsIssuedInSeparateTurnsAreSentWithoutWaitingForCompany() throws Exception {
    server(PeerTransportUnitTests::echo);
    PeerClient client = client(PeerClientOptions.DEFAULT);
    for (int i = 0; i < 5; i++) {
      long id = i;
      Reply r = OnContext.call(clientContext, () -> client.send(ADDRESS, request(id), TIMEOUT)).await(10, TimeUnit.SECONDS);
      assertThat(r).isEqualTo(Replies.bulk("key" + i));
    }
    assertThat(client.messagesSent()).isEqualTo(5);
  }

  @Test
  void aBatchIsSentOnceItReachesTheByteLimit() throws Exception {
    PeerServer server = server(r -> Future.succeededFuture(Replies.integer(r.request().arg(1).length)));
    PeerClient client = client(PeerClientOptions.DEFAULT.withMaxBatchBytes(32 * 1024));
    byte[] value = new byte[10_000];
    List<Future<Reply>> replies = OnContext.call(clientContext, () -> {
      List<Future<Reply>> list = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        list.add(client.send(ADDRESS, PeerRequest.replicate(i, 0, 0, new RespRequest(new byte[][] {"SET".getBytes(), value})), TIMEOUT));
      }
      return list;
    });
    Future.all(replies).await(10, TimeUnit.SECONDS);
    assertThat(replies).allSatisfy(f -> assertThat(f.result()).isEqualTo(Replies.integer(10_000)));
    // 10 kB each, 32 kB a batch: four requests make a full batch.
    assertThat(server.messagesReceived()).isEqualTo(5);
  }

  @Test
  void requestsReachTheServerInTheOrderSentAcrossBatchesTimeoutsAndSoloSends() throws Exception {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    server(r -> {
      seen.add(r.id());
      return echo(r);
    });
    PeerClient client = client(PeerClientOptions.DEFAULT.withMaxBatchRequests(7));
    List<Future<Reply>> replies = new ArrayList<>();
    List<Long> completed = Collections.synchronizedList(new ArrayList<>());
    for (int turn = 0; turn < 30; turn++) {
      int base = turn * 100;
      replies.addAll(OnContext.call(clientContext, () -> {
        List<Future<Reply>> list = new ArrayList<>();
        for (int i = base; i < base + 100; i++) {
          long id = i;
          Future<Reply> f = i % 13 == 0 ? client.sendAlone(ADDRESS, request(i), TIMEOUT)
              : client.send(ADDRESS, request(i), i % 17 == 0 ? TIMEOUT + 1 : TIMEOUT);
          list.add(f.onSuccess(r -> completed.add(id)));
        }
        return list;
      }));
    }
    assertEchoed(replies);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      expected.add(i);
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(completed).containsExactlyElementsOf(expected);
  }

  @Test
  void repliesCompletingOutOfOrderGoToTheirOwnRequests() throws Exception {
    List<Promise<Reply>> held = new ArrayList<>();
    List<PeerRequest> requests = new ArrayList<>();
    server(r -> {
      Promise<Reply> p = Promise.promise();
      held.add(p);
      requests.add(r);
      if (held.size() == 50) {
        for (int i = held.size() - 1; i >= 0; i--) {
          held.get(i).complete(Replies.bulk(requests.get(i).request().arg(1)));
        }
      }
      return p.future();
    });
    PeerClient client = client(PeerClientOptions.DEFAULT);
    assertEchoed(sendInOneTurn(client, 50, TIMEOUT));
  }

  @Test
  void aRequestWithNoReplyFailsWithTimedOutAtItsTimeoutNotThirtySeconds() throws Exception {
    server(r -> Promise.<Reply>promise().future());
    PeerClient client = client(PeerClientOptions.DEFAULT);
    long t0 = System.nanoTime();
    Throwable failure = OnContext.failureOf(sendInOneTurn(client, 3, 300).get(2));
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(failure).isSameAs(PeerError.TIMEOUT).hasMessage("ERR Peer: Connection timed out");
    assertThat(((PeerError) failure).reason()).isEqualTo(PeerError.Reason.TIMEOUT);
    assertThat(waitedMillis).isBetween(280L, 3_000L);
    assertThat(OnContext.call(clientContext, () -> client.inFlight(ADDRESS))).isZero();
  }

  @Test
  void requestsWithDifferentTimeoutsTravelApartSoAShortOneDoesNotCutALongOneShort() throws Exception {
    server(r -> {
      if (r.id() == 0) {
        return Promise.<Reply>promise().future();
      }
      Promise<Reply> later = Promise.promise();
      vertx.setTimer(600, t -> later.complete(Replies.OK));
      return later.future();
    });
    PeerClient client = client(PeerClientOptions.DEFAULT);
    List<Future<Reply>> both = OnContext.call(clientContext, () -> List.of(
        client.send(ADDRESS, request(0), 200), client.send(ADDRESS, request(1), TIMEOUT)));
    assertThat(OnContext.failureOf(both.get(0))).isSameAs(PeerError.TIMEOUT);
    assertThat(both.get(1).await(10, TimeUnit.SECONDS)).isEqualTo(Replies.OK);
    assertThat(client.messagesSent()).isEqualTo(2);
  }

  @Test
  void anAddressNobodyListensOnGivesNoRoute() throws Exception {
    PeerClient client = client(PeerClientOptions.DEFAULT);
    Future<Reply> f = OnContext.call(clientContext, () -> client.send("peer.nobody", request(1), TIMEOUT));
    Throwable failure = OnContext.failureOf(f);
    assertThat(failure).isInstanceOf(PeerError.class).hasMessage("ERR Peer: no route to peer.nobody");
    assertThat(((PeerError) failure).reason()).isEqualTo(PeerError.Reason.NO_ROUTE);
  }

  @Test
  void beyondTheInFlightLimitRequestsFailAtOnceAndTheLimitFreesUpAfterwards() throws Exception {
    server(r -> r.id() < 100 ? Promise.<Reply>promise().future() : echo(r));
    PeerClient client = client(PeerClientOptions.DEFAULT.withMaxInFlight(10));
    List<Future<Reply>> replies = sendInOneTurn(client, 15, 300);
    for (int i = 10; i < 15; i++) {
      assertThat(replies.get(i).failed()).as("request %d", i).isTrue();
      assertThat(replies.get(i).cause()).isSameAs(PeerError.OVERLOADED).hasMessage("ERR Peer: Too many requests in flight");
    }
    assertThat(OnContext.failureOf(replies.get(0))).isSameAs(PeerError.TIMEOUT);
    Reply after = OnContext.call(clientContext, () -> client.send(ADDRESS, request(100), TIMEOUT)).await(10, TimeUnit.SECONDS);
    assertThat(after).isEqualTo(Replies.bulk("key100"));
  }

  @Test
  void errorRepliesSucceedAndHandlerFailuresFailWithTheirText() throws Exception {
    server(r -> switch ((int) r.id()) {
      case 0 -> Future.succeededFuture(new RespError("WRONGTYPE Operation against a key holding the wrong kind of value"));
      case 1 -> Future.failedFuture(new StorageError(StorageError.Reason.TIMEOUT));
      case 2 -> Future.failedFuture(new IllegalStateException("boom"));
      default -> throw new IllegalArgumentException("thrown");
    });
    PeerClient client = client(PeerClientOptions.DEFAULT);
    List<Future<Reply>> f = sendInOneTurn(client, 4, TIMEOUT);
    assertThat(f.get(0).await(10, TimeUnit.SECONDS)).isInstanceOf(RespError.class)
        .hasToString("-WRONGTYPE Operation against a key holding the wrong kind of value");
    Throwable storage = OnContext.failureOf(f.get(1));
    assertThat(storage).isInstanceOf(RemoteError.class).hasMessage("ERR Storage: Connection timed out");
    assertThat(((RemoteError) storage).origin()).isEqualTo(RemoteError.Origin.STORAGE);
    assertThat(OnContext.failureOf(f.get(2))).hasMessage("ERR Peer: internal error (java.lang.IllegalStateException: boom)");
    assertThat(OnContext.failureOf(f.get(3))).hasMessage("ERR Peer: internal error (java.lang.IllegalArgumentException: thrown)");
  }

  @Test
  void aRecipientFailureFailsEveryRequestOfTheBatchWithItsText() throws Exception {
    OnContext.call(serverContext, () -> vertx.eventBus().consumer(ADDRESS, m -> m.fail(3, "went wrong")).completion())
        .await(10, TimeUnit.SECONDS);
    PeerClient client = client(PeerClientOptions.DEFAULT);
    List<Future<Reply>> f = sendInOneTurn(client, 3, TIMEOUT);
    for (Future<Reply> each : f) {
      assertThat(OnContext.failureOf(each)).isInstanceOf(PeerError.class).hasMessage("ERR Peer: went wrong");
    }
  }

  @Test
  void aReplyThatIsNotABatchIsAProtocolError() throws Exception {
    OnContext.call(serverContext, () -> vertx.eventBus().consumer(ADDRESS, m -> m.reply("hello")).completion())
        .await(10, TimeUnit.SECONDS);
    PeerClient client = client(PeerClientOptions.DEFAULT);
    Throwable failure = OnContext.failureOf(sendInOneTurn(client, 1, TIMEOUT).get(0));
    assertThat(failure).hasMessage("ERR Peer: bad reply: not a reply batch");
    assertThat(((PeerError) failure).reason()).isEqualTo(PeerError.Reason.PROTOCOL);
  }

  @Test
  void theServerRefusesAMessageThatIsNotARequestBatch() throws Exception {
    server(PeerTransportUnitTests::echo);
    Throwable failure = OnContext.failureOf(vertx.eventBus().request(ADDRESS, "hello"));
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
    assertThat(((ReplyException) failure).failureCode()).isEqualTo(PeerServer.BAD_BATCH);
  }

  @Test
  void aClientCalledOutsideItsContextRefuses() throws Exception {
    PeerClient client = client(PeerClientOptions.DEFAULT);
    assertThatThrownBy(() -> client.send(ADDRESS, request(1), TIMEOUT)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> OnContext.call(clientContext, () -> client.send(ADDRESS, request(1), 0)))
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsRefuseNonPositiveLimits() {
    assertThatThrownBy(() -> PeerClientOptions.DEFAULT.withMaxInFlight(0)).hasMessageContaining("maxInFlight");
    assertThatThrownBy(() -> PeerClientOptions.DEFAULT.withMaxBatchRequests(-1)).hasMessageContaining("maxBatchRequests");
    assertThatThrownBy(() -> PeerClientOptions.DEFAULT.withMaxBatchBytes(0)).hasMessageContaining("maxBatchBytes");
  }
}
