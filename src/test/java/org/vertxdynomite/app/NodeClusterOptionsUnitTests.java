package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.topology.ClusterOptions;

class NodeClusterOptionsUnitTests {

  @Test
  void theClusterNameAndTheEventBusPortComeFromTheConfiguration() {
    NodeConfig config = NodeConfig.builder().clusterName("cache-eu").eventbusPort(8103).build();

    ClusterOptions options = Node.clusterOptions(config);

    assertThat(options.clusterName()).isEqualTo("cache-eu");
    assertThat(options.eventBusPort()).isEqualTo(8103);
  }

  @Test
  void byDefaultTheEventBusTakesAFreePort() {
    assertThat(Node.clusterOptions(NodeConfig.builder().build()))
        .isEqualTo(ClusterOptions.DEFAULTS.withEventBusPort(0));
  }
}
