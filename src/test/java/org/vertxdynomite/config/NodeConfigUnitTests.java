package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeConfigUnitTests {

  /** A configuration in which every field differs from its default. */
  static NodeConfig everyFieldChanged() {
    return NodeConfig.builder()
        .poolName("my_pool")
        .listen(HostPort.parse("127.0.0.1:9102"))
        .dynListen(HostPort.parse("127.0.0.1:9101"))
        .statsListen(HostPort.parse("127.0.0.1:9222"))
        .servers(List.of(ServerSpec.parse("127.0.0.1:6380:1")))
        .dataStore(DataStoreKind.REDIS)
        .datacenter("dc9")
        .rack("rack9")
        .tokens(List.of(7L, 4294967295L))
        .dynSeeds(List.of(SeedSpec.parse("127.0.0.2:9101:rack8:dc9:5")))
        .seedProvider(SeedProvider.KUBERNETES)
        .kubernetesServiceDns("dynomite-peers.cache.svc.cluster.local")
        .hash(HashAlgorithm.CRC32A)
        .hashTag("{}")
        .timeoutMs(1500)
        .readConsistency(Consistency.DC_QUORUM)
        .writeConsistency(Consistency.DC_EACH_SAFE_QUORUM)
        .secureServerOption(SecureServerOption.ALL)
        .backlog(1024)
        .clientConnections(100)
        .preconnect(false)
        .autoEjectHosts(false)
        .serverRetryTimeoutMs(20_000)
        .serverFailureLimit(5)
        .datastoreConnections(4)
        .dynReadTimeoutMs(300)
        .dynWriteTimeoutMs(400)
        .statsIntervalMs(15_000)
        .readRepairsEnabled(true)
        .requirepass("client-secret")
        .redisRequirepass("redis-secret")
        .embeddedMaxmemory(1L << 30)
        .protoMaxBulkLen(1L << 20)
        .dataDir(Path.of("/tmp/vd-data"))
        .serverInstances(NodeConfig.DEFAULT_SERVER_INSTANCES + 1)
        .clusterName("other-cluster")
        .eventbusPort(9103)
        .failureDetectionMs(5000)
        .lwwFenceSlots(4096)
        .hintsMaxBytes(1L << 20)
        .hintWindowMs(60_000)
        .hintsFsyncMs(50)
        .hintsReplayRate(100)
        .antiEntropyIntervalMs(2000)
        .antiEntropyKeysPerSecond(77)
        .warmup(org.vertxdynomite.config.WarmupMode.OFF)
        .warmupBatchSize(77)
        .warmupKeysPerSecond(1234)
        .ignoredKeys(List.of("env"))
        .build();
  }

  @Test
  void defaultsAreTheDocumentedConstants() {
    NodeConfig c = NodeConfig.builder().build();
    assertThat(c.poolName()).isEqualTo("dyn_o_mite");
    assertThat(c.listen()).hasToString("127.0.0.1:8102");
    assertThat(c.dynListen()).hasToString("127.0.0.1:8101");
    assertThat(c.statsListen()).hasToString("127.0.0.1:22222");
    assertThat(c.datacenter()).isEqualTo("localdc");
    assertThat(c.rack()).isEqualTo("localrack");
    assertThat(c.tokens()).containsExactly(0L);
    assertThat(c.hash()).isEqualTo(HashAlgorithm.MURMUR);
    assertThat(c.hashTag()).isEmpty();
    assertThat(c.timeoutMs()).isEqualTo(5000);
    assertThat(c.readConsistency()).isEqualTo(Consistency.DC_ONE);
    assertThat(c.writeConsistency()).isEqualTo(Consistency.DC_ONE);
    assertThat(c.secureServerOption()).isEqualTo(SecureServerOption.NONE);
    assertThat(c.backlog()).isEqualTo(512);
    assertThat(c.clientConnections()).isZero();
    assertThat(c.preconnect()).isTrue();
    assertThat(c.autoEjectHosts()).isTrue();
    assertThat(c.serverRetryTimeoutMs()).isEqualTo(10_000);
    assertThat(c.serverFailureLimit()).isEqualTo(3);
    assertThat(c.datastoreConnections()).isEqualTo(1);
    assertThat(c.dynReadTimeoutMs()).isEqualTo(10_000);
    assertThat(c.dynWriteTimeoutMs()).isEqualTo(10_000);
    assertThat(c.statsIntervalMs()).isEqualTo(30_000);
    assertThat(c.readRepairsEnabled()).isFalse();
    assertThat(c.requirepass()).isEmpty();
    assertThat(c.redisRequirepass()).isEmpty();
    assertThat(c.embeddedMaxmemory()).isZero();
    assertThat(c.protoMaxBulkLen()).isEqualTo(512L * 1024 * 1024);
    assertThat(c.dataDir()).isEqualTo(Path.of("data"));
    assertThat(c.serverInstances()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(c.clusterName()).isEqualTo("dynomite");
    assertThat(c.seedProvider()).isEqualTo(SeedProvider.SIMPLE);
    assertThat(c.kubernetesServiceDns()).isEmpty();
    assertThat(c.eventbusPort()).isZero();
    assertThat(c.hintsMaxBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(c.hintWindowMs()).isEqualTo(3 * 60 * 60 * 1000);
    assertThat(c.hintsFsyncMs()).isEqualTo(1000);
    assertThat(c.hintsReplayRate()).isEqualTo(5000);
    assertThat(c.antiEntropyIntervalMs()).isEqualTo(600_000);
    assertThat(c.antiEntropyKeysPerSecond()).isEqualTo(5000);
    assertThat(c.servers()).isEmpty();
    assertThat(c.dynSeeds()).isEmpty();
    assertThat(c.ignoredKeys()).isEmpty();
  }

  @Test
  void dataStoreIsEmbeddedWithoutServersAndRedisWithOne() {
    assertThat(NodeConfig.builder().build().dataStore()).isEqualTo(DataStoreKind.EMBEDDED);
    NodeConfig redis = NodeConfig.builder().servers(List.of(ServerSpec.parse("127.0.0.1:6379:1"))).build();
    assertThat(redis.dataStore()).isEqualTo(DataStoreKind.REDIS);
  }

  @Test
  void everyFieldFixtureReallyChangesEveryField() throws Exception {
    NodeConfig defaults = NodeConfig.builder().build();
    NodeConfig changed = everyFieldChanged();
    for (Field f : instanceFields()) {
      assertThat(f.get(changed)).as(f.getName()).isNotEqualTo(f.get(defaults));
    }
  }

  @Test
  void mutateCarriesEveryField() throws Exception {
    NodeConfig original = everyFieldChanged();
    NodeConfig copy = original.mutate().build();
    for (Field f : instanceFields()) {
      assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
    }
    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
  }

  @Test
  void equalityLooksAtEveryField() throws Exception {
    Method values = NodeConfig.class.getDeclaredMethod("values");
    values.setAccessible(true);
    Object[] compared = (Object[]) values.invoke(everyFieldChanged());
    assertThat(compared).hasSize(instanceFields().size());
  }

  @Test
  void mutateLeavesTheOriginalUnchanged() {
    NodeConfig original = NodeConfig.builder().build();
    NodeConfig changed = original.mutate().timeoutMs(42).build();
    assertThat(original.timeoutMs()).isEqualTo(5000);
    assertThat(changed.timeoutMs()).isEqualTo(42);
    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void listsAreImmutable() {
    NodeConfig c = everyFieldChanged();
    assertThatThrownBy(() -> c.tokens().add(1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.servers().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.dynSeeds().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.ignoredKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settersRejectOutOfRangeValuesSayingTheRange() {
    NodeConfigBuilder b = NodeConfig.builder();
    assertThatThrownBy(() -> b.timeoutMs(0)).hasMessage("must be 1..2147483647");
    assertThatThrownBy(() -> b.datastoreConnections(256)).hasMessage("must be 1..255");
    assertThatThrownBy(() -> b.clientConnections(-1)).hasMessage("must be 0..2147483647");
    assertThatThrownBy(() -> b.hashTag("{")).hasMessage("must be exactly two characters, e.g. {}");
    assertThatThrownBy(() -> b.tokens(List.of())).hasMessage("no token given");
    assertThatThrownBy(() -> b.tokens(List.of(-1L))).hasMessageContaining("0..4294967295");
    assertThatThrownBy(() -> b.protoMaxBulkLen(1024)).hasMessage("must be 1048576 (1mb)..2147483647");
    assertThatThrownBy(() -> b.embeddedMaxmemory(-1)).hasMessage("must not be negative");
    assertThatThrownBy(() -> b.rack("rack 1")).hasMessage("rack must not contain blanks, ':' or ','");
    assertThatThrownBy(() -> b.requirepass("")).hasMessage("the password is empty");
    assertThatThrownBy(() -> b.serverInstances(0)).hasMessage("must be 1..2147483647");
    assertThatThrownBy(() -> b.eventbusPort(65536)).hasMessage("must be 0..65535");
    assertThatThrownBy(() -> b.kubernetesServiceDns("peers..svc")).hasMessageStartingWith("'' is not a DNS label");
  }

  @Test
  void aNodeIsClusteredWithSeedsOrWithKubernetesDiscoveryAndAloneOtherwise() {
    NodeConfig alone = NodeConfig.builder().build();
    NodeConfig seeded = alone.mutate().dynSeeds(List.of(SeedSpec.parse("127.0.0.2:8101:r:d:0"))).build();
    NodeConfig k8s = alone.mutate().seedProvider(SeedProvider.KUBERNETES).kubernetesServiceDns("peers").build();

    assertThat(alone.clustered()).isFalse();
    assertThat(seeded.clustered()).isTrue();
    assertThat(k8s.clustered()).as("no seeds, peers from the Service").isTrue();
  }

  @Test
  void kubernetesProviderNeedsItsServiceNameAndTheNameNeedsTheProvider() {
    assertThatThrownBy(() -> NodeConfig.builder().seedProvider(SeedProvider.KUBERNETES).build())
        .hasMessage("dyn_o_mite.kubernetes_service_dns: dyn_seed_provider kubernetes_provider needs the DNS name "
            + "of the peers' headless Service here");
    assertThatThrownBy(() -> NodeConfig.builder().kubernetesServiceDns("dynomite-peers").build())
        .hasMessage("dyn_o_mite.kubernetes_service_dns: 'dynomite-peers' is only used with "
            + "dyn_seed_provider: kubernetes_provider (the provider is simple_provider)");
  }

  @Test
  void serviceDnsNamesFollowDnsRules() {
    NodeConfigBuilder b = NodeConfig.builder().seedProvider(SeedProvider.KUBERNETES);
    assertThat(b.kubernetesServiceDns("dynomite-peers.default.svc.cluster.local.").build().kubernetesServiceDns())
        .contains("dynomite-peers.default.svc.cluster.local.");
    assertThatThrownBy(() -> b.kubernetesServiceDns("-peers")).hasMessageStartingWith("'-peers' is not a DNS label");
    assertThatThrownBy(() -> b.kubernetesServiceDns("peers_1")).hasMessageStartingWith("'peers_1' is not a DNS label");
    assertThatThrownBy(() -> b.kubernetesServiceDns("a".repeat(64))).hasMessageContaining("at most 63 characters");
    assertThatThrownBy(() -> b.kubernetesServiceDns("a.".repeat(127) + "ab")).hasMessage("must be a DNS name of 1..253 characters");
    assertThatThrownBy(() -> b.kubernetesServiceDns(".")).hasMessage("must be a DNS name of 1..253 characters");
  }

  @Test
  void theEventBusPortMustBeFreeOnDynListensHost() {
    NodeConfigBuilder b = NodeConfig.builder()
        .poolName("p")
        .listen(HostPort.parse("0.0.0.0:8102"))
        .dynListen(HostPort.parse("10.0.0.5:8101"))
        .statsListen(HostPort.parse("10.0.0.5:22222"));
    assertThat(b.eventbusPort(8103).build().eventbusPort()).isEqualTo(8103);
    assertThatThrownBy(() -> b.eventbusPort(8102).build())
        .hasMessage("p.eventbus_port: '8102' (on dyn_listen's host 10.0.0.5) uses the same port as listen '0.0.0.0:8102'");
    assertThatThrownBy(() -> b.eventbusPort(8101).build())
        .hasMessage("p.eventbus_port: '8101' (on dyn_listen's host 10.0.0.5) uses the same port as dyn_listen '10.0.0.5:8101'");
    assertThatThrownBy(() -> b.eventbusPort(22222).build())
        .hasMessage("p.eventbus_port: '22222' (on dyn_listen's host 10.0.0.5) uses the same port as stats_listen '10.0.0.5:22222'");
    assertThat(b.eventbusPort(22222).statsListen(HostPort.parse("127.0.0.1:22222")).build().eventbusPort())
        .as("another host's port is no conflict").isEqualTo(22222);
  }

  @Test
  void redisDataStoreNeedsExactlyOneServer() {
    assertThatThrownBy(() -> NodeConfig.builder().dataStore(DataStoreKind.REDIS).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("dyn_o_mite.servers: data_store redis needs exactly one server (as in Dynomite), found 0");
    List<ServerSpec> two = List.of(ServerSpec.parse("127.0.0.1:6379:1"), ServerSpec.parse("127.0.0.1:6380:1"));
    assertThatThrownBy(() -> NodeConfig.builder().servers(two).build())
        .hasMessage("dyn_o_mite.servers: data_store redis needs exactly one server (as in Dynomite), found 2");
  }

  @Test
  void embeddedDataStoreRejectsServers() {
    NodeConfigBuilder b = NodeConfig.builder()
        .dataStore(DataStoreKind.EMBEDDED)
        .servers(List.of(ServerSpec.parse("127.0.0.1:6379:1")));
    assertThatThrownBy(b::build)
        .hasMessage("dyn_o_mite.servers: data_store is embedded, so servers must be absent (found 1)");
  }

  @Test
  void listenersMustNotShareAPort() {
    NodeConfigBuilder b = NodeConfig.builder()
        .poolName("p")
        .dynListen(HostPort.parse("0.0.0.0:8102"))
        .statsListen(HostPort.parse("127.0.0.1:8102"));
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "p.dyn_listen: '0.0.0.0:8102' uses the same port as listen '127.0.0.1:8102'",
            "p.stats_listen: '127.0.0.1:8102' uses the same port as listen '127.0.0.1:8102'",
            "p.stats_listen: '127.0.0.1:8102' uses the same port as dyn_listen '0.0.0.0:8102'"));
  }

  @Test
  void datastorePasswordPrefersRedisRequirepass() {
    assertThat(NodeConfig.builder().requirepass("a").build().datastorePassword()).contains("a");
    assertThat(NodeConfig.builder().requirepass("a").redisRequirepass("b").build().datastorePassword()).contains("b");
    assertThat(NodeConfig.builder().build().datastorePassword()).isEmpty();
  }

  @Test
  void describeWritesDynomiteYamlThatReadsBackToTheSameConfig() {
    NodeConfig original = everyFieldChanged().mutate().requirepass(null).redisRequirepass(null).build();
    NodeConfig reread = Yml.config(original.describe());
    assertThat(reread).isEqualTo(original.mutate().ignoredKeys(List.of("secure_server_option")).build());
  }

  @Test
  void describeMasksPasswords() {
    String yaml = everyFieldChanged().describe();
    assertThat(yaml).contains("requirepass: '********'").doesNotContain("secret");
  }

  @Test
  void describeWritesListsInBlockStyle() {
    assertThat(everyFieldChanged().describe())
        .startsWith("my_pool:\n  listen: '127.0.0.1:9102'\n")
        .contains("  servers:\n  - '127.0.0.1:6380:1'\n")
        .contains("  tokens: '7,4294967295'\n")
        .contains("  timeout: 1500\n");
  }

  @Test
  void toStringSummarisesWithoutSecrets() {
    assertThat(everyFieldChanged().toString()).contains("my_pool", "dc9", "rack9").doesNotContain("secret");
  }

  @Test
  void configExceptionJoinsProblemsOneALine() {
    ConfigException e = new ConfigException(List.of("a: x", "b: y"));
    assertThat(e).hasMessage("a: x\nb: y");
    assertThat(e.problems()).containsExactly("a: x", "b: y");
    assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Field> instanceFields() {
    List<Field> fields = Arrays.stream(NodeConfig.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()))
        .toList();
    fields.forEach(f -> f.setAccessible(true));
    return fields;
  }
}
