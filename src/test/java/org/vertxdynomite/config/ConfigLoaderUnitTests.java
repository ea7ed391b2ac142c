package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads real files through vertx-config's file store and YAML processor. */
class ConfigLoaderUnitTests {

  private static Vertx vertx;

  @TempDir Path dir;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static Path example(String name) throws URISyntaxException {
    return Path.of(ConfigLoaderUnitTests.class.getResource("/config/" + name).toURI());
  }

  private static NodeConfig load(Path file, Map<String, String> env) throws Exception {
    try {
      return ConfigLoader.load(vertx, file, env).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void loadsARealYmlFileThroughConfigRetriever() throws Exception {
    NodeConfig c = load(example("redis_dc1.yml"), Map.of());
    assertThat(c.poolName()).isEqualTo("dyn_o_mite");
    assertThat(c.datacenter()).isEqualTo("dc1");
    assertThat(c.rack()).isEqualTo("rack1");
    assertThat(c.listen()).hasToString("127.0.0.1:8102");
    assertThat(c.dynListen()).hasToString("127.0.0.1:8101");
    assertThat(c.dynSeeds()).containsExactly(SeedSpec.parse("127.0.0.2:8101:rack2:dc2:1383429731"));
    assertThat(c.servers()).containsExactly(ServerSpec.parse("127.0.0.1:22122:1"));
    assertThat(c.tokens()).containsExactly(12345678L);
    assertThat(c.dataStore()).isEqualTo(DataStoreKind.REDIS);
    assertThat(c.secureServerOption()).isEqualTo(SecureServerOption.DATACENTER);
    assertThat(c.ignoredKeys()).containsExactly("secure_server_option", "pem_key_file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis_single.yml", "redis_single_with_password.yml", "dynomite.yml", "redis_dc1.yml",
      "redis_dc2.yml", "redis_rack1_node.yml", "embedded_single.yml", "all_keys.yml"})
  void dynomiteShapedExampleFilesLoad(String name) throws Exception {
    NodeConfig c = load(example(name), Map.of());
    assertThat(c.tokens()).isNotEmpty();
    assertThat(Yml.config(c.describe().replace("'********'", "'x'")).listen()).isEqualTo(c.listen());
  }

  @Test
  void legacyRedisSwitchFileIsARedisNodeWithAnUnquotedToken() throws Exception {
    NodeConfig c = load(example("redis_single.yml"), Map.of());
    assertThat(c.dataStore()).isEqualTo(DataStoreKind.REDIS);
    assertThat(c.tokens()).containsExactly(437425602L);
    assertThat(c.ignoredKeys()).containsExactly("redis");
  }

  @Test
  void passwordFileBindsWildcardListenersAndCarriesThePassword() throws Exception {
    NodeConfig c = load(example("redis_single_with_password.yml"), Map.of());
    assertThat(c.listen().isWildcard()).isTrue();
    assertThat(c.statsListen()).hasToString("0.0.0.0:22222");
    assertThat(c.requirepass()).contains("helloworld");
    assertThat(c.datastorePassword()).contains("helloworld");
  }

  @Test
  void classicDynomiteFileKeepsItsTimeoutsAndTwoTokens() throws Exception {
    NodeConfig c = load(example("dynomite.yml"), Map.of());
    assertThat(c.tokens()).containsExactly(1L, 1001L);
    assertThat(c.dynSeeds().get(0).tokens()).containsExactly(5L, 5005L);
    assertThat(c.timeoutMs()).isEqualTo(10_000);
    assertThat(c.dynReadTimeoutMs()).isEqualTo(200_000);
    assertThat(c.serverRetryTimeoutMs()).isEqualTo(200_000);
    assertThat(c.autoEjectHosts()).isFalse();
    assertThat(c.ignoredKeys()).containsExactly("distribution", "gos_interval");
  }

  @Test
  void embeddedFileUsesOurExtensions() throws Exception {
    NodeConfig c = load(example("embedded_single.yml"), Map.of());
    assertThat(c.dataStore()).isEqualTo(DataStoreKind.EMBEDDED);
    assertThat(c.embeddedMaxmemory()).isEqualTo(100L * 1024 * 1024);
    assertThat(c.protoMaxBulkLen()).isEqualTo(64L * 1024 * 1024);
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/vertx-dynomite"));
    assertThat(c.serverInstances()).isEqualTo(2);
  }

  @Test
  void environmentOverridesTheFile() throws Exception {
    NodeConfig c = load(example("redis_dc1.yml"), Map.of("DYNOMITE_LISTEN", "127.0.0.1:9000"));
    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 9000));
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yml");
    assertThatThrownBy(() -> load(missing, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": configuration file not found");
  }

  @Test
  void directoryIsRejected() {
    assertThatThrownBy(() -> load(dir, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir + ": is a directory, not a configuration file");
  }

  @Test
  void brokenYamlNamesTheFileAndTheSpot() throws Exception {
    Path file = write("broken.yml", "dyn_o_mite:\n  listen: [127.0.0.1:8102\n");
    assertThatThrownBy(() -> load(file, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.getMessage()).startsWith(file + ": cannot be read as YAML: ").contains("line 3").doesNotContain("\n");
        });
  }

  @Test
  void topLevelListIsRejected() throws Exception {
    Path file = write("list.yml", "- listen: 127.0.0.1:8102\n");
    assertThatThrownBy(() -> load(file, Map.of()))
        .hasMessage(file + ": the top level must be a mapping with one root key, e.g. dyn_o_mite:");
  }

  @Test
  void emptyFileHasNoRootKey() throws Exception {
    Path file = write("empty.yml", "");
    assertThatThrownBy(() -> load(file, Map.of()))
        .hasMessage("the configuration is empty: expected one root key, e.g. dyn_o_mite:");
  }

  @Test
  void badValuesInAFileAreAllReported() throws Exception {
    Path file = write("bad.yml", "dyn_o_mite:\n  listen: 127.0.0.1:70000\n  hash: sha1\n  foo: 1\n");
    assertThatThrownBy(() -> load(file, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
  }

  @Test
  void floridaProviderFileIsRejected() throws Exception {
    Path file = write("florida.yml", "dyn_o_mite:\n  dyn_seed_provider: florida_provider\n  tokens: '0'\n");
    assertThatThrownBy(() -> load(file, Map.of())).hasMessageContaining("florida_provider is not supported");
  }

  @Test
  void blockingLoadReturnsTheConfig() throws Exception {
    assertThat(ConfigLoader.loadBlocking(example("redis_dc2.yml"), Map.of()).datacenter()).isEqualTo("dc2");
  }

  @Test
  void blockingLoadThrowsTheConfigException() throws Exception {
    Path file = write("bad.yml", "dyn_o_mite:\n  tokens: x\n");
    assertThatThrownBy(() -> ConfigLoader.loadBlocking(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("dyn_o_mite.tokens: 'x' is not a valid token list (token 'x' must be an integer in 0..4294967295)");
    assertThatThrownBy(() -> ConfigLoader.loadBlocking(dir.resolve("none.yml"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("none.yml: configuration file not found");
  }
}
