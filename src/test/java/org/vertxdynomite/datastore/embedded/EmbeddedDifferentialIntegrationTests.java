package org.vertxdynomite.datastore.embedded;

import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Differential test: seeded random command sequences per data type run against a real
 * redis-server 7.0.15 and the embedded store; replies must be byte-identical (order-insensitive
 * only where Redis gives no order guarantee; random picks are checked for plausibility).
 *
 * <p>{@code -Dembedded.diff.commands=N} sets the commands per type (default 10,000);
 * {@code -Dembedded.diff.seed=S} replays a run. The seed is printed and included in failures.
 */
class EmbeddedDifferentialIntegrationTests {

  private static final int COMMANDS = Integer.getInteger("embedded.diff.commands", 10_000);
  private static RedisServerProcess redis;
  private static RawRespClient client;

  @BeforeAll
  static void startRedis() throws Exception {
    // hz 500: Redis notices blocked-command timeouts on its cron tick; keep that tick short.
    redis = RedisServerProcess.start("--hz", "500");
    client = redis.client();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (client != null) {
      client.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static long seed(String label) {
    Long fixed = Long.getLong("embedded.diff.seed");
    long seed = fixed != null ? fixed : System.nanoTime() ^ label.hashCode();
    System.out.println("[embedded-diff] " + label + " seed=" + seed + " commands=" + COMMANDS);
    return seed;
  }

  private static void run(String label, Function<DiffRunner, DiffGen> gen) throws Exception {
    client.call("FLUSHALL");
    EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());
    DiffRunner runner = new DiffRunner(label, seed(label), client, store);
    DiffGen g = gen.apply(runner);
    while (runner.step() < COMMANDS) {
      g.step();
    }
  }

  @Test
  void keysAndExpiryMatchRedis() throws Exception {
    run("keys", KeyspaceGen::new);
  }

  @Test
  void stringsMatchRedis() throws Exception {
    run("strings", StringGen::new);
  }

  @Test
  void hashesMatchRedis() throws Exception {
    run("hashes", HashGen::new);
  }

  @Test
  void setsMatchRedis() throws Exception {
    run("sets", SetGen::new);
  }

  @Test
  void listsMatchRedis() throws Exception {
    run("lists", ListGen::new);
  }

  @Test
  void sortedSetsMatchRedis() throws Exception {
    run("zsets", ZSetGen::new);
  }
}
