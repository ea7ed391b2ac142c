package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Blocking commands with several clients: each scenario blocks the same commands, in the same
 * order, on redis-server (one connection per client) and on the embedded store, runs the same
 * unblocking command, and compares what every client receives.
 */
class EmbeddedBlockingIntegrationTests {

  private static RedisServerProcess redis;
  private static RawRespClient control;
  private EmbeddedStore store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start("--hz", "100");
    control = redis.client();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    control.close();
    redis.close();
  }

  @BeforeEach
  void reset() throws Exception {
    control.call("FLUSHALL");
    store = new EmbeddedStore(EmbeddedOptions.defaults());
  }

  /** What every blocked client received, per side ("pending" when still blocked). */
  private record Outcomes(List<String> redis, List<String> embedded) {}

  /** Blocks each command on both sides, in order, then runs {@code trigger}; returns both sides' replies. */
  private Outcomes scenario(String[][] blockers, String[]... triggers) throws Exception {
    List<RawRespClient> clients = new ArrayList<>();
    List<CompletableFuture<String>> embedded = new ArrayList<>();
    try {
      for (String[] b : blockers) {
        RawRespClient c = redis.client();
        c.setReadTimeoutMillis(5000);
        clients.add(c);
        c.sendCommand(b);
        waitUntilBlocked(clients.size());
        CompletableFuture<String> f = new CompletableFuture<>();
        Submission s = store.submit(RespRequest.of(b), r -> f.complete(text(r)));
        if (s.immediate() != null) {
          f.complete(text(s.immediate()));
        }
        embedded.add(f);
      }
      List<String> triggerReplies = new ArrayList<>();
      for (String[] t : triggers) {
        String r = control.callString(t);
        String e = text(store.execute(RespRequest.of(t)));
        assertThat(e).as("reply to %s", String.join(" ", t)).isEqualTo(r);
        triggerReplies.add(r);
      }
      List<String> fromRedis = new ArrayList<>();
      List<String> fromEmbedded = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        fromRedis.add(readOrPending(clients.get(i)));
        fromEmbedded.add(embedded.get(i).isDone() ? embedded.get(i).get(1, TimeUnit.SECONDS) : "pending");
      }
      return new Outcomes(fromRedis, fromEmbedded);
    } finally {
      for (RawRespClient c : clients) {
        c.close();
      }
    }
  }

  private static String readOrPending(RawRespClient c) throws Exception {
    c.setReadTimeoutMillis(300);
    try {
      return c.readReplyString();
    } catch (java.net.SocketTimeoutException e) {
      return "pending";
    }
  }

  private static void waitUntilBlocked(int n) throws Exception {
    for (int i = 0; i < 500; i++) {
      String info = control.callString("INFO", "clients");
      if (info.contains("blocked_clients:" + n + "\r\n")) {
        return;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("redis did not block " + n + " clients");
  }

  private static String text(org.vertxdynomite.resp.Reply r) {
    return r.toBuffer().toString(StandardCharsets.UTF_8);
  }

  private void assertSame(Outcomes replies) {
    assertThat(replies.redis()).as("some client was served").anyMatch(r -> !r.equals("pending"));
    assertThat(replies.embedded()).isEqualTo(replies.redis());
  }

  @Test
  void fifoServingOfSeveralWaitersMatchesRedis() throws Exception {
    assertSame(scenario(new String[][] {
        {"BLPOP", "k", "0"}, {"BRPOP", "k", "0"}, {"BLPOP", "k", "0"}, {"BLPOP", "k", "0"}},
        new String[] {"RPUSH", "k", "a", "b", "c"}));
  }

  @Test
  void multiKeyWaitersAndPushesToDifferentKeysMatchRedis() throws Exception {
    assertSame(scenario(new String[][] {
        {"BLPOP", "k1", "k2", "0"}, {"BLPOP", "k2", "0"}, {"BRPOP", "k2", "k1", "0"}},
        new String[] {"RPUSH", "k2", "a", "b"}, new String[] {"RPUSH", "k1", "c", "d"}));
  }

  @Test
  void blmoveChainsMatchRedis() throws Exception {
    assertSame(scenario(new String[][] {
        {"BLMOVE", "a", "b", "LEFT", "RIGHT", "0"}, {"BRPOPLPUSH", "b", "c", "0"}, {"BLPOP", "c", "0"},
        {"BLMPOP", "0", "2", "c", "a", "LEFT", "COUNT", "3"}},
        new String[] {"RPUSH", "a", "x", "y"}));
  }

  @Test
  void wrongTypeDestinationAndTimeoutsMatchRedis() throws Exception {
    assertSame(scenario(new String[][] {
        {"BLMOVE", "a", "str", "LEFT", "RIGHT", "0"}, {"BLPOP", "a", "0.05"}, {"BLPOP", "a", "0"}},
        new String[] {"SET", "str", "v"}, new String[] {"RPUSH", "a", "x"}));
  }

  @Test
  void aPushInsideOneCommandIsSeenAfterItCompletes() throws Exception {
    assertSame(scenario(new String[][] {{"BLPOP", "k", "0"}, {"BLPOP", "k", "0"}},
        new String[] {"LPUSH", "k", "1", "2", "3"}, new String[] {"LRANGE", "k", "0", "-1"}));
  }
}
