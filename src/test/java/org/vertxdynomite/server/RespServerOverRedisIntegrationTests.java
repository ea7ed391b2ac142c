package org.vertxdynomite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.LocalCoordinator;
import org.vertxdynomite.datastore.redis.RedisDatastore;
import org.vertxdynomite.datastore.redis.RedisSettings;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** One node in front of a real redis-server, spoken to by raw RESP, redis-cli, Jedis and Lettuce. */
class RespServerOverRedisIntegrationTests {

  static RedisServerProcess redis;
  static Vertx vertx;
  static RedisDatastore datastore;
  static RespServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServerProcess.start();
    vertx = Vertx.vertx();
    datastore = new RedisDatastore(vertx, new RedisSettings("127.0.0.1", redis.port(), 2, 1000, 2000, 2,
        RedisSettings.DEFAULT_MAX_IN_FLIGHT));
    datastore.start().await(10, TimeUnit.SECONDS);
    server = new RespServer(ServerSettings.of("127.0.0.1", RedisServerProcess.freePort()), CommandTable.get(),
        new LocalCoordinator(datastore));
    port = server.start(vertx, 2).await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void flush() throws Exception {
    try (RawRespClient c = redis.client()) {
      c.call("FLUSHALL");
    }
  }

  private RawRespClient node() throws Exception {
    return new RawRespClient("127.0.0.1", port);
  }

  @Test
  void aClientThatHalfClosesAfterItsRequestsStillGetsEveryReplyAsFromRedis() throws Exception {
    try (RawRespClient c = node()) {
      c.call("SET", "k", "v");
    }
    for (int p : new int[] {redis.port(), port}) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", p)) {
        s.setSoTimeout(5000);
        s.getOutputStream().write("GET k\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        String replies = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(replies).as("port %d", p).isEqualTo("$1\r\nv\r\n+PONG\r\n");
      }
    }
  }

  @Test
  void repliesAreByteIdenticalToRedisForEveryReplyShape() throws Exception {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    List<byte[][]> script = List.of(
        args("SET", "s", "v"), args("GET", "s"), args("GET", "missing"), args("INCR", "n"), args("INCRBY", "n", "-7"),
        args("INCR", "s"), args("LPUSH", "s", "x"), args("SET", "s", "v", "BADOPT"),
        new byte[][] {b("SET"), b("bin"), binary}, args("GET", "bin"), args("STRLEN", "bin"),
        args("RPUSH", "l", "a", "b", "c"), args("LRANGE", "l", "0", "-1"), args("LPOP", "l", "2"),
        args("LPOP", "nolist", "2"), args("LPOP", "nolist"), args("BLPOP", "nolist", "0.01"),
        args("LMPOP", "1", "nolist", "LEFT"), args("MGET", "s", "missing", "n"),
        args("HSET", "h", "f", "1"), args("HMGET", "h", "f", "g"), args("HINCRBYFLOAT", "h", "f", "0.1"),
        args("ZADD", "z", "1.5", "a", "2", "b"), args("ZRANGE", "z", "0", "-1", "WITHSCORES"), args("ZSCORE", "z", "x"),
        args("ZMPOP", "1", "nozset", "MIN"), args("SADD", "set", "m"), args("SISMEMBER", "set", "m"),
        args("EXPIRE", "s", "100"), args("TTL", "s"), args("TYPE", "z"), args("EXISTS", "s", "missing", "z"),
        args("SET", "e", ""), args("GET", "e"), args("DEL", "s", "n", "l"), args("GETRANGE", "bin", "1", "3"));
    try (RawRespClient direct = redis.client(); RawRespClient viaNode = node()) {
      // Run the script on redis directly, then again through the node from the same empty state.
      List<String> fromRedis = new ArrayList<>();
      for (byte[][] cmd : script) {
        fromRedis.add(new String(direct.call(cmd), StandardCharsets.ISO_8859_1));
      }
      direct.call("FLUSHALL");
      for (int i = 0; i < script.size(); i++) {
        String got = new String(viaNode.call(script.get(i)), StandardCharsets.ISO_8859_1);
        if (new String(script.get(i)[0]).equals("TTL")) {
          assertThat(got).isIn(":100\r\n", ":99\r\n");
        } else {
          assertThat(got).as("reply to %s", new String(script.get(i)[0])).isEqualTo(fromRedis.get(i));
        }
      }
    }
  }

  @Test
  void dataWrittenThroughTheNodeIsInRedis() throws Exception {
    try (RawRespClient c = node(); RawRespClient direct = redis.client()) {
      assertThat(c.callString("SET", "user:1", "alice")).isEqualTo("+OK\r\n");
      assertThat(direct.callString("GET", "user:1")).isEqualTo("$5\r\nalice\r\n");
    }
  }

  @Test
  void eightMegabyteValuesRoundTrip() throws Exception {
    byte[] big = new byte[8 * 1024 * 1024];
    new java.util.Random(7).nextBytes(big);
    try (RawRespClient c = node()) {
      assertThat(c.callString("SET", "big", "x")).isEqualTo("+OK\r\n");
      assertThat(new String(c.call(b("SET"), b("big"), big))).isEqualTo("+OK\r\n");
      byte[] reply = c.call("GET", "big");
      String header = "$" + big.length + "\r\n";
      assertThat(new String(reply, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
      assertThat(Arrays.copyOfRange(reply, header.length(), header.length() + big.length)).isEqualTo(big);
    }
  }

  @Test
  void unknownCommandGetsRedisErrorAndTheConnectionStaysUsable() throws Exception {
    try (RawRespClient c = node()) {
      assertThat(c.callString("FOO", "a", "b"))
          .isEqualTo("-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n");
      assertThat(c.callString("GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
      assertThat(c.callString("SUBSCRIBE", "ch")).startsWith("-ERR Dynomite: ");
      assertThat(c.callString("PING")).isEqualTo("+PONG\r\n");
    }
  }

  @Test
  void malformedInputGetsAProtocolErrorThenTheConnectionClosesWhileOthersAreServed() throws Exception {
    try (RawRespClient bad = node(); RawRespClient good = node()) {
      bad.sendRaw("*1\r\n$4\r\nPING\r\n*2\r\n$-5\r\n");
      assertThat(bad.readReplyString()).isEqualTo("+PONG\r\n");
      assertThat(bad.readReplyString()).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
      assertThat(bad.isClosedByPeer()).isTrue();
      assertThat(good.callString("PING")).isEqualTo("+PONG\r\n");
    }
  }

  @Test
  void inlineCommandsWorkLikeRedis() throws Exception {
    try (RawRespClient c = node()) {
      c.sendRaw("SET inline \"hello world\"\r\nGET inline\r\n");
      assertThat(c.readReplyString()).isEqualTo("+OK\r\n");
      assertThat(c.readReplyString()).isEqualTo("$11\r\nhello world\r\n");
    }
  }

  @Test
  void thousandsOfPipelinedRequestsAreAnsweredInOrder() throws Exception {
    int n = 5000;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      all.writeBytes(RawRespClient.encode(b(i % 2 == 0 ? "INCR" : "GET"), b("counter")));
    }
    try (RawRespClient c = node()) {
      c.sendRaw(all.toByteArray());
      for (int i = 0; i < n; i++) {
        String expected = i % 2 == 0 ? ":" + (i / 2 + 1) + "\r\n" : "$" + String.valueOf(i / 2 + 1).length()
            + "\r\n" + (i / 2 + 1) + "\r\n";
        assertThat(c.readReplyString()).as("reply %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void aClientThatReadsLateStillGetsEveryReplyInOrder() throws Exception {
    // Far more than the per-client pending bound: the node must pause reading, not drop or reorder.
    int n = 20_000;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      all.writeBytes(RawRespClient.encode(b("ECHO"), b("m" + i)));
    }
    try (RawRespClient c = node()) {
      Thread writer = new Thread(() -> {
        try {
          c.sendRaw(all.toByteArray());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      writer.start();
      Thread.sleep(300);
      for (int i = 0; i < n; i++) {
        String m = "m" + i;
        assertThat(c.readReplyString()).isEqualTo("$" + m.length() + "\r\n" + m + "\r\n");
      }
      writer.join(10_000);
    }
  }

  @Test
  void connectionCommandsClientsSendOnConnectWork() throws Exception {
    try (RawRespClient c = node()) {
      assertThat(c.callString("SELECT", "0")).isEqualTo("+OK\r\n");
      assertThat(c.callString("SELECT", "1")).startsWith("-ERR Dynomite: 'select' with a database other than 0 is not supported");
      assertThat(c.callString("SELECT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
      assertThat(c.callString("HELLO", "3")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
      assertThat(c.callString("HELLO", "2")).startsWith("*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n");
      assertThat(c.callString("CLIENT", "SETNAME", "app1")).isEqualTo("+OK\r\n");
      assertThat(c.callString("CLIENT", "GETNAME")).isEqualTo("$4\r\napp1\r\n");
      assertThat(c.callString("CLIENT", "SETINFO", "LIB-NAME", "jedis")).isEqualTo("+OK\r\n");
      assertThat(c.callString("CLIENT", "ID")).startsWith(":");
      assertThat(c.callString("ECHO", "hi")).isEqualTo("$2\r\nhi\r\n");
      assertThat(c.callString("PING", "x")).isEqualTo("$1\r\nx\r\n");
      assertThat(c.callString("INFO", "server")).contains("redis_version:7.0.15");
      assertThat(c.callString("COMMAND", "COUNT")).startsWith(":");
      assertThat(c.callString("QUIT")).isEqualTo("+OK\r\n");
      assertThat(c.isClosedByPeer()).isTrue();
    }
  }

  @Test
  void redisCliWorksAgainstTheNode() throws Exception {
    assertThat(redisCli("SET", "cli", "from redis-cli")).isEqualTo("OK");
    assertThat(redisCli("GET", "cli")).isEqualTo("from redis-cli");
    assertThat(redisCli("RPUSH", "clist", "a", "b")).isEqualTo("2");
    assertThat(redisCli("LRANGE", "clist", "0", "-1")).isEqualTo("a\nb");
    assertThat(redisCli("NOSUCHCMD")).startsWith("ERR unknown command 'NOSUCHCMD'");
  }

  private static String redisCli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void jedisWorksWithItsDefaultHandshake() throws Exception {
    try (Jedis j = new Jedis("127.0.0.1", port)) {
      assertThat(j.ping()).isEqualTo("PONG");
      assertThat(j.set("jk", "jv")).isEqualTo("OK");
      assertThat(j.get("jk")).isEqualTo("jv");
      assertThat(j.get("nope")).isNull();
      j.hset("jh", Map.of("a", "1", "b", "2"));
      assertThat(j.hgetAll("jh")).isEqualTo(Map.of("a", "1", "b", "2"));
      assertThat(j.incrBy("jn", 5)).isEqualTo(5);
      assertThat(j.mget("jk", "nope", "jn")).containsExactly("jv", null, "5");
      Pipeline p = j.pipelined();
      for (int i = 0; i < 100; i++) {
        p.set("p" + i, "v" + i);
      }
      p.sync();
      assertThat(j.get("p99")).isEqualTo("v99");
      assertThat(j.blpop(1, "emptylist")).isNull();
    }
  }

  @Test
  void lettuceWorksWithItsDefaultHandshake() {
    RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
        .withTimeout(Duration.ofSeconds(5)).build());
    try (StatefulRedisConnection<String, String> conn = client.connect()) {
      RedisCommands<String, String> cmd = conn.sync();
      assertThat(cmd.ping()).isEqualTo("PONG");
      assertThat(cmd.set("lk", "lv")).isEqualTo("OK");
      assertThat(cmd.get("lk")).isEqualTo("lv");
      assertThat(cmd.rpush("ll", "1", "2", "3")).isEqualTo(3);
      assertThat(cmd.lrange("ll", 0, -1)).containsExactly("1", "2", "3");
      assertThat(cmd.zadd("lz", 1.0, "one")).isEqualTo(1);
      assertThat(cmd.zscore("lz", "one")).isEqualTo(1.0);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static byte[][] args(String... a) {
    byte[][] out = new byte[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = b(a[i]);
    }
    return out;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
