package org.vertxdynomite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.admin.AdminPaths;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.deploy.DockerfileModel.Instruction;
import org.vertxdynomite.deploy.DockerfileModel.Stage;

/**
 * The Dockerfile, parsed: there is no container engine here to build it, so the things that
 * matter are checked against the repository (the image's configuration, the jar's name, CI).
 */
class DockerfileUnitTests {

  private static final Path IMAGE_CONFIG = Path.of("docker/dynomite.yml");
  private static final String CONFIG_IN_IMAGE = "/etc/dynomite/dynomite.yml";

  private final DockerfileModel dockerfile = DockerfileModel.read(Path.of("Dockerfile"));
  private final Stage runtime = dockerfile.runtime();

  DockerfileUnitTests() throws IOException {}

  private static NodeConfig imageConfig() {
    return ConfigLoader.loadBlocking(IMAGE_CONFIG, Map.of());
  }

  @Test
  void aMavenStageBuildsTheJarWithCisCommandAndAJre17StageRunsIt() throws IOException {
    assertThat(dockerfile.stages()).hasSize(2);
    Stage build = dockerfile.stages().get(0);
    assertThat(build.image()).startsWith("maven:").contains("temurin-17");
    assertThat(build.name()).contains("build");
    assertThat(build.all("RUN")).extracting(Instruction::args).anyMatch(r -> r.endsWith(" mvn -B package"));
    assertThat(Files.readString(Path.of(".ci/run"))).as("CI builds with the same command, up to verify")
        .contains("\nmvn -B verify\n");

    assertThat(runtime.image()).isEqualTo("eclipse-temurin:17-jre");
    String jar = "/src/target/vertx-dynomite.jar";
    assertThat(runtime.all("COPY")).extracting(Instruction::args)
        .contains("--from=build " + jar + " /opt/dynomite/vertx-dynomite.jar");
    assertThat(Files.readString(Path.of("pom.xml"))).as("the shaded jar's name")
        .contains("<outputFile>${project.build.directory}/vertx-dynomite.jar</outputFile>");
  }

  @Test
  void theNodeRunsAsAUserTheImageCreatesNotAsRoot() {
    String user = runtime.last("USER").orElseThrow().args().trim();
    String uid = user.split(":")[0];

    assertThat(uid).isNotIn("root", "0").matches("[0-9]+");
    assertThat(Integer.parseInt(uid)).isGreaterThanOrEqualTo(1000);
    assertThat(runtime.all("RUN")).extracting(Instruction::args)
        .anyMatch(r -> r.contains("useradd") && r.contains("--uid " + uid));
  }

  @Test
  void itExposesTheClientPeerEventBusAndAdminPortsOfItsConfiguration() {
    NodeConfig c = imageConfig();
    List<String> exposed = runtime.all("EXPOSE").stream().flatMap(i -> i.words().stream()).toList();

    assertThat(c.eventbusPort()).as("a fixed event-bus port, so that it can be exposed").isPositive();
    assertThat(exposed).containsExactlyInAnyOrder(
        String.valueOf(c.listen().port()), String.valueOf(c.dynListen().port()),
        String.valueOf(c.eventbusPort()), String.valueOf(c.statsListen().port()));
    assertThat(c.listen().isWildcard()).as("clients reach a published port").isTrue();
    assertThat(c.statsListen().isWildcard()).as("probes and Prometheus reach the admin port").isTrue();
  }

  @Test
  void theConfigurationIsAtEtcDynomiteAndTheEntrypointStartsTheNodeWithIt() {
    assertThat(runtime.all("COPY")).extracting(Instruction::args)
        .contains(IMAGE_CONFIG + " " + CONFIG_IN_IMAGE, "--chmod=0755 docker/entrypoint /opt/dynomite/bin/entrypoint");
    assertThat(runtime.last("ENTRYPOINT").orElseThrow().execForm()).containsExactly("/opt/dynomite/bin/entrypoint");
    assertThat(runtime.last("CMD").orElseThrow().execForm()).containsExactly("-c", CONFIG_IN_IMAGE);
    assertThat(Path.of("docker/entrypoint")).isExecutable();
  }

  @Test
  void theImageBuildsAClassDataArchiveNextToTheJarAfterCopyingItAndTheEntrypointHandsItToTheJvm() throws IOException {
    List<Instruction> steps = runtime.instructions();
    int jarCopied = indexOf(steps, "COPY", "/opt/dynomite/vertx-dynomite.jar");
    int libCopied = indexOf(steps, "COPY", "bin/lib/resp.sh bin/lib/cds.sh /opt/dynomite/lib/");
    int trained = indexOf(steps, "RUN", "cds_options java /opt/dynomite/vertx-dynomite.jar");

    assertThat(trained).as("the training runs on the runtime stage's JRE, after the jar and the scripts are in place")
        .isGreaterThan(jarCopied).isGreaterThan(libCopied);
    assertThat(steps.get(trained).args()).contains(". /opt/dynomite/lib/resp.sh", ". /opt/dynomite/lib/cds.sh");
    assertThat(Files.readString(Path.of("bin/lib/cds.sh"))).as("the archive goes next to the jar")
        .contains("archive=${2%.jar}.jsa");
    assertThat(Files.readString(Path.of("docker/entrypoint")))
        .contains("JAR=${NODE_JAR:-/opt/dynomite/vertx-dynomite.jar}", "archive=${JAR%.jar}.jsa",
            "-XX:SharedArchiveFile=$archive", "$(class_data) -jar \"$JAR\"");
  }

  private static int indexOf(List<Instruction> steps, String keyword, String argsPart) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).keyword().equals(keyword) && steps.get(i).args().contains(argsPart)) {
        return i;
      }
    }
    throw new AssertionError("no " + keyword + " containing '" + argsPart + "'");
  }

  @Test
  void theHealthcheckAsksTheAdminPortForPingOnTheConfiguredPort() throws IOException {
    Instruction health = runtime.last("HEALTHCHECK").orElseThrow();
    String cmd = health.args().substring(health.args().indexOf("CMD ") + 4);

    assertThat(health.args()).contains("--interval=", "--timeout=", "--start-period=");
    assertThat(new Instruction("CMD", cmd).execForm()).containsExactly("/opt/dynomite/bin/entrypoint", "probe", "/ping");
    assertThat(AdminPaths.literalRoute("/ping")).as("a route of the admin port").isTrue();
    // The probe's default port is the image configuration's admin port.
    assertThat(Files.readString(Path.of("docker/entrypoint")))
        .contains("port=${port:-" + imageConfig().statsListen().port() + "}");
  }

  @Test
  void environmentOverridesTurnTheImageConfigurationIntoAClusterNode() {
    NodeConfig c = ConfigLoader.loadBlocking(IMAGE_CONFIG, Map.of(
        "DYNOMITE_DYN_LISTEN", "10.0.0.5:8101",
        "DYNOMITE_DYN_SEEDS", "10.0.0.6:8101:rack2:dc1:0",
        "DYNOMITE_RACK", "rack1"));

    assertThat(c.clustered()).isTrue();
    assertThat(c.dynListen()).hasToString("10.0.0.5:8101");
  }

  @Test
  void theBuildContextLeavesOutBuildOutputButKeepsWhatTheUnitTestsRead() throws IOException {
    List<String> ignored;
    try (Stream<String> lines = Files.lines(Path.of(".dockerignore"))) {
      ignored = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
    assertThat(ignored).contains("target", ".git", ".local-cluster");
    assertThat(ignored).doesNotContainAnyElementsOf(List.of("conf", "docs", "docker", "k8s", "src", "pom.xml", ".ci",
        "Dockerfile", "bin"));
  }
}
