package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.KeyHasher;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.testutil.NodeProcess;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.testutil.RawRespClient;
import redis.clients.jedis.Jedis;

/** {@code bin/local-cluster}: start, status and stop, and its bash copy of Dynomite's placement. */
class LocalClusterScriptIntegrationTests {

  static final Path SCRIPT = Path.of("bin", "local-cluster").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void theScriptsBashMurmurAndRingRuleAgreeWithTheNodes() throws Exception {
    KeyHasher murmur = HashAlgorithms.byName("murmur");
    Random random = new Random(42);
    List<String> keys = new ArrayList<>(List.of("", "a", "user", "user:1", "local-cluster:probe:0:1:7"));
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:{}-_.~!";
    while (keys.size() < 300) {
      StringBuilder k = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        k.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      keys.add(k.toString());
    }
    StringBuilder script = new StringBuilder("source bin/lib/ring.sh\n");
    for (String key : keys) {
      script.append("ring_murmur '").append(key).append("'; h=$RING_HASH; o=\"\"\n")
          .append("for n in 1 2 3 5; do ring_owner $n $h; o+=\" $RING_OWNER\"; done; echo \"$h$o\"\n");
    }
    script.append("for n in 1 2 3 5; do for ((i = 0; i < n; i++)); do printf '%s ' $(ring_token $n $i); done; done\n");
    Result r = run(List.of("bash", "-c", script.toString()), Map.of("LC_ALL", "C"), 60);
    assertThat(r.exitCode()).as(r.output()).isZero();
    String[] lines = r.output().split("\n");
    for (int i = 0; i < keys.size(); i++) {
      long hash = murmur.hash(keys.get(i).getBytes(StandardCharsets.US_ASCII));
      StringBuilder expected = new StringBuilder(Long.toString(hash));
      for (int n : new int[] {1, 2, 3, 5}) {
        expected.append(' ').append(evenRing(n).owner(hash));
      }
      assertThat(lines[i]).as("key '%s'", keys.get(i)).isEqualTo(expected.toString());
    }
    StringBuilder tokens = new StringBuilder();
    for (int n : new int[] {1, 2, 3, 5}) {
      Token.evenlySpaced(n).forEach(t -> tokens.append(t).append(' '));
    }
    assertThat(lines[keys.size()]).isEqualTo(tokens.toString());
  }

  private static TokenRing<Integer> evenRing(int n) {
    TokenRing.Builder<Integer> b = TokenRing.builder();
    List<Token> tokens = Token.evenlySpaced(n);
    for (int i = 0; i < n; i++) {
      b.add(i, tokens.get(i));
    }
    return b.build();
  }

  @Test
  void startRunsSeparateNodeJvmsOverRedisAndStopEndsExactlyWhatItStarted() throws Exception {
    int base = freeBasePort(2);
    Process decoy = new ProcessBuilder("sleep", "120").start();
    try {
      long t0 = System.nanoTime();
      Result start = script("start", "--dcs", "1", "--racks", "2", "--nodes", "1", "--redis",
          "--base-port", String.valueOf(base), "--dir", dir.toString(), "--wait", "90");
      System.out.printf("bin/local-cluster start (1 DC x 2 racks x 1 node, redis) took %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
      assertThat(start.exitCode()).as(start.output()).isZero();
      assertThat(start.output()).contains("cluster formed")
          .containsPattern("dc1-rack1-n1 +dc1 +rack1 +0 +" + (base + 2) + " +" + (base + 1) + " +" + (base + 3))
          .containsPattern("dc1-rack2-n1 +dc1 +rack2 +0 +" + (base + 12) + " +" + (base + 11) + " +" + (base + 13));
      assertThat(Files.readString(dir.resolve("dc1-rack1-n1/dynomite.yml"))).contains("dyn_o_mite:\n")
          .contains("  dyn_seeds:\n  - 127.0.0.1:" + (base + 11) + ":rack2:dc1:0\n")
          .contains("  servers:\n  - 127.0.0.1:" + (base + 4) + ":1\n");

      List<Long> pids = statePids();
      assertThat(pids).hasSize(4).allMatch(LocalClusterScriptIntegrationTests::alive);

      // The cluster starts empty and answers as one: a write through one node is read through the
      // other and sits in both racks' redis-servers (one node per rack owns everything).
      try (Jedis n1 = new Jedis("127.0.0.1", base + 2); Jedis n2 = new Jedis("127.0.0.1", base + 12)) {
        assertThat(n1.dbSize()).isZero();
        assertThat(n1.set("hello", "world")).isEqualTo("OK");
        // The other rack gets a DC_ONE write asynchronously, as in Dynomite.
        assertThat(Poll.until(Duration.ofSeconds(5), () -> n2.get("hello"), Objects::nonNull)).isEqualTo("world");
      }
      for (int redisPort : new int[] {base + 4, base + 14}) {
        try (RawRespClient r = new RawRespClient("127.0.0.1", redisPort)) {
          assertThat(r.callString("GET", "hello")).isEqualTo("$5\r\nworld\r\n");
        }
      }

      Result status = script("status", "--dir", dir.toString());
      assertThat(status.exitCode()).as(status.output()).isZero();
      assertThat(status.output()).containsPattern("dc1-rack2-n1 .* up ");
      assertThat(script("start", "--dir", dir.toString(), "--base-port", String.valueOf(base + 100)).output())
          .contains("is running");

      // A recorded PID that now belongs to another program is left alone.
      Files.writeString(dir.resolve("state"), "node " + decoy.pid() + " dc9-rack9-n9 /no/such/dynomite.yml\n",
          StandardOpenOption.APPEND);
      Result stop = script("stop", "--dir", dir.toString());
      assertThat(stop.exitCode()).as(stop.output()).isZero();
      assertThat(stop.output()).contains("pid " + decoy.pid() + " is no longer node dc9-rack9-n9; left alone");
      assertThat(pids).as("gone after stop").noneMatch(LocalClusterScriptIntegrationTests::alive);
      assertThat(decoy.isAlive()).isTrue();

      Result again = script("stop", "--dir", dir.toString());
      assertThat(again.exitCode()).isZero();
      assertThat(again.output()).contains("nothing to stop");
      assertThat(script("status", "--dir", dir.toString()).exitCode()).isEqualTo(3);
    } finally {
      decoy.destroyForcibly();
      // Should the test fail half-way, the script's own stop ends what it started.
      if (Files.exists(dir.resolve("state"))) {
        script("stop", "--dir", dir.toString());
      }
    }
  }

  @Test
  void stopNodeAndStartNodeRestartOneNodeUnderItsNewPidAndAWipedNodeWarmsUpFromItsReplica() throws Exception {
    int base = freeBasePort(2);
    try {
      Result start = script("start", "--racks", "2", "--nodes", "1", "--redis", "--base-port", String.valueOf(base),
          "--dir", dir.toString(), "--wait", "90");
      assertThat(start.exitCode()).as(start.output()).isZero();
      int keys = 200;
      try (Jedis n1 = new Jedis("127.0.0.1", base + 2)) {
        for (int i = 0; i < keys; i++) {
          n1.set("key:" + i, "value-" + i);
        }
      }
      int rack2Redis = base + 14;
      assertThat(Poll.until(Duration.ofSeconds(10), () -> redisDbSize(rack2Redis), n -> n == keys)).isEqualTo(keys);
      long before = recordedNodePid("dc1-rack2-n1");

      Result stop = script("stop-node", "dc1-rack2-n1", "--dir", dir.toString());
      assertThat(stop.exitCode()).as(stop.output()).isZero();
      assertThat(stop.output()).contains("node dc1-rack2-n1 is down; start it again with:");
      assertThat(alive(before)).isFalse();
      Result down = script("status", "--dir", dir.toString());
      assertThat(down.exitCode()).isEqualTo(1);
      assertThat(down.output()).containsPattern("dc1-rack2-n1 .* down ");
      assertThat(script("stop-node", "dc1-rack2-n1", "--dir", dir.toString()).output()).contains("is not running");

      // Restarted with the data its redis-server kept: it answers again under a new, recorded PID.
      Result kept = script("start-node", "dc1-rack2-n1", "--dir", dir.toString(), "--wait", "60");
      assertThat(kept.exitCode()).as(kept.output()).isZero();
      assertThat(kept.output()).contains("kept its data").contains("answers PING after");
      assertThat(script("status", "--dir", dir.toString()).exitCode()).isZero();
      assertThat(script("start-node", "dc1-rack2-n1", "--dir", dir.toString()).output()).contains("is running");

      // Wiped: it copies every key back from the other rack.
      assertThat(script("stop-node", "dc1-rack2-n1", "--kill", "--dir", dir.toString()).output()).contains("SIGKILL");
      Result wiped = script("start-node", "dc1-rack2-n1", "--wipe", "--dir", dir.toString(), "--wait", "60");
      assertThat(wiped.exitCode()).as(wiped.output()).isZero();
      assertThat(wiped.output()).contains("wiped the redis-server of dc1-rack2-n1").contains("warm-up: ")
          .doesNotContain("NOT warmed up");
      assertThat(Poll.until(Duration.ofSeconds(30), () -> redisDbSize(rack2Redis), n -> n == keys)).isEqualTo(keys);

      assertThat(recordedNodePid("dc1-rack2-n1")).isNotEqualTo(before);
      List<Long> pids = statePids();
      assertThat(pids).hasSize(4).doesNotContain(before).allMatch(LocalClusterScriptIntegrationTests::alive);
      assertThat(script("stop", "--dir", dir.toString()).exitCode()).isZero();
      assertThat(pids).as("gone after stop").noneMatch(LocalClusterScriptIntegrationTests::alive);
    } finally {
      if (Files.exists(dir.resolve("state"))) {
        script("stop", "--dir", dir.toString());
      }
    }
  }

  private long recordedNodePid(String name) throws IOException {
    for (String line : Files.readAllLines(dir.resolve("state"))) {
      String[] f = line.split(" ");
      if (f[0].equals("node") && f[2].equals(name)) {
        return Long.parseLong(f[1]);
      }
    }
    throw new AssertionError("no node " + name + " in the state file");
  }

  private static long redisDbSize(int port) throws IOException {
    try (RawRespClient r = new RawRespClient("127.0.0.1", port)) {
      String reply = r.callString("DBSIZE");
      return Long.parseLong(reply.substring(1, reply.length() - 2));
    }
  }

  @Test
  void startRefusesBadOptionsAndBusyPortsWithoutStartingAnything() throws Exception {
    Result zero = script("start", "--racks", "0", "--dir", dir.toString());
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.output()).contains("--racks must be a number 1..9, not '0'");
    Result level = script("start", "--write-consistency", "dc_two", "--dir", dir.toString());
    assertThat(level.output()).contains("--write-consistency must be DC_ONE");
    int base = freeBasePort(1);
    try (ServerSocket busy = new ServerSocket(base + 2, 1, InetAddress.getLoopbackAddress())) {
      Result r = script("start", "--racks", "1", "--nodes", "1", "--base-port", String.valueOf(base),
          "--dir", dir.toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.output()).contains("ports already in use on 127.0.0.1: " + (base + 2));
    }
    assertThat(dir.resolve("state")).doesNotExist();
  }

  private List<Long> statePids() throws IOException {
    List<Long> pids = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("state"))) {
      if (!line.startsWith("#")) {
        pids.add(Long.parseLong(line.split(" ")[1]));
      }
    }
    return pids;
  }

  /**
   * Whether {@code pid} runs. An exited process whose parent (init, once the script has exited)
   * has not reaped it yet is a zombie, which ProcessHandle still calls alive: read its state.
   */
  private static boolean alive(long pid) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false; // gone between the two looks
    }
  }

  /** A base port P such that P+1 .. P+10*nodes are free on 127.0.0.1. */
  private static int freeBasePort(int nodes) throws IOException {
    Random random = new Random();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + 10 * random.nextInt(1000);
      if (allFree(base + 1, base + 10 * nodes)) {
        return base;
      }
    }
    throw new IOException("no free port range found");
  }

  private static boolean allFree(int from, int to) {
    for (int p = from; p <= to; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private Result script(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, Map.of("LOCAL_CLUSTER_JAR", NodeProcess.jar().toAbsolutePath().toString(),
        "LOCAL_CLUSTER_JAVA_OPTS", "-Xmx256m"), 150);
  }

  private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    // Read on another thread so that a hung script still hits the timeout below.
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.append(e);
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(2000);
      throw new AssertionError(cmd + " did not finish in " + timeoutSeconds + " s: " + out);
    }
    reader.join(5000);
    return new Result(p.exitValue(), out.toString());
  }

  private record Result(int exitCode, String output) {}
}
