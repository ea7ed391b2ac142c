package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Each rewrite and effect checked against Redis itself: the original request runs on one real
 * redis-server (the primary), the rewritten request or the derived effect on a second one that
 * held the same data, and both end up with the same dataset (TTLs within a second) — and, for
 * rewrites, the client gets the same reply either way.
 */
class WriteRulesIntegrationTests {

  private static final long TTL_TOLERANCE_MILLIS = 1000;

  private static RedisServerProcess primaryServer;
  private static RedisServerProcess replicaServer;
  private static RawRespClient primary;
  private static RawRespClient replica;

  @BeforeAll
  static void start() throws Exception {
    primaryServer = RedisServerProcess.start();
    replicaServer = RedisServerProcess.start();
    primary = primaryServer.client();
    replica = replicaServer.client();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {primary, replica, primaryServer, replicaServer}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @BeforeEach
  void empty() throws IOException {
    onBoth("FLUSHALL");
  }

  private static void onBoth(String... command) throws IOException {
    onBoth(RespRequest.of(command));
  }

  private static void onBoth(RespRequest command) throws IOException {
    String a = text(primary.call(args(command)));
    String b = text(replica.call(args(command)));
    assertThat(b).as("setup %s", command).isEqualTo(a);
  }

  private static byte[][] args(RespRequest r) {
    byte[][] out = new byte[r.argc()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.arg(i);
    }
    return out;
  }

  private static String text(byte[] reply) {
    return new String(reply, StandardCharsets.ISO_8859_1);
  }

  /** Runs {@code original} on the primary and its rewrite on the replica; returns the rewrite. */
  private static RespRequest rewriteCase(RespRequest original) throws IOException {
    long now = System.currentTimeMillis();
    String primaryReply = text(primary.call(args(original)));
    RespRequest rewritten = WriteRules.rewriteBefore(original, now);
    String replicaReply = text(replica.call(args(rewritten)));
    assertThat(replicaReply).as("reply to %s rewritten as %s", original, rewritten).isEqualTo(primaryReply);
    Dataset.read(primary).assertSameAs(Dataset.read(replica), TTL_TOLERANCE_MILLIS);
    return rewritten;
  }

  private static RespRequest rewriteCase(String... original) throws IOException {
    return rewriteCase(RespRequest.of(original));
  }

  private static void assertRewritten(String expectedCommand, String... original) throws IOException {
    assertThat(rewriteCase(original).argString(0)).as("%s", String.join(" ", original)).isEqualTo(expectedCommand);
  }

  /** Runs {@code original} on the primary, then its effect on the replica; returns the effect. */
  private static List<RespRequest> effectCase(String... original) throws IOException {
    RespRequest request = RespRequest.of(original);
    byte[] reply = primary.call(args(request));
    return applyEffect(request, reply);
  }

  private static List<RespRequest> applyEffect(RespRequest request, byte[] primaryReply) throws IOException {
    List<RespRequest> effects = WriteRules.effectAfter(request, RespDecoder.decode(primaryReply));
    for (RespRequest e : effects) {
      String reply = text(replica.call(args(e)));
      assertThat(reply).as("effect %s", e).doesNotStartWith("-");
    }
    Dataset.read(primary).assertSameAs(Dataset.read(replica), TTL_TOLERANCE_MILLIS);
    return effects;
  }

  @Test
  void relativeExpiresBecomeTheSameAbsoluteExpiry() throws IOException {
    onBoth("SET", "k", "v");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "100");
    assertRewritten("PEXPIREAT", "PEXPIRE", "k", "200000");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "300", "GT");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "50", "GT");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "50", "lt");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "10", "NX");
    assertRewritten("PEXPIREAT", "EXPIRE", "missing", "10");
  }

  @Test
  void anExpiryInThePastDeletesTheKeyOnBoth() throws IOException {
    onBoth("SET", "k", "v");
    onBoth("SET", "k2", "v");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "-1");
    assertRewritten("PEXPIREAT", "PEXPIRE", "k2", "0");
    assertThat(Dataset.read(replica).values()).isEmpty();
  }

  @Test
  void expireArgumentsRedisRefusesGetRedissOwnErrorOnBoth() throws IOException {
    onBoth("SET", "k", "v");
    assertRewritten("EXPIRE", "EXPIRE", "k", "abc");
    assertRewritten("EXPIRE", "EXPIRE", "k", "9223372036854775");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "10", "NX", "XX");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "10", "GT", "LT");
    assertRewritten("PEXPIREAT", "EXPIRE", "k", "10", "BOGUS");
  }

  @Test
  void timedSetsBecomeSetWithAnAbsoluteExpiry() throws IOException {
    assertRewritten("SET", "SET", "k", "v", "EX", "100");
    assertRewritten("SET", "SET", "k2", "v", "PX", "100000", "NX");
    assertRewritten("SET", "SET", "k", "v2", "XX", "GET", "EX", "100");
    assertRewritten("SET", "SET", "k", "v3", "EX", "10", "EX", "100");
    assertRewritten("SET", "SETEX", "k3", "100", "v");
    assertRewritten("SET", "PSETEX", "k4", "100000", "v");
    assertRewritten("SETEX", "SETEX", "k5", "0", "v");
    assertRewritten("SET", "SET", "k", "v4", "EX", "0");
    assertRewritten("SET", "SET", "k", "v5", "EX", "10", "PX", "10");
  }

  @Test
  void everyCombinationOfSetOptionsReplicatesAsRedisAppliesIt() throws IOException {
    for (List<String> options : optionSequences()) {
      onBoth("FLUSHALL");
      onBoth("SET", "k", "old", "EX", "1000");
      List<String> set = new ArrayList<>(List.of("SET", "k", "new"));
      set.addAll(options);
      rewriteCase(set.toArray(new String[0]));
    }
  }

  @Test
  void everyCombinationOfGetexOptionsReplicatesAsRedisAppliesIt() throws IOException {
    for (List<String> options : optionSequences()) {
      onBoth("FLUSHALL");
      onBoth("SET", "k", "v", "EX", "1000");
      List<String> getex = new ArrayList<>(List.of("GETEX", "k"));
      getex.addAll(options);
      rewriteCase(getex.toArray(new String[0]));
    }
  }

  /** Up to three options of SET and GETEX, with values, in every order (repeats included). */
  private static List<List<String>> optionSequences() {
    long far = System.currentTimeMillis() / 1000 + 5000;
    List<List<String>> tokens = List.of(List.of("NX"), List.of("XX"), List.of("GET"), List.of("KEEPTTL"),
        List.of("PERSIST"), List.of("EX", "100"), List.of("px", "200000"), List.of("EXAT", Long.toString(far)),
        List.of("PXAT", Long.toString(far * 1000 + 7)), List.of("EX"));
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    List<List<String>> previous = List.of(List.of());
    for (int length = 1; length <= 3; length++) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : previous) {
        for (List<String> token : tokens) {
          List<String> seq = new ArrayList<>(prefix);
          seq.addAll(token);
          next.add(seq);
        }
      }
      out.addAll(next);
      previous = next;
    }
    return out;
  }

  @Test
  void getexWithARelativeExpiryBecomesAnAbsoluteOne() throws IOException {
    onBoth("SET", "k", "v");
    assertRewritten("GETEX", "GETEX", "k", "EX", "100");
    assertThat(rewriteCase("GETEX", "k", "PX", "200000").argString(2)).isEqualTo("PXAT");
    assertRewritten("GETEX", "GETEX", "k", "PERSIST");
    assertRewritten("GETEX", "GETEX", "missing", "EX", "100");
  }

  @Test
  void restoreWithARelativeTtlBecomesAbsoluteTtl() throws IOException {
    primary.call("SET", "source", "hello");
    byte[] payload = ((BulkReply) RespDecoder.decode(primary.call("DUMP", "source"))).value();
    primary.call("DEL", "source");
    byte[] ttl = "100000".getBytes(StandardCharsets.US_ASCII);
    RespRequest restore = new RespRequest(new byte[][] {bytes("RESTORE"), bytes("k"), ttl, payload});
    RespRequest rewritten = rewriteCase(restore);
    assertThat(rewritten.argString(4)).isEqualTo("ABSTTL");
    RespRequest replace = new RespRequest(new byte[][] {bytes("RESTORE"), bytes("k"), ttl, payload, bytes("REPLACE"),
        bytes("IDLETIME"), bytes("10")});
    assertThat(rewriteCase(replace).argString(4)).isEqualTo("ABSTTL");
    RespRequest missingIdleTime = new RespRequest(new byte[][] {bytes("RESTORE"), bytes("k2"), ttl, payload,
        bytes("IDLETIME")});
    rewriteCase(missingIdleTime);
    RespRequest noTtl = new RespRequest(new byte[][] {bytes("RESTORE"), bytes("k3"), bytes("0"), payload});
    assertThat(rewriteCase(noTtl)).isSameAs(noTtl);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void spopIsReplicatedAsTheMembersItActuallyRemoved() throws IOException {
    onBoth("SADD", "s", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    assertThat(effectCase("SPOP", "s")).hasSize(1);
    assertThat(effectCase("SPOP", "s", "3")).hasSize(1);
    assertThat(effectCase("SPOP", "s", "0")).isEmpty();
    assertThat(effectCase("SPOP", "s", "100")).hasSize(1);
    assertThat(Dataset.read(replica).values()).isEmpty();
    assertThat(effectCase("SPOP", "s")).isEmpty();
    onBoth("SET", "str", "v");
    assertThat(effectCase("SPOP", "str")).isEmpty();
  }

  @Test
  void aLargeSpopIsReplicatedInSeveralRemovals() throws IOException {
    List<String> sadd = new ArrayList<>(List.of("SADD", "big"));
    for (int i = 0; i < 3000; i++) {
      sadd.add("member-" + i);
    }
    onBoth(sadd.toArray(new String[0]));
    assertThat(effectCase("SPOP", "big", "2500")).hasSize(3);
  }

  @Test
  void floatIncrementsReplicateTheirResultAndKeepTheTtl() throws IOException {
    onBoth("SET", "f", "10.5", "EX", "100");
    assertThat(effectCase("INCRBYFLOAT", "f", "0.1")).hasSize(1);
    assertThat(effectCase("INCRBYFLOAT", "f", "5.0e3")).hasSize(1);
    assertThat(effectCase("INCRBYFLOAT", "new", "3")).hasSize(1);
    onBoth("HSET", "h", "f", "1.5");
    assertThat(effectCase("HINCRBYFLOAT", "h", "f", "1.1")).hasSize(1);
    assertThat(effectCase("HINCRBYFLOAT", "h", "g", "-2.25")).hasSize(1);
    assertThat(effectCase("INCRBYFLOAT", "h", "1")).isEmpty();
  }

  @Test
  void blockingListPopsThatFindDataReplicateAsPlainPops() throws IOException {
    onBoth("RPUSH", "b", "x", "y", "z", "w");
    onBoth("RPUSH", "s", "1", "2", "3");
    assertThat(effectCase("BLPOP", "a", "b", "1")).hasSize(1);
    assertThat(effectCase("BRPOP", "a", "b", "1")).hasSize(1);
    assertThat(effectCase("BLMOVE", "s", "d", "LEFT", "RIGHT", "1")).hasSize(1);
    assertThat(effectCase("BRPOPLPUSH", "s", "d", "1")).hasSize(1);
    assertThat(effectCase("BLMPOP", "1", "2", "a", "b", "RIGHT", "COUNT", "5")).hasSize(1);
    assertThat(effectCase("BLMPOP", "1", "1", "d", "LEFT")).hasSize(1);
  }

  @Test
  void blockingPopsThatTimeOutHaveNoEffect() throws IOException {
    assertThat(effectCase("BLPOP", "none", "0.01")).isEmpty();
    assertThat(effectCase("BLMOVE", "none", "d", "LEFT", "LEFT", "0.01")).isEmpty();
    assertThat(effectCase("BZMPOP", "0.01", "1", "none", "MIN")).isEmpty();
  }

  @Test
  void blockingSortedSetPopsReplicateAsRemovalsOfThePoppedMembers() throws IOException {
    onBoth("ZADD", "z", "1", "a", "1", "b", "2", "c", "3", "d", "3", "e", "4", "f");
    assertThat(effectCase("BZPOPMIN", "y", "z", "1")).hasSize(1);
    assertThat(effectCase("BZPOPMAX", "z", "1")).hasSize(1);
    assertThat(effectCase("BZMPOP", "1", "2", "y", "z", "MAX", "COUNT", "2")).hasSize(1);
    assertThat(effectCase("BZMPOP", "1", "1", "z", "MIN")).hasSize(1);
  }

  @Test
  void aPopThatWaitedForDataReplicatesWhatItFinallyPopped() throws Exception {
    RespRequest blpop = RespRequest.of("BLPOP", "queue", "5");
    CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return primary.call(args(blpop));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    try (RawRespClient other = primaryServer.client()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!text(other.call("CLIENT", "LIST")).contains("cmd=blpop") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      other.call("RPUSH", "queue", "first", "second");
      replica.call("RPUSH", "queue", "first", "second");
    }
    byte[] reply = waiting.get(5, TimeUnit.SECONDS);
    assertThat(applyEffect(blpop, reply)).extracting(RespRequest::toString).containsExactly("LPOP queue");
  }
}
