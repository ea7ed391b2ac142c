package org.vertxdynomite.replication.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.vertxdynomite.replication.LoopbackCluster;
import org.vertxdynomite.replication.PeerClient;
import org.vertxdynomite.replication.PeerClientOptions;
import org.vertxdynomite.replication.PeerRequest;
import org.vertxdynomite.replication.PeerServer;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Throughput of the peer transport between two clustered Vert.x instances, batched and unbatched,
 * at several numbers of requests in flight. Not a test: run it by hand.
 *
 * <pre>
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java --add-opens ... -cp target/classes:target/test-classes:$(cat cp.txt) \
 *       org.vertxdynomite.replication.bench.PeerTransportBench [one-jvm|two-jvms] [seconds]
 * </pre>
 *
 * In {@code two-jvms} mode the receiving member runs in a child JVM this program starts and stops.
 * Each request is a SET of a 100-byte value answered with +OK by a handler that does nothing else,
 * so the figures are the transport's own ceiling.
 */
public final class PeerTransportBench {

  private static final String ADDRESS = "bench.peer";
  private static final int[] WINDOWS = {1, 64, 256, 1024, 4096};
  /** What Hazelcast wants opened, as in the pom's surefire argLine. */
  private static final List<String> JVM_OPENS = List.of(
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

  private PeerTransportBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("server")) {
      serve(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    boolean twoJvms = args.length > 0 && args[0].equals("two-jvms");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String name = "peer-bench-" + UUID.randomUUID();
    int serverPort = RedisServerProcess.freePort();
    int clientPort = RedisServerProcess.freePort();
    List<Integer> ports = List.of(serverPort, clientPort);
    Process child = null;
    Vertx serverVertx = null;
    try {
      if (twoJvms) {
        child = startChild(name, serverPort, clientPort);
      } else {
        serverVertx = LoopbackCluster.startMember(name, serverPort, ports);
        startServer(serverVertx);
      }
      Vertx clientVertx = LoopbackCluster.startMember(name, clientPort, ports);
      System.out.printf("%-9s %-9s %7s %12s %12s %8s%n", "mode", "batching", "window", "requests/s", "messages/s", "batch");
      for (boolean batched : new boolean[] {false, true}) {
        PeerClientOptions options = batched ? PeerClientOptions.DEFAULT : PeerClientOptions.DEFAULT.withMaxBatchRequests(1);
        Context ctx = clientVertx.getOrCreateContext();
        PeerClient client = call(ctx, () -> new PeerClient(clientVertx, options));
        awaitRoundTrip(ctx, client);
        for (int window : WINDOWS) {
          Result r = measure(ctx, client, window, seconds);
          System.out.printf("%-9s %-9s %7d %12.0f %12.0f %8.1f%n", twoJvms ? "2 JVMs" : "1 JVM",
              batched ? "batched" : "single", window, r.requestsPerSecond, r.messagesPerSecond,
              r.requestsPerSecond / r.messagesPerSecond);
        }
      }
      clientVertx.close().await(30, TimeUnit.SECONDS);
    } finally {
      if (serverVertx != null) {
        serverVertx.close().await(30, TimeUnit.SECONDS);
      }
      if (child != null) {
        stopChild(child);
      }
    }
  }

  private record Result(double requestsPerSecond, double messagesPerSecond) {}

  /** Keeps {@code window} requests in flight for a warm-up second and then {@code seconds}. */
  private static Result measure(Context ctx, PeerClient client, int window, int seconds) throws Exception {
    Load load = new Load(client);
    call(ctx, () -> {
      for (int i = 0; i < window; i++) {
        load.issue();
      }
      return null;
    });
    Thread.sleep(1000);
    long[] start = call(ctx, load::snapshot);
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long[] end = call(ctx, load::snapshot);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    call(ctx, () -> load.running = false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (call(ctx, () -> client.inFlight(ADDRESS)) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (load.failures > 0) {
      System.out.println("  failures: " + load.failures);
    }
    return new Result((end[0] - start[0]) / elapsed, (end[1] - start[1]) / elapsed);
  }

  /** A closed loop: each completed request issues the next one, on the client's context. */
  private static final class Load {
    private static final byte[] VALUE = new byte[100];
    private final PeerClient client;
    private long completed;
    private long failures;
    private long next;
    boolean running = true;

    Load(PeerClient client) {
      this.client = client;
    }

    void issue() {
      long id = next++;
      RespRequest set = new RespRequest(new byte[][] {"SET".getBytes(StandardCharsets.US_ASCII),
          ("key:" + (id % 100_000)).getBytes(StandardCharsets.US_ASCII), VALUE});
      client.send(ADDRESS, PeerRequest.replicate(id, id, id % 64, set), 10_000).onComplete(ar -> {
        completed++;
        if (ar.failed()) {
          failures++;
        }
        if (running) {
          issue();
        }
      });
    }

    long[] snapshot() {
      return new long[] {completed, client.messagesSent()};
    }
  }

  private static void startServer(Vertx vertx) throws Exception {
    call(vertx.getOrCreateContext(), () -> PeerServer.start(vertx, ADDRESS, r -> Future.<Reply>succeededFuture(Replies.OK)))
        .await(30, TimeUnit.SECONDS);
  }

  private static void awaitRoundTrip(Context ctx, PeerClient client) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      Future<Reply> ping = call(ctx, () -> client.send(ADDRESS, PeerRequest.forward(0, 0, 0, RespRequest.of("PING")), 5_000));
      CompletableFuture<Boolean> ok = new CompletableFuture<>();
      ping.onComplete(ar -> ok.complete(ar.succeeded()));
      if (ok.get(10, TimeUnit.SECONDS)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the peer server never answered");
  }

  /** The child JVM's side: one member with the server, until its stdin closes. */
  private static void serve(String name, int port, int otherPort) throws Exception {
    Vertx vertx = LoopbackCluster.startMember(name, port, List.of(port, otherPort));
    startServer(vertx);
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the parent to close our stdin.
    }
    vertx.close().await(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static Process startChild(String name, int port, int otherPort) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(JVM_OPENS);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PeerTransportBench.class.getName(),
        "server", name, String.valueOf(port), String.valueOf(otherPort)));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("READY")) {
      System.out.println("[server] " + line);
    }
    if (line == null) {
      throw new IllegalStateException("the server JVM exited before it was ready");
    }
    System.out.println("server JVM pid " + p.pid());
    return p;
  }

  private static void stopChild(Process p) throws Exception {
    p.getOutputStream().close();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private static <T> T call(Context ctx, Supplier<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    ctx.runOnContext(v -> result.complete(action.get()));
    return result.get(30, TimeUnit.SECONDS);
  }
}
