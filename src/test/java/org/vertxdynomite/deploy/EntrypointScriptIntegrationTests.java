package org.vertxdynomite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.testutil.NodeProcess;
import org.vertxdynomite.testutil.RedisServerProcess;

/** docker/entrypoint run by bash as the container runs it: settings from the pod, the probe, the start. */
class EntrypointScriptIntegrationTests {

  private static final Path SCRIPT = Path.of("docker/entrypoint");

  private static Vertx vertx;
  private static HttpServer admin;
  private static volatile String state = "NORMAL";

  @TempDir
  Path dir;

  /** A stand-in for the admin port: /ping, /state/get_state, and a path that fails. */
  @BeforeAll
  static void startAdminStandIn() {
    vertx = Vertx.vertx();
    admin = vertx.createHttpServer().requestHandler(req -> {
      switch (req.path()) {
        case "/ping" -> req.response().end("OK\n");
        case "/state/get_state" -> req.response().end("State: " + state + "\n");
        default -> req.response().setStatusCode(404).end("no such path\n");
      }
    }).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stopAdminStandIn() {
    vertx.close().await();
  }

  record Run(int exitCode, String stdout, String stderr) {}

  private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().addAll(List.of("bash", SCRIPT.toString()));
    pb.command().addAll(List.of(args));
    pb.environment().clear();
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    pb.environment().putAll(env);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("entrypoint did not finish");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Path racks(String content) throws IOException {
    return Files.writeString(dir.resolve("racks"), content, StandardCharsets.UTF_8);
  }

  private Map<String, String> derived(Map<String, String> env) throws Exception {
    Run r = run(env, "env");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Map<String, String> vars = new LinkedHashMap<>();
    r.stdout().lines().forEach(l -> vars.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    return vars;
  }

  @Test
  void aPodGetsItsAddressPlaceTokenAndEveryOtherPodAsASeed() throws Exception {
    Path racks = racks("""
        # statefulset       dc  rack  replicas
        dynomite-dc1-rack1  dc1 rack1 3
        dynomite-dc1-rack2  dc1 rack2 2""");
    Map<String, String> vars = derived(Map.of("POD_NAME", "dynomite-dc1-rack1-2", "POD_IP", "10.4.2.17",
        "PEER_DOMAIN", "dynomite-peers", "RACKS_FILE", racks.toString()));

    assertThat(vars).containsEntry("DYNOMITE_DYN_LISTEN", "10.4.2.17:8101")
        .containsEntry("DYNOMITE_DATACENTER", "dc1")
        .containsEntry("DYNOMITE_RACK", "rack1")
        .containsEntry("DYNOMITE_TOKENS", String.valueOf(Token.evenlySpaced(3).get(2).value()));
    NodeConfig c = ConfigLoader.loadBlocking(Path.of("docker/dynomite.yml"), vars);
    assertThat(c.dynSeeds()).containsExactly(
        new SeedSpec("dynomite-dc1-rack1-0.dynomite-peers", 8101, "rack1", "dc1", List.of(0L)),
        new SeedSpec("dynomite-dc1-rack1-1.dynomite-peers", 8101, "rack1", "dc1", List.of(1431655765L)),
        new SeedSpec("dynomite-dc1-rack2-0.dynomite-peers", 8101, "rack2", "dc1", List.of(0L)),
        new SeedSpec("dynomite-dc1-rack2-1.dynomite-peers", 8101, "rack2", "dc1", List.of(2147483647L)));
    assertThat(c.tokens()).containsExactly(2863311530L);
    assertThat(c.clustered()).isTrue();
  }

  @Test
  void everyOrdinalOfARackGetsTheEvenlySpacedTokenOfTheRing() throws Exception {
    for (int replicas = 1; replicas <= 5; replicas++) {
      Path racks = racks("dynomite-a " + "dc1 rack1 " + replicas + "\n");
      for (int ordinal = 0; ordinal < replicas; ordinal++) {
        Map<String, String> vars = derived(Map.of("POD_NAME", "dynomite-a-" + ordinal, "RACKS_FILE", racks.toString()));
        assertThat(vars.get("DYNOMITE_TOKENS")).as(ordinal + " of " + replicas)
            .isEqualTo(String.valueOf(Token.evenlySpaced(replicas).get(ordinal).value()));
      }
    }
  }

  @Test
  void everyPodOfEveryOverlayGetsADistinctEvenlySpacedTokenOfItsRackAndAValidConfiguration() throws Exception {
    for (Overlay o : K8sManifestsUnitTests.overlays()) {
      Path racks = racks(Manifest.text(o.get("ConfigMap", "dynomite-racks"), "data", "racks"));
      int pods = o.racks().values().stream().mapToInt(r -> Integer.parseInt(r.get(2))).sum();
      for (Map<String, Object> sts : o.all("StatefulSet")) {
        int replicas = (Integer) Manifest.at(sts, "spec", "replicas");
        List<Long> tokens = new java.util.ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
          Map<String, String> env = new HashMap<>(Overlay.literalEnv(Overlay.container(sts, Overlay.NODE_CONTAINER)));
          env.putAll(Map.of("POD_NAME", Overlay.name(sts) + "-" + ordinal, "POD_IP", "10.0.0." + (ordinal + 1),
              "RACKS_FILE", racks.toString()));
          Map<String, String> vars = derived(env);
          vars.putAll(Overlay.literalEnv(Overlay.container(sts, Overlay.NODE_CONTAINER)));
          Map<String, Object> yml = Manifest.map(new org.yaml.snakeyaml.Yaml().load(o.dynomiteYml()), "yml");
          NodeConfig c = ConfigLoader.fromYamlRoot(new io.vertx.core.json.JsonObject(yml), vars);
          assertThat(c.rack()).isEqualTo(Overlay.templateLabels(sts).get("dynomite/rack"));
          assertThat(c.datacenter()).isEqualTo(Overlay.templateLabels(sts).get("dynomite/datacenter"));
          assertThat(c.dynSeeds()).as(o.name() + " seeds").hasSize(pods - 1);
          assertThat(c.dynListen()).hasToString("10.0.0." + (ordinal + 1) + ":8101");
          tokens.addAll(c.tokens());
        }
        assertThat(tokens).as(o.name() + " " + Overlay.name(sts))
            .isEqualTo(Token.evenlySpaced(replicas).stream().map(Token::value).toList());
      }
    }
  }

  @Test
  void settingsAlreadyGivenAreKept() throws Exception {
    Path racks = racks("dynomite-a dc1 rack1 2\n");
    Map<String, String> vars = derived(Map.of("POD_NAME", "dynomite-a-1", "POD_IP", "10.0.0.1",
        "RACKS_FILE", racks.toString(), "DYNOMITE_TOKENS", "7", "DYNOMITE_DYN_LISTEN", "10.0.0.9:9101",
        "DYNOMITE_DYN_SEEDS", "10.0.0.2:9101:rack1:dc1:0"));

    assertThat(vars).containsEntry("DYNOMITE_TOKENS", "7")
        .containsEntry("DYNOMITE_DYN_LISTEN", "10.0.0.9:9101")
        .containsEntry("DYNOMITE_DYN_SEEDS", "10.0.0.2:9101:rack1:dc1:0")
        .containsEntry("DYNOMITE_RACK", "rack1");
  }

  @Test
  void outsideAPodNothingIsDerived() throws Exception {
    assertThat(derived(Map.of())).isEmpty();
  }

  @Test
  void aPodTheRacksFileDoesNotCoverStopsWithTheReason() throws Exception {
    Path racks = racks("dynomite-a dc1 rack1 2\n");

    Run beyond = run(Map.of("POD_NAME", "dynomite-a-2", "RACKS_FILE", racks.toString()), "env");
    assertThat(beyond.exitCode()).isEqualTo(1);
    assertThat(beyond.stderr()).contains("pod dynomite-a-2 is beyond the 2 replicas");

    Run unknown = run(Map.of("POD_NAME", "dynomite-b-0", "RACKS_FILE", racks.toString()), "env");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).contains("StatefulSet dynomite-b (of pod dynomite-b-0) is not in");

    Path bad = racks("dynomite-a dc1 rack1 two\n");
    Run malformed = run(Map.of("POD_NAME", "dynomite-a-0", "RACKS_FILE", bad.toString()), "env");
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.stderr()).contains("is not '<statefulset> <datacenter> <rack> <replicas>'");
  }

  @Test
  void theProbeSucceedsOnlyOnA200SayingTheExpectedText() throws Exception {
    Map<String, String> env = Map.of("ADMIN_PORT", String.valueOf(admin.actualPort()));

    assertThat(run(env, "probe", "/ping").exitCode()).isZero();
    state = "NORMAL";
    assertThat(run(env, "probe", "/state/get_state", "NORMAL").exitCode()).isZero();
    state = "STANDBY";
    Run standby = run(env, "probe", "/state/get_state", "NORMAL");
    assertThat(standby.exitCode()).isEqualTo(1);
    assertThat(standby.stderr()).contains("does not say 'NORMAL'");
    Run missing = run(env, "probe", "/nope");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("/nope answered 'HTTP/1.1 404 Not Found'");
  }

  @Test
  void theProbeFindsTheAdminPortInStatsListenAndFailsWhenNothingAnswers() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("DYNOMITE_STATS_LISTEN", "0.0.0.0:" + admin.actualPort()));
    assertThat(run(env, "probe", "/ping").exitCode()).isZero();

    int closed = RedisServerProcess.freePort();
    Run nothing = run(Map.of("ADMIN_PORT", String.valueOf(closed)), "probe", "/ping");
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.stderr()).contains("nothing answers on 127.0.0.1:" + closed);
  }

  @Test
  void aNodeStartedByTheEntrypointIsHealthyAndReadyOnlyWhileItsStateIsNormal() throws Exception {
    int client = RedisServerProcess.freePort();
    int adminPort = RedisServerProcess.freePort();
    Path yml = Files.writeString(dir.resolve("node.yml"), """
        dyn_o_mite:
          listen: 127.0.0.1:%d
          stats_listen: 127.0.0.1:%d
          data_store: embedded
        """.formatted(client, adminPort));
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), "-c", yml.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DYNOMITE_"));
    pb.environment().putAll(Map.of("NODE_JAR", NodeProcess.jar().toString(), "JAVA_OPTS", "-Xmx256m",
        "POD_IP", "127.0.0.1", "DYN_PORT", String.valueOf(RedisServerProcess.freePort()),
        "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin"));
    Process node = pb.start();
    try {
      Map<String, String> env = Map.of("ADMIN_PORT", String.valueOf(adminPort));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (run(env, "probe", "/ping").exitCode() != 0) {
        assertThat(node.isAlive()).as(Files.readString(dir.resolve("node.log"))).isTrue();
        assertThat(System.nanoTime()).as("the node's /ping answers within 60 s").isLessThan(deadline);
        Thread.sleep(200);
      }
      assertThat(run(env, "probe", "/state/get_state", "NORMAL").exitCode()).isZero();

      assertThat(adminGet(adminPort, "/state/standby")).isEqualTo(200);
      Run standby = run(env, "probe", "/state/get_state", "NORMAL");
      assertThat(standby.exitCode()).isEqualTo(1);
      assertThat(standby.stderr()).contains("does not say 'NORMAL'");
      assertThat(run(env, "probe", "/ping").exitCode()).as("alive all the same").isZero();

      assertThat(adminGet(adminPort, "/state/normal")).isEqualTo(200);
      assertThat(run(env, "probe", "/state/get_state", "NORMAL").exitCode()).isZero();
    } finally {
      node.destroy();
      if (!node.waitFor(30, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static int adminGet(int port, String path) throws Exception {
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  @Test
  void itStartsTheJarWithTheGivenOptionsOrTheImagesConfiguration() throws Exception {
    Map<String, String> env = Map.of("NODE_JAR", NodeProcess.jar().toString(), "POD_IP", "127.0.0.1");

    Run test = run(env, "-t", "-c", "docker/dynomite.yml");
    assertThat(test.exitCode()).as(test.stderr()).isZero();
    assertThat(test.stdout()).contains("syntax is ok");

    // Without options the node reads the image's /etc/dynomite/dynomite.yml (absent here).
    Run defaults = run(env);
    assertThat(defaults.exitCode()).isEqualTo(1);
    assertThat(defaults.stdout() + defaults.stderr()).contains("/etc/dynomite/dynomite.yml");
  }
}
