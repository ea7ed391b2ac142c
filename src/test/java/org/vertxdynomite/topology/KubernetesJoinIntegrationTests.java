package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedProvider;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * {@code dyn_seed_provider: kubernetes_provider} joins through Hazelcast's Kubernetes discovery in
 * DNS lookup mode, for real, on loopback: {@code localhost} stands for the headless Service (it
 * resolves to 127.0.0.1 as the Service's name resolves to the pods' addresses).
 */
class KubernetesJoinIntegrationTests {

  private static final Duration CONVERGE = Duration.ofSeconds(30);

  private final ClusterOptions options = ClusterOptions.DEFAULTS
      .withClusterName("k8s-join-it-" + UUID.randomUUID()).withWaitSecondsBeforeJoin(0).withJoinTimeoutSeconds(1);

  private static NodeConfig node(String rack, int dynPort) throws Exception {
    return NodeConfig.builder()
        .listen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .dynListen(new HostPort("127.0.0.1", dynPort))
        .statsListen(new HostPort("127.0.0.1", RedisServerProcess.freePort()))
        .datacenter("dc1")
        .rack(rack)
        .tokens(List.of(0L))
        .seedProvider(SeedProvider.KUBERNETES)
        .kubernetesServiceDns("localhost")
        .build();
  }

  @Test
  void nodesWithoutSeedsFindEachOtherThroughTheServiceNameAndShareOneTopology() throws Exception {
    int portA = RedisServerProcess.freePort();
    NodeConfig a = node("rack1", portA);
    NodeConfig b = node("rack2", RedisServerProcess.freePort());
    assertThat(a.dynSeeds()).isEmpty();

    ClusterNode first = ClusterNode.start(a, options, new VertxOptions()).await(60, TimeUnit.SECONDS);
    Vertx secondVertx = null;
    Membership second = null;
    try {
      ClusterSetup setup = ClusterSetup.of(b, options);
      // In a cluster every pod listens on the same dyn_listen port, which is what the lookup
      // asks for. Here both nodes share 127.0.0.1, so the second one looks up the first's port.
      setup.hazelcastConfig().getNetworkConfig().getJoin().getKubernetesConfig()
          .setProperty(ClusterSetup.K8S_SERVICE_PORT, Integer.toString(portA));
      assertThat(setup.hazelcastConfig().getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
      secondVertx = setup.startClustered(new VertxOptions()).await(60, TimeUnit.SECONDS);
      second = Membership.start(secondVertx, setup.clusterManager(), setup.announcement(), b.dynSeeds())
          .await(30, TimeUnit.SECONDS);

      Topology seenByFirst = first.membership().until(t -> t.size() == 2, CONVERGE).await(40, TimeUnit.SECONDS);
      Topology seenBySecond = second.until(t -> t.size() == 2, CONVERGE).await(40, TimeUnit.SECONDS);

      assertThat(seenByFirst.racks("dc1")).containsExactly("rack1", "rack2");
      assertThat(seenBySecond.racks("dc1")).containsExactly("rack1", "rack2");
      assertThat(seenByFirst.members()).isEqualTo(seenBySecond.members());
      assertThat(setup.clusterManager().getHazelcastInstance().getCluster().getMembers()).hasSize(2);
    } finally {
      if (second != null) {
        second.close().await(20, TimeUnit.SECONDS);
      }
      if (secondVertx != null) {
        secondVertx.close().await(40, TimeUnit.SECONDS);
      }
      first.close().await(40, TimeUnit.SECONDS);
    }
  }
}
