package org.vertxdynomite.testutil;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server on a free loopback port, started for a test and stopped by its PID.
 *
 * <p>The binary is {@code $REDIS_SERVER} or {@code redis-server} on the PATH. A machine without it
 * fails the test with a message saying so: CI installs it, tests are never silently skipped.
 */
public final class RedisServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;
  private final List<String> extraArgs;

  private RedisServerProcess(Process process, int port, Path dir, List<String> extraArgs) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    this.extraArgs = extraArgs;
  }

  /** Starts redis-server with persistence off and waits until it answers PING. */
  public static RedisServerProcess start(String... extraArgs) throws IOException, InterruptedException {
    return start(freePort(), extraArgs);
  }

  /** Starts redis-server on {@code port} (e.g. to restart one at the same address). */
  public static RedisServerProcess start(int port, String... extraArgs) throws IOException, InterruptedException {
    return start(port, Files.createTempDirectory("redis-test-"), List.of(extraArgs));
  }

  private static RedisServerProcess start(int port, Path dir, List<String> extraArgs)
      throws IOException, InterruptedException {
    String bin = System.getenv().getOrDefault("REDIS_SERVER", "redis-server");
    List<String> cmd = new ArrayList<>(List.of(bin, "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString()));
    cmd.addAll(extraArgs);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    } catch (IOException e) {
      throw new IOException("cannot start '" + bin + "': install redis-server (apt-get install -y redis-server)"
          + " or set REDIS_SERVER", e);
    }
    RedisServerProcess r = new RedisServerProcess(p, port, dir, List.copyOf(extraArgs));
    r.awaitReady(Duration.ofSeconds(30));
    return r;
  }

  /**
   * A loopback port that was free a moment ago, picked at random below the kernel's ephemeral range
   * (32768 and up on Linux): a port asked of the OS with port 0 comes from that range, where the
   * next outgoing connection or port-0 listener may take it before the test binds it.
   */
  public static int freePort() throws IOException {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      if (PORTS_GIVEN.add(port)) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          return s.getLocalPort();
        } catch (IOException busy) {
          // Taken: try another.
        }
      }
    }
    throw new IOException("no free loopback port found in 20000..31999");
  }

  /** Ports handed out by this JVM, never handed out twice. */
  private static final java.util.Set<Integer> PORTS_GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private void awaitReady(Duration max) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir);
      }
      try (RawRespClient c = new RawRespClient("127.0.0.1", port)) {
        if ("+PONG\r\n".equals(c.callString("PING"))) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(20);
    }
    close();
    throw new IOException("redis-server on port " + port + " did not answer PING in " + max, last);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Kills the server with SIGKILL (a crash: no final save) and keeps its directory, so that
   * {@link #restart} finds whatever it had persisted (with {@code --appendonly yes}, its AOF).
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * Starts a new server on this one's port, directory and arguments, after {@link #kill}; the new
   * one owns the directory from then on (its {@link #close} removes it).
   */
  public RedisServerProcess restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("redis-server " + pid() + " is still running");
    }
    return start(port, dir, extraArgs);
  }

  /** A new raw client connected to this server. */
  public RawRespClient client() throws IOException {
    return new RawRespClient("127.0.0.1", port);
  }

  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    File[] files = dir.toFile().listFiles();
    if (files != null) {
      for (File f : files) {
        f.delete();
      }
    }
    dir.toFile().delete();
  }
}
