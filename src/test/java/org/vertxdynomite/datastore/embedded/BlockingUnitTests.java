package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

class BlockingUnitTests {

  private final FakeTime time = new FakeTime(1_000_000);
  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.builder().clock(time).build(), time);

  /** A client whose blocked command's reply arrives later. */
  private final class Client {
    final AtomicReference<String> reply = new AtomicReference<>();
    Submission submission;

    Client send(String... args) {
      submission = store.submit(RespRequest.of(args), r -> reply.set(text(r)));
      if (submission.immediate() != null) {
        reply.set(text(submission.immediate()));
      }
      return this;
    }

    String reply() {
      return reply.get();
    }
  }

  private static String text(Reply r) {
    return r.toBuffer().toString(StandardCharsets.UTF_8);
  }

  private static String pair(String key, String value) {
    return "*2\r\n$" + key.length() + "\r\n" + key + "\r\n$" + value.length() + "\r\n" + value + "\r\n";
  }

  @Test
  void waitersOnAKeyAreServedFirstComeFirstServed() {
    Client a = new Client().send("BLPOP", "k", "0");
    Client b = new Client().send("BLPOP", "k", "0");
    Client c = new Client().send("BRPOP", "k", "0");
    assertThat(store.blockedCount()).isEqualTo(3);
    assertThat(call(store, "RPUSH", "k", "x", "y")).isEqualTo(integer(2));
    assertThat(a.reply()).isEqualTo(pair("k", "x"));
    assertThat(b.reply()).isEqualTo(pair("k", "y"));
    assertThat(c.reply()).isNull();
    assertThat(call(store, "EXISTS", "k")).isEqualTo(integer(0));
    call(store, "LPUSH", "k", "z");
    assertThat(c.reply()).isEqualTo(pair("k", "z"));
    assertThat(store.blockedCount()).isZero();
  }

  @Test
  void aWaiterOnSeveralKeysIsServedOnce() {
    Client a = new Client().send("BLPOP", "k1", "k2", "0");
    call(store, "RPUSH", "k1", "a");
    call(store, "RPUSH", "k2", "b");
    assertThat(a.reply()).isEqualTo(pair("k1", "a"));
    assertThat(call(store, "LLEN", "k2")).isEqualTo(integer(1));
  }

  @Test
  void aPushWakesAsManyWaitersAsItHasElements() {
    Client[] clients = new Client[4];
    for (int i = 0; i < 4; i++) {
      clients[i] = new Client().send("BLPOP", "k", "0");
    }
    call(store, "LPUSH", "k", "1", "2", "3");
    assertThat(clients[0].reply()).isEqualTo(pair("k", "3"));
    assertThat(clients[1].reply()).isEqualTo(pair("k", "2"));
    assertThat(clients[2].reply()).isEqualTo(pair("k", "1"));
    assertThat(clients[3].reply()).isNull();
  }

  @Test
  void timeoutsFireAfterTheirFractionalDeadlineAndZeroWaitsForever() {
    Client a = new Client().send("BLPOP", "k", "1.5");
    Client b = new Client().send("BLMOVE", "k", "d", "LEFT", "RIGHT", "0.25");
    Client forever = new Client().send("BLPOP", "k", "0");
    time.advance(250);
    assertThat(b.reply()).isNull();
    time.advance(1);
    assertThat(b.reply()).isEqualTo("*-1\r\n");
    time.advance(1249);
    assertThat(a.reply()).isNull();
    time.advance(1);
    assertThat(a.reply()).isEqualTo("*-1\r\n");
    time.advance(86_400_000);
    assertThat(forever.reply()).isNull();
    assertThat(forever.submission.cancel()).isTrue();
    assertThat(store.blockedCount()).isZero();
    assertThat(time.pendingTimers()).isZero();
  }

  @Test
  void aCancelledWaiterIsSkipped() {
    Client gone = new Client().send("BLPOP", "k", "0");
    Client next = new Client().send("BLPOP", "k", "0");
    gone.submission.cancel();
    call(store, "RPUSH", "k", "v");
    assertThat(gone.reply()).isNull();
    assertThat(next.reply()).isEqualTo(pair("k", "v"));
  }

  @Test
  void blmoveChainsIntoAWaiterOnTheDestination() {
    Client mover = new Client().send("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0");
    Client popper = new Client().send("BLPOP", "dst", "0");
    call(store, "RPUSH", "src", "v");
    assertThat(mover.reply()).isEqualTo("$1\r\nv\r\n");
    assertThat(popper.reply()).isEqualTo(pair("dst", "v"));
    assertThat(call(store, "DBSIZE")).isEqualTo(integer(0));
  }

  @Test
  void blmoveIntoAWrongTypeDestinationFailsWithoutPopping() {
    Client mover = new Client().send("BLMOVE", "src", "dst", "LEFT", "RIGHT", "0");
    call(store, "SET", "dst", "string");
    call(store, "RPUSH", "src", "v");
    assertThat(mover.reply()).startsWith("-WRONGTYPE");
    assertThat(call(store, "LLEN", "src")).isEqualTo(integer(1));
  }

  @Test
  void blmpopServesACountFromTheReadyKey() {
    Client a = new Client().send("BLMPOP", "0", "2", "k1", "k2", "RIGHT", "COUNT", "2");
    call(store, "RPUSH", "k2", "a", "b", "c");
    assertThat(a.reply()).isEqualTo("*2\r\n$2\r\nk2\r\n*2\r\n$1\r\nc\r\n$1\r\nb\r\n");
  }

  @Test
  void bzpopminWaitsForASortedSet() {
    Client a = new Client().send("BZPOPMIN", "z", "0");
    call(store, "ZADD", "z", "2", "b", "1", "a");
    assertThat(a.reply()).isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n");
  }

  @Test
  void timeoutArgumentsAreCheckedLikeRedis() {
    assertThat(call(store, "BLPOP", "k", "-1")).isEqualTo("-ERR timeout is negative\r\n");
    assertThat(call(store, "BLPOP", "k", "abc")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
    assertThat(call(store, "BLPOP", "k", "inf")).isEqualTo("-ERR timeout is negative\r\n");
  }

  @Test
  void callersThatCannotWaitGetRedisNilRepliesAtOnce() {
    assertThat(call(store, "BLPOP", "k", "0")).isEqualTo("*-1\r\n");
    assertThat(call(store, "BLMOVE", "k", "d", "LEFT", "LEFT", "0")).isEqualTo("$-1\r\n");
    assertThat(store.blockedCount()).isZero();
  }
}
