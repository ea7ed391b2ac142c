package org.vertxdynomite.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The node's fat jar run as a separate JVM, the way users run it; stopped by its PID.
 *
 * <p>The jar is {@code target/vertx-dynomite.jar} (Failsafe passes its path as the
 * {@code dynomite.jar} system property; integration tests run after {@code package}).
 */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private NodeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static Path jar() {
    return Path.of(System.getProperty("dynomite.jar", "target/vertx-dynomite.jar"));
  }

  /** Runs the jar with {@code args} to completion (e.g. {@code -t}) and returns exit code and output. */
  public static Result run(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("node did not exit: " + out);
    }
    return new Result(p.exitValue(), out);
  }

  /** Starts a node and waits until {@code clientPort} answers PING. */
  public static NodeProcess start(int clientPort, String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile("node-", ".log");
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NodeProcess n = new NodeProcess(p, log);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("node exited with " + p.exitValue() + ":\n" + n.output());
      }
      try (RawRespClient c = new RawRespClient("127.0.0.1", clientPort)) {
        if ("+PONG\r\n".equals(c.callString("PING"))) {
          return n;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    n.close();
    throw new IOException("node did not answer on port " + clientPort + ":\n" + n.output());
  }

  private static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the JVM with SIGKILL (a crash: no shutdown hook, no leaving the cluster) and waits for it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) to this JVM by its PID. */
  public void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true).start();
    String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + pid() + " failed: " + out);
    }
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  /** Sends SIGTERM and waits for the exit; returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      try {
        terminate();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    Files.deleteIfExists(log);
  }

  /** Exit code and combined output of a finished run. */
  public record Result(int exitCode, String output) {}
}
