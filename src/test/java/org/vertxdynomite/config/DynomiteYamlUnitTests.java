package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynomiteYamlUnitTests {

  static String resource(String name) throws IOException {
    try (InputStream in = DynomiteYamlUnitTests.class.getResourceAsStream("/config/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static NodeConfig pool(String body) {
    return Yml.config("dyn_o_mite:\n" + body);
  }

  private static List<String> problems(ThrowingCallable call) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0].problems();
  }

  private static String problem(String body) {
    List<String> all = problems(() -> pool(body));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void allKeysFileNamesEveryAcceptedKey() throws IOException {
    JsonObject keys = Yml.document(resource("all_keys.yml")).getJsonObject("my_pool");
    assertThat(keys.fieldNames())
        .containsExactlyInAnyOrder(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toArray(String[]::new));
  }

  @Test
  void everyKeyIsAcceptedAndTyped() throws IOException {
    NodeConfig c = Yml.config(resource("all_keys.yml"));
    assertThat(c.poolName()).isEqualTo("my_pool");
    assertThat(c.listen()).hasToString("127.0.0.1:9102");
    assertThat(c.dynListen()).hasToString("127.0.0.1:9101");
    assertThat(c.statsListen()).hasToString("127.0.0.1:9222");
    assertThat(c.servers()).containsExactly(new ServerSpec("127.0.0.1", 6380, 1));
    assertThat(c.dataStore()).isEqualTo(DataStoreKind.REDIS);
    assertThat(c.datacenter()).isEqualTo("us-east-1");
    assertThat(c.rack()).isEqualTo("us-east-1a");
    assertThat(c.tokens()).containsExactly(101L, 2147483648L);
    assertThat(c.dynSeeds()).containsExactly(
        new SeedSpec("127.0.0.2", 9101, "us-east-1b", "us-east-1", List.of(4294967295L)),
        new SeedSpec("127.0.0.3", 9101, "us-east-1c", "us-east-1", List.of(7L, 8L)));
    assertThat(c.hash()).isEqualTo(HashAlgorithm.FNV1A_64);
    assertThat(c.hashTag()).contains("{}");
    assertThat(c.timeoutMs()).isEqualTo(1500);
    assertThat(c.readConsistency()).isEqualTo(Consistency.DC_QUORUM);
    assertThat(c.writeConsistency()).isEqualTo(Consistency.DC_SAFE_QUORUM);
    assertThat(c.secureServerOption()).isEqualTo(SecureServerOption.NONE);
    assertThat(c.backlog()).isEqualTo(1024);
    assertThat(c.clientConnections()).isEqualTo(1000);
    assertThat(c.preconnect()).isFalse();
    assertThat(c.autoEjectHosts()).isFalse();
    assertThat(c.serverRetryTimeoutMs()).isEqualTo(20_000);
    assertThat(c.serverFailureLimit()).isEqualTo(5);
    assertThat(c.datastoreConnections()).isEqualTo(4);
    assertThat(c.dynReadTimeoutMs()).isEqualTo(300);
    assertThat(c.dynWriteTimeoutMs()).isEqualTo(400);
    assertThat(c.statsIntervalMs()).isEqualTo(15_000);
    assertThat(c.readRepairsEnabled()).isTrue();
    assertThat(c.requirepass()).contains("client-secret");
    assertThat(c.redisRequirepass()).contains("redis-secret");
    assertThat(c.embeddedMaxmemory()).isEqualTo(1L << 30);
    assertThat(c.protoMaxBulkLen()).isEqualTo(1L << 20);
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/vd-data"));
    assertThat(c.serverInstances()).isEqualTo(3);
    assertThat(c.clusterName()).isEqualTo("all-keys-cluster");
    assertThat(c.seedProvider()).isEqualTo(SeedProvider.KUBERNETES);
    assertThat(c.kubernetesServiceDns()).contains("dynomite-peers.cache.svc.cluster.local");
    assertThat(c.eventbusPort()).isEqualTo(9103);
    assertThat(c.hintsMaxBytes()).isEqualTo(1L << 20);
    assertThat(c.hintWindowMs()).isEqualTo(60_000);
    assertThat(c.hintsFsyncMs()).isEqualTo(50);
    assertThat(c.hintsReplayRate()).isEqualTo(100);
    assertThat(c.antiEntropyIntervalMs()).isEqualTo(2000);
    assertThat(c.antiEntropyKeysPerSecond()).isEqualTo(300);
    assertThat(c.warmup()).as("an unquoted off, which YAML reads as false").isEqualTo(WarmupMode.OFF);
    assertThat(c.warmupBatchSize()).isEqualTo(250);
    assertThat(c.warmupKeysPerSecond()).isEqualTo(1000);
  }

  @Test
  void kubernetesDiscoveryIsSetFromTheEnvironmentAsInAPod() {
    NodeConfig c = ConfigLoader.fromYamlRoot(Yml.document("dyn_o_mite:\n  listen: 0.0.0.0:8102\n"), Map.of(
        "DYNOMITE_DYN_SEED_PROVIDER", "kubernetes_provider",
        "DYNOMITE_KUBERNETES_SERVICE_DNS", "dynomite-peers",
        "DYNOMITE_DYN_LISTEN", "10.1.2.3:8101",
        "DYNOMITE_EVENTBUS_PORT", "8103"));
    assertThat(c.clustered()).isTrue();
    assertThat(c.kubernetesServiceDns()).contains("dynomite-peers");
    assertThat(c.dynListen()).hasToString("10.1.2.3:8101");
    assertThat(c.eventbusPort()).isEqualTo(8103);
  }

  @Test
  void ignoredKeysAreListedOnceInFileOrder() throws IOException {
    assertThat(Yml.config(resource("all_keys.yml")).ignoredKeys()).containsExactly(
        "distribution", "server_connections", "dyn_port", "dyn_connections", "local_peer_connections",
        "remote_peer_connections", "gos_interval", "enable_gossip", "mbuf_size", "max_msgs",
        "conn_msg_rate", "pem_key_file", "recon_key_file", "recon_iv_file", "env", "redis");
  }

  @Test
  void secureServerOptionOtherThanNoneIsReportedIgnored() {
    NodeConfig c = pool("  secure_server_option: datacenter\n");
    assertThat(c.secureServerOption()).isEqualTo(SecureServerOption.DATACENTER);
    assertThat(c.ignoredKeys()).containsExactly("secure_server_option");
  }

  @Test
  void anySingleRootNameIsAccepted() {
    assertThat(Yml.config("cache_tier:\n  rack: r1\n").poolName()).isEqualTo("cache_tier");
  }

  @Test
  void onlyRootKeyGivesAllDefaults() {
    assertThat(pool("  {}\n")).isEqualTo(NodeConfig.builder().build());
  }

  @Test
  void dataStoreDefaultsToRedisWhenAServerIsListed() {
    assertThat(pool("  servers:\n  - 127.0.0.1:6379:1\n").dataStore()).isEqualTo(DataStoreKind.REDIS);
    assertThat(pool("  rack: r\n").dataStore()).isEqualTo(DataStoreKind.EMBEDDED);
  }

  @Test
  void scalarsMayBeQuotedStringsAsDynomiteReadsThemAsText() {
    NodeConfig c = pool("  timeout: '900'\n  preconnect: 'false'\n  data_store: '0'\n"
        + "  servers: 127.0.0.1:6379:1\n  tokens: 4294967295\n");
    assertThat(c.timeoutMs()).isEqualTo(900);
    assertThat(c.preconnect()).isFalse();
    assertThat(c.servers()).hasSize(1);
    assertThat(c.tokens()).containsExactly(4294967295L);
  }

  @Test
  void dataStoreByName() {
    assertThat(pool("  data_store: redis\n  servers:\n  - 127.0.0.1:6379:1\n").dataStore()).isEqualTo(DataStoreKind.REDIS);
    assertThat(pool("  data_store: embedded\n").dataStore()).isEqualTo(DataStoreKind.EMBEDDED);
  }

  @Test
  void passwordsKeepTheirBlanks() {
    assertThat(pool("  requirepass: ' pass word '\n").requirepass()).contains(" pass word ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "listen: 127.0.0.1:70000     | dyn_o_mite.listen: '127.0.0.1:70000' is not a valid host:port (port must be 1..65535)",
    "dyn_listen: nonsense         | dyn_o_mite.dyn_listen: 'nonsense' is not a valid host:port (the :port is missing)",
    "stats_listen: 1.2.3:22222    | dyn_o_mite.stats_listen: '1.2.3:22222' is not a valid host:port ('1.2.3' is not a valid IPv4 address)",
    "tokens: abc                  | dyn_o_mite.tokens: 'abc' is not a valid token list (token 'abc' must be an integer in 0..4294967295)",
    "tokens: 4294967296           | dyn_o_mite.tokens: '4294967296' is not a valid token list (token '4294967296' must be an integer in 0..4294967295)",
    "tokens: -5                   | dyn_o_mite.tokens: '-5' is not a valid token list (token '-5' must be an integer in 0..4294967295)",
    "read_consistency: dc_two     | dyn_o_mite.read_consistency: 'dc_two' is not a valid consistency level (must be one of DC_ONE, DC_QUORUM, DC_SAFE_QUORUM, DC_EACH_SAFE_QUORUM)",
    "write_consistency: all       | dyn_o_mite.write_consistency: 'all' is not a valid consistency level (must be one of DC_ONE, DC_QUORUM, DC_SAFE_QUORUM, DC_EACH_SAFE_QUORUM)",
    "hash_tag: '{'                | dyn_o_mite.hash_tag: '{' is not a valid hash tag (must be exactly two characters, e.g. {})",
    "hash_tag: '{{}'              | dyn_o_mite.hash_tag: '{{}' is not a valid hash tag (must be exactly two characters, e.g. {})",
    "data_store: 1                | dyn_o_mite.data_store: '1' is not a valid data store (memcache is not supported: vertx-dynomite speaks only the Redis protocol)",
    "redis: false                 | dyn_o_mite.redis: 'false' is not a valid boolean (false selects memcache, which is not supported)",
    "timeout: 0                   | dyn_o_mite.timeout: '0' is not a valid timeout in ms (must be 1..2147483647)",
    "timeout: 1.5                 | dyn_o_mite.timeout: '1.5' is not a valid timeout in ms (must be a whole number)",
    "timeout: 99999999999         | dyn_o_mite.timeout: '99999999999' is not a valid timeout in ms (must be a whole number)",
    "preconnect: maybe            | dyn_o_mite.preconnect: 'maybe' is not a valid boolean (must be true or false)",
    "datastore_connections: 300   | dyn_o_mite.datastore_connections: '300' is not a valid connection count (must be 1..255)",
    "mbuf_size: -16               | dyn_o_mite.mbuf_size: '-16' is not a valid byte count (must not be negative)",
    "rack: 'rack 1'               | dyn_o_mite.rack: 'rack 1' is not a valid rack name (rack must not contain blanks, ':' or ',')",
    "embedded_maxmemory: 1tb      | dyn_o_mite.embedded_maxmemory: '1tb' is not a valid memory size (must be a byte count such as 0, 100mb or 2gb)",
    "proto_max_bulk_len: 1k       | dyn_o_mite.proto_max_bulk_len: '1k' is not a valid memory size (must be 1048576 (1mb)..2147483647)",
    "server_instances: 0          | dyn_o_mite.server_instances: '0' is not a valid instance count (must be 1..2147483647)",
    "dyn_seed_provider: florida_provider | dyn_o_mite.dyn_seed_provider: 'florida_provider' is not a valid seed provider (florida_provider is not supported: use simple_provider and list the peers in dyn_seeds)",
    "dyn_seed_provider: my_provider | dyn_o_mite.dyn_seed_provider: 'my_provider' is not a valid seed provider (must be one of simple_provider, kubernetes_provider)",
    "dyn_seed_provider: dns_provider | dyn_o_mite.dyn_seed_provider: 'dns_provider' is not a valid seed provider (dns_provider is not supported: use simple_provider and list the peers in dyn_seeds)",
    "eventbus_port: 70000         | dyn_o_mite.eventbus_port: '70000' is not a valid port (must be 0..65535)",
    "kubernetes_service_dns: 'a b' | dyn_o_mite.kubernetes_service_dns: 'a b' is not a valid DNS name ('a b' is not a DNS label (letters, digits and '-', not at either end, at most 63 characters))",
    "hints_max_bytes: 64kb        | dyn_o_mite.hints_max_bytes: '64kb' is not a valid memory size (must be at least 1048576 (1mb))",
    "hint_window_ms: 0            | dyn_o_mite.hint_window_ms: '0' is not a valid interval in ms (must be 1..2147483647)",
    "hints_replay_rate: -5        | dyn_o_mite.hints_replay_rate: '-5' is not a valid hints per second (must be 1..2147483647)",
    "anti_entropy_interval_ms: 50 | dyn_o_mite.anti_entropy_interval_ms: '50' is not a valid interval in ms (must be 0 (off) or 100..86400000)",
    "anti_entropy_keys_per_second: 0 | dyn_o_mite.anti_entropy_keys_per_second: '0' is not a valid key rate (must be 1..2147483647)",
    "foo: 1                       | dyn_o_mite.foo: unknown key",
    "Listen: 127.0.0.1:8102       | dyn_o_mite.Listen: unknown key",
  })
  void badValueNamesKeyValueAndExpectation(String line, String message) {
    assertThat(problem("  " + line + "\n")).isEqualTo(message);
  }

  @Test
  void badHashNameListsDynomitesNames() {
    assertThat(problem("  hash: sha1\n")).isEqualTo("dyn_o_mite.hash: 'sha1' is not a valid hash name (must be one of "
        + "one_at_a_time, md5, crc16, crc32, crc32a, fnv1_64, fnv1a_64, fnv1_32, fnv1a_32, hsieh, murmur, jenkins, murmur3)");
  }

  @Test
  void listWhereAScalarIsExpectedIsRejected() {
    assertThat(problem("  listen:\n  - 127.0.0.1:8102\n"))
        .isEqualTo("dyn_o_mite.listen: '[\"127.0.0.1:8102\"]' is not a valid host:port (expected a single value, got a list)");
  }

  @Test
  void mappingWhereAListIsExpectedIsRejected() {
    assertThat(problem("  servers:\n    a: 1\n"))
        .isEqualTo("dyn_o_mite.servers: '{\"a\":1}' is not a valid list of host:port:weight (expected a list, got a mapping)");
  }

  @Test
  void emptyValueIsRejected() {
    assertThat(problem("  listen:\n")).isEqualTo("dyn_o_mite.listen: no value given (expected a host:port)");
  }

  @Test
  void badListElementsAreNamedByIndex() {
    assertThat(problems(() -> pool("  dyn_seeds:\n  - 127.0.0.2:8101:r:d:1\n  - 127.0.0.3:8101:d:1\n  - x:0:r:d:1\n")))
        .containsExactly(
            "dyn_o_mite.dyn_seeds[1]: '127.0.0.3:8101:d:1' is not a valid host:port:rack:dc:tokens (expected host:port:rack:dc:tokens)",
            "dyn_o_mite.dyn_seeds[2]: 'x:0:r:d:1' is not a valid host:port:rack:dc:tokens (port must be 1..65535)");
  }

  @Test
  void twoServersBreakDynomitesOneServerRule() {
    assertThat(problem("  servers:\n  - 127.0.0.1:6379:1\n  - 127.0.0.1:6380:1\n"))
        .isEqualTo("dyn_o_mite.servers: data_store redis needs exactly one server (as in Dynomite), found 2");
  }

  @Test
  void redisDataStoreWithoutServersIsRejected() {
    assertThat(problem("  data_store: 0\n"))
        .isEqualTo("dyn_o_mite.servers: data_store redis needs exactly one server (as in Dynomite), found 0");
  }

  @Test
  void everyProblemIsReportedAtOnceInFileOrder() {
    assertThat(problems(() -> pool("  listen: 127.0.0.1:0\n  foo: 1\n  hash: nope\n  tokens: x\n  bar: 2\n")))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly("dyn_o_mite.listen", "dyn_o_mite.foo", "dyn_o_mite.hash", "dyn_o_mite.tokens", "dyn_o_mite.bar");
  }

  @Test
  void twoRootKeysAreRejected() {
    assertThat(problems(() -> Yml.config("a:\n  rack: r\nb:\n  rack: r\n")))
        .containsExactly("expected one root key, e.g. dyn_o_mite:, found 2: a, b");
  }

  @Test
  void noRootKeyIsRejected() {
    assertThat(problems(() -> ConfigLoader.fromYamlRoot(new JsonObject(), Map.of())))
        .containsExactly("the configuration is empty: expected one root key, e.g. dyn_o_mite:");
  }

  @Test
  void rootWithoutKeysIsRejected() {
    assertThat(problems(() -> Yml.config("dyn_o_mite: 5\n")))
        .containsExactly("dyn_o_mite: expected the node's keys under the root key, found '5'");
    assertThat(problems(() -> Yml.config("dyn_o_mite:\n")))
        .containsExactly("dyn_o_mite: expected the node's keys under the root key, found nothing");
  }
}
