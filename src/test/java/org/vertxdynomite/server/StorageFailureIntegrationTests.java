package org.vertxdynomite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.LocalCoordinator;
import org.vertxdynomite.datastore.redis.RedisDatastore;
import org.vertxdynomite.datastore.redis.RedisSettings;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/** What a client sees when the redis-server behind the node stops, hangs, and comes back. */
class StorageFailureIntegrationTests {

  private Vertx vertx;
  private RedisServerProcess redis;

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
    if (redis != null) {
      signal("CONT", redis.pid());
      redis.close();
    }
  }

  private int startNode(int redisPort, long timeoutMillis) throws Exception {
    return startNode(redisPort, timeoutMillis, 2);
  }

  private int startNode(int redisPort, long timeoutMillis, int failureLimit) throws Exception {
    vertx = Vertx.vertx();
    RedisDatastore ds = new RedisDatastore(vertx, new RedisSettings("127.0.0.1", redisPort, 1, timeoutMillis, 200,
        failureLimit, RedisSettings.DEFAULT_MAX_IN_FLIGHT));
    RespServer server = new RespServer(ServerSettings.of("127.0.0.1", RedisServerProcess.freePort()),
        CommandTable.get(), new LocalCoordinator(ds));
    return server.start(vertx, 1).await(10, TimeUnit.SECONDS);
  }

  @Test
  void aStoppedRedisGivesStorageErrorsAndTheNodeRecoversWhenItReturns() throws Exception {
    redis = RedisServerProcess.start();
    int redisPort = redis.port();
    int port = startNode(redisPort, 1000);
    try (RawRespClient c = new RawRespClient("127.0.0.1", port)) {
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");
      redis.close();
      String during = c.callString("GET", "k");
      assertThat(during).startsWith("-ERR Storage: ");
      assertThat(c.callString("PING")).isEqualTo("+PONG\r\n");
      redis = RedisServerProcess.start(redisPort);
      String after = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        after = c.callString("SET", "k", "again");
        if (after.equals("+OK\r\n")) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(after).isEqualTo("+OK\r\n");
      assertThat(c.callString("GET", "k")).isEqualTo("$5\r\nagain\r\n");
    }
  }

  @Test
  void aRefusedReconnectBelowTheFailureLimitIsRetriedNotKept() throws Exception {
    redis = RedisServerProcess.start();
    int redisPort = redis.port();
    int port = startNode(redisPort, 1000, 3);
    try (RawRespClient c = new RawRespClient("127.0.0.1", port)) {
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");
      redis.close();
      assertThat(c.callString("GET", "k")).startsWith("-ERR Storage: ");
      assertThat(c.callString("GET", "k")).as("a refused reconnect").startsWith("-ERR Storage: Connection refused");
      redis = RedisServerProcess.start(redisPort);
      String after = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        after = c.callString("GET", "k");
        if (!after.startsWith("-ERR Storage: ")) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(after).isEqualTo("$-1\r\n");
    }
  }

  @Test
  void aHungRedisGivesTimeoutErrorsWithinTheTimeoutAndServiceResumes() throws Exception {
    redis = RedisServerProcess.start();
    int port = startNode(redis.port(), 300);
    try (RawRespClient c = new RawRespClient("127.0.0.1", port)) {
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");
      signal("STOP", redis.pid());
      long t0 = System.nanoTime();
      assertThat(c.callString("GET", "k")).isEqualTo("-ERR Storage: Connection timed out\r\n");
      long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(waitedMillis).isBetween(250L, 3000L);
      signal("CONT", redis.pid());
      String after = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        after = c.callString("GET", "k");
        if (after.equals("$1\r\nv\r\n")) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(after).isEqualTo("$1\r\nv\r\n");
    }
  }

  private static void signal(String sig, long pid) throws Exception {
    new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start().waitFor(5, TimeUnit.SECONDS);
  }
}
