package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;
import org.vertxdynomite.testutil.AdminHttp;
import org.vertxdynomite.testutil.ListeningSockets;
import org.vertxdynomite.testutil.LocalCluster;
import org.vertxdynomite.testutil.LocalCluster.Member;
import org.vertxdynomite.testutil.PrometheusText;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Netflix's own Dyno client (dyno-jedis 1.9.1), token-aware, fed by our {@code
 * /REST/v1/admin/cluster_describe}, against 1 DC × 2 racks × 2 nodes. Dyno tells nodes apart by host
 * name, so in each rack one node listens as {@code 127.0.0.1} and the other as {@code localhost}
 * (both bound to 127.0.0.1). Dyno needs Jedis 3 and the tests use Jedis 5, so it runs in a JVM of
 * its own ({@link DynoScenario}) whose class path puts Jedis 3 first.
 */
class DynoClientIntegrationTests {

  static final long HALF = 2147483648L;
  // Dyno finds a rack's datacenter by looking for the datacenter's name in the rack's (AWS style:
  // zone us-east-1a in region us-east-1), so the names here follow that convention.
  static final String DC = "us-east-1";
  static final String RACK_A = "us-east-1a";
  static final String RACK_B = "us-east-1b";
  static final int KEYS = 200;

  static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalCluster.start(List.of(
        new Member(DC, RACK_A, 0, "127.0.0.1"), new Member(DC, RACK_A, HALF, "localhost"),
        new Member(DC, RACK_B, 0, "127.0.0.1"), new Member(DC, RACK_B, HALF, "localhost")),
        Consistency.DC_ONE, Consistency.DC_QUORUM);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theDynoClientRoutesEachKeyToItsOwnerFromOurTokenMapAndReadsItsWritesBack() throws Exception {
    for (int i = 0; i < cluster.size(); i++) {
      int port = cluster.port(i);
      assertThat(ListeningSockets.ofThisProcess().stream().filter(a -> a.getPort() == port)
          .map(InetSocketAddress::getHostString)).as("node %d binds 127.0.0.1", i).containsExactly("127.0.0.1");
    }
    String out = runDyno();
    assertThat(out).contains("DONE " + KEYS).doesNotContain("MISMATCH");

    Map<Long, Integer> owned = keysByOwnerToken();
    assertThat(owned.get(0L)).as("an uneven split tells token-aware routing from round robin")
        .isNotEqualTo(KEYS / 2).isPositive().isLessThan(KEYS);
    for (int i = 0; i < cluster.size(); i++) {
      Member m = cluster.member(i);
      PrometheusText metrics = PrometheusText.parse(new AdminHttp(cluster.node(i).adminPort()).get("/metrics").body());
      int expected = m.rack().equals(RACK_A) ? owned.get(m.token()) : 0;
      assertThat(metrics.sum("dynomite_client_requests_seconds_count", "command", "set"))
          .as("SETs Dyno sent to %s/%s token %d", m.rack(), m.clientHost(), m.token()).isEqualTo(expected);
      assertThat(metrics.sum("dynomite_client_requests_seconds_count", "command", "get"))
          .as("GETs Dyno sent to %s/%s", m.rack(), m.clientHost()).isEqualTo(expected);
    }
    for (int i = 0; i < cluster.size(); i++) {
      try (RawRespClient r = cluster.redis(i)) {
        int keys = owned.get(cluster.member(i).token());
        assertThat(r.callString("DBSIZE")).as("keys in the redis of node %d", i).isEqualTo(":" + keys + "\r\n");
      }
    }
  }

  /** How many of the scenario's keys each token's node owns, by our own ring and hash. */
  private static Map<Long, Integer> keysByOwnerToken() {
    TokenRing<Long> ring = TokenRing.<Long>builder().add(0L, Token.of(0)).add(HALF, Token.of(HALF)).build();
    Map<Long, Integer> owned = new HashMap<>(Map.of(0L, 0, HALF, 0));
    for (int i = 0; i < KEYS; i++) {
      long hash = Partitioner.DEFAULT.token(("dyno:" + i).getBytes(StandardCharsets.UTF_8));
      owned.merge(ring.owner(hash), 1, Integer::sum);
    }
    return owned;
  }

  /** Runs {@link DynoScenario} in a JVM of its own and returns its output; fails if it fails. */
  private static String runDyno() throws Exception {
    String jedis3 = System.getProperty("dyno.jedis.jar");
    assertThat(jedis3).as("the build copies Jedis 3 for Dyno (property dyno.jedis.jar, set by failsafe)").isNotNull();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jedis3 + File.pathSeparator + String.join(File.pathSeparator, classPathWithoutJedis()),
        "-DLOCAL_RACK=" + RACK_A, "-DLOCAL_DATACENTER=" + DC, DynoScenario.class.getName(),
        Integer.toString(cluster.node(0).adminPort()), RACK_A, DC, Integer.toString(KEYS)));
    for (int i = 0; i < cluster.size(); i++) {
      Member m = cluster.member(i);
      cmd.add(m.clientHost() + ":" + cluster.port(i) + ":" + m.rack() + ":" + m.dc());
    }
    Path log = Files.createTempFile("dyno-scenario-", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      boolean exited = p.waitFor(120, TimeUnit.SECONDS);
      String out = Files.readString(log);
      assertThat(exited).as("Dyno scenario finished; output:%n%s", out).isTrue();
      assertThat(p.exitValue()).as("Dyno scenario's exit code; output:%n%s", out).isZero();
      return out;
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    }
  }

  /**
   * This JVM's class path (expanded from a surefire/failsafe booter jar's manifest when there is
   * one) without the tests' Jedis 5.
   */
  private static List<String> classPathWithoutJedis() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (new File(e).getName().startsWith("surefirebooter")) {
        try (JarFile jar = new JarFile(e)) {
          for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
            entries.add(new File(java.net.URI.create(url)).getPath());
          }
        }
      } else {
        entries.add(e);
      }
    }
    return entries.stream().filter(e -> !new File(e).getName().matches("jedis-[0-9].*\\.jar")).toList();
  }
}
