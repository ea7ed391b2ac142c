package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedProvider;
import org.vertxdynomite.config.SeedSpec;

class ClusterSetupUnitTests {

  private static final NodeConfig CONFIG = NodeConfig.builder()
      .listen(new HostPort("127.0.0.1", 9102))
      .dynListen(new HostPort("127.0.0.1", 9101))
      .statsListen(new HostPort("127.0.0.1", 9222))
      .datacenter("dc1")
      .rack("rack1")
      .tokens(List.of(0L))
      .dynSeeds(List.of(
          SeedSpec.parse("127.0.0.1:9201:rack2:dc1:0"),
          SeedSpec.parse("localhost:9301:rack3:dc1:0")))
      .build();

  private static final ClusterOptions OPTIONS = ClusterOptions.DEFAULTS
      .withClusterName("test-cluster").withWaitSecondsBeforeJoin(0).withJoinTimeoutSeconds(2);

  private static Config hazelcast(NodeConfig config) {
    return ClusterSetup.hazelcastConfig(config, OPTIONS);
  }

  @Test
  void hazelcastBindsExactlyTheDynListenAddressAndPort() {
    NetworkConfig net = hazelcast(CONFIG).getNetworkConfig();

    assertThat(net.getInterfaces().isEnabled()).isTrue();
    assertThat(net.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(net.getPort()).isEqualTo(9101);
    assertThat(net.isPortAutoIncrement()).isFalse();
    assertThat(net.getPortCount()).isEqualTo(1);
    assertThat(net.getPublicAddress()).isNull();
  }

  @Test
  void hazelcastNeverBindsTheWildcardAddress() {
    Config c = hazelcast(CONFIG);

    assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(c.getProperty("hazelcast.socket.server.bind.any")).isEqualTo("false");
    assertThat(c.getProperty("hazelcast.socket.client.bind.any")).isEqualTo("false");
    assertThat(c.getNetworkConfig().getRestApiConfig().isEnabled()).isFalse();
    assertThat(c.getNetworkConfig().getMemcacheProtocolConfig().isEnabled()).isFalse();
    assertThat(c.getAdvancedNetworkConfig().isEnabled()).isFalse();
  }

  @Test
  void aHostNameIsResolvedToTheAddressHazelcastMatchesInterfacesAgainst() {
    NodeConfig byName = CONFIG.mutate().dynListen(new HostPort("localhost", 9101)).build();

    assertThat(hazelcast(byName).getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
  }

  @Test
  void joiningIsByTcpIpToEverySeedWithItsPortAndNothingElse() {
    JoinConfig join = hazelcast(CONFIG).getNetworkConfig().getJoin();

    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:9201", "localhost:9301", "127.0.0.1:9101");
    assertThat(join.getTcpIpConfig().getConnectionTimeoutSeconds()).isEqualTo(2);
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getAwsConfig().isEnabled()).isFalse();
    assertThat(join.getGcpConfig().isEnabled()).isFalse();
    assertThat(join.getAzureConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(join.getEurekaConfig().isEnabled()).isFalse();
    assertThat(join.getDiscoveryConfig().isEnabled()).isFalse();
  }

  @Test
  void withTheKubernetesProviderJoiningIsByTheHeadlessServicesDnsNameOnDynListensPortOnly() {
    NodeConfig k8s = CONFIG.mutate()
        .dynListen(new HostPort("127.0.0.1", 8101))
        .seedProvider(SeedProvider.KUBERNETES)
        .kubernetesServiceDns("dynomite-peers.cache.svc.cluster.local")
        .build();
    JoinConfig join = hazelcast(k8s).getNetworkConfig().getJoin();

    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "service-dns", "dynomite-peers.cache.svc.cluster.local",
        "service-port", "8101",
        "service-dns-timeout", "2"));
    assertThat(join.getTcpIpConfig().isEnabled()).as("the seeds only hold ring places").isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getDiscoveryConfig().isEnabled()).isFalse();
    assertThat(hazelcast(k8s).getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
  }

  @Test
  void withTheKubernetesProviderTheJoinWaitIsLongEnoughForDiscoveryToLook() {
    NodeConfig k8s = CONFIG.mutate().seedProvider(SeedProvider.KUBERNETES).kubernetesServiceDns("peers").build();

    // Hazelcast's discovery joiner only looks the Service up within this wait; with 0 it never does.
    assertThat(hazelcast(k8s).getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("5");
    assertThat(ClusterSetup.hazelcastConfig(k8s, OPTIONS.withWaitSecondsBeforeJoin(8))
        .getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("8");
    assertThat(hazelcast(CONFIG).getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("0");
  }

  @Test
  void theKubernetesJoinIsAValidHazelcastJoinConfiguration() {
    NodeConfig k8s = CONFIG.mutate().seedProvider(SeedProvider.KUBERNETES).kubernetesServiceDns("peers").build();
    JoinConfig join = hazelcast(k8s).getNetworkConfig().getJoin();

    // Hazelcast's own check that at most one join mechanism is on: it throws otherwise.
    assertThatCode(join::verify).doesNotThrowAnyException();
    assertThatCode(hazelcast(CONFIG).getNetworkConfig().getJoin()::verify).doesNotThrowAnyException();
  }

  @Test
  void aNodeListedAmongItsOwnSeedsIsAJoinMemberOnce() {
    NodeConfig selfSeeded = CONFIG.mutate()
        .dynSeeds(List.of(SeedSpec.parse("127.0.0.1:9101:rack1:dc1:0"), SeedSpec.parse("127.0.0.1:9201:rack2:dc1:0")))
        .build();

    assertThat(ClusterSetup.joinMembers(selfSeeded)).containsExactly("127.0.0.1:9101", "127.0.0.1:9201");
  }

  @Test
  void aSingleNodeJoinsOnlyItself() {
    assertThat(ClusterSetup.joinMembers(CONFIG.mutate().dynSeeds(List.of()).build())).containsExactly("127.0.0.1:9101");
  }

  @Test
  void phoneHomeIsOffInTheConfigAndAsASystemProperty() {
    Config c = hazelcast(CONFIG);

    assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(System.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(c.getProperty("hazelcast.logging.type")).isEqualTo("jdk");
  }

  @Test
  void clusterNameAndJoinDelayComeFromTheOptions() {
    Config c = hazelcast(CONFIG);

    assertThat(c.getClusterName()).isEqualTo("test-cluster");
    assertThat(c.getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("0");
    Config defaults = ClusterSetup.hazelcastConfig(CONFIG, ClusterOptions.DEFAULTS);
    assertThat(defaults.getProperty("hazelcast.wait.seconds.before.join"))
        .isEqualTo(String.valueOf(ClusterOptions.DEFAULT_WAIT_SECONDS_BEFORE_JOIN));
    assertThat(defaults.getClusterName()).isEqualTo("dynomite");
  }

  @Test
  void vertxHazelcastsOwnStructuresKeepTheSettingsOfItsDefaultConfig() {
    Config ours = hazelcast(CONFIG);
    Config theirs = new ClasspathXmlConfig("default-cluster.xml");

    assertThat(theirs.getMultiMapConfigs()).containsOnlyKeys(ClusterSetup.VERTX_SUBS);
    assertThat(theirs.getMapConfigs()).containsOnlyKeys(ClusterSetup.VERTX_HA_INFO, ClusterSetup.VERTX_NODE_INFO);
    assertThat(ours.getMultiMapConfigs()).isEqualTo(theirs.getMultiMapConfigs());
    assertThat(ours.getMapConfigs()).isEqualTo(theirs.getMapConfigs());
  }

  @Test
  void theEventBusUsesTheDynListenHostAndCarriesTheAnnouncement() {
    JsonObject announcement = NodeInfo.announcement(CONFIG, "dyn.node.t", NodeState.NORMAL, 1);
    VertxOptions base = new VertxOptions().setEventLoopPoolSize(3).setHAEnabled(true);
    VertxOptions o = ClusterSetup.vertxOptions(base, CONFIG, OPTIONS.withEventBusPort(9400), announcement);
    EventBusOptions bus = o.getEventBusOptions();

    assertThat(bus.getHost()).isEqualTo("127.0.0.1");
    assertThat(bus.getPort()).isEqualTo(9400);
    assertThat(bus.getClusterPublicHost()).isEqualTo("127.0.0.1");
    assertThat(bus.getClusterNodeMetadata()).isEqualTo(announcement);
    assertThat(o.isHAEnabled()).as("HA would take the node listener").isFalse();
    assertThat(o.getEventLoopPoolSize()).as("the rest of the base is kept").isEqualTo(3);
    assertThat(base.getEventBusOptions().getClusterNodeMetadata()).as("the base is not changed").isNull();
  }

  @Test
  void theBasesMetricsOptionsAreKeptWithTheirOwnType() {
    io.vertx.micrometer.MicrometerMetricsOptions metrics = new io.vertx.micrometer.MicrometerMetricsOptions()
        .setRegistryName("node-registry").setEnabled(true);
    VertxOptions o = ClusterSetup.vertxOptions(new VertxOptions().setMetricsOptions(metrics), CONFIG, OPTIONS,
        NodeInfo.announcement(CONFIG, "dyn.node.t", NodeState.NORMAL, 1));

    assertThat(o.getMetricsOptions()).isSameAs(metrics);
  }

  @Test
  void aSetupAnnouncesTheNodeItsConfigDescribes() {
    ClusterSetup setup = ClusterSetup.of(CONFIG, OPTIONS);
    NodeInfo announced = NodeInfo.fromJson("me", setup.announcement());

    assertThat(announced.dc()).isEqualTo("dc1");
    assertThat(announced.rack()).isEqualTo("rack1");
    assertThat(announced.state()).as("warm-up auto, the default: no reads before it decided")
        .isEqualTo(NodeState.STANDBY);
    assertThat(announced.busAddress()).startsWith(NodeInfo.BUS_ADDRESS_PREFIX);
    assertThat(setup.clusterManager().getConfig()).isSameAs(setup.hazelcastConfig());
    assertThat(setup.vertxOptions(new VertxOptions()).getEventBusOptions().getClusterNodeMetadata())
        .isEqualTo(setup.announcement());
  }

  @Test
  void aWildcardDynListenIsRefusedBecausePeersCannotReachIt() {
    NodeConfig wildcard = CONFIG.mutate().dynListen(new HostPort("0.0.0.0", 9101)).build();

    assertThatThrownBy(() -> ClusterSetup.of(wildcard, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0:9101 is a wildcard address");
  }

  @Test
  void theEventBusCannotShareDynListensPort() {
    assertThatThrownBy(() -> ClusterSetup.of(CONFIG, OPTIONS.withEventBusPort(9101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event-bus port 9101");
  }

  @Test
  void anInvalidAnnouncementIsRefusedBeforeJoining() {
    assertThatThrownBy(() -> ClusterSetup.of(CONFIG, OPTIONS, new JsonObject().put("v", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is missing");
  }

  @Test
  void clusterOptionsAreValidated() {
    assertThatThrownBy(() -> OPTIONS.withClusterName(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OPTIONS.withEventBusPort(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OPTIONS.withWaitSecondsBeforeJoin(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OPTIONS.withJoinTimeoutSeconds(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ClusterOptions.DEFAULTS)
        .isEqualTo(new ClusterOptions("dynomite", 0, ClusterOptions.DEFAULT_WAIT_SECONDS_BEFORE_JOIN, 5));
  }
}
