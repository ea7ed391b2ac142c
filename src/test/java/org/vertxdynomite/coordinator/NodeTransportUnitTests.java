package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedOptions;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.replication.PeerClientOptions;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.PeerHealth;
import org.vertxdynomite.topology.NodeState;

class NodeTransportUnitTests {

  @Test
  void everyNewRequestGetsTheConfiguredTimeoutTimesTheCurrentFactor() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      NodeInfo self = new NodeInfo("self", "dc1", "rack1", List.of(Token.of(0)), new HostPort("127.0.0.1", 8102),
          new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222), "dyn.node.self", NodeState.NORMAL, 1);
      AtomicInteger factor = new AtomicInteger(1);
      EmbeddedDatastore datastore = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
      NodeTransport transport = new NodeTransport(vertx, new ReplicaStore(datastore, new WriteFence(1024)),
          PeerHealth.alwaysUp(), self, new NodeTransport.PeerTimeouts(300, 10_000, 10_000), factor::get,
          PeerClientOptions.DEFAULT, NodeMetrics.NONE);

      assertThat(transport.timeoutMillis()).isEqualTo(300);
      factor.set(7);
      assertThat(transport.timeoutMillis()).isEqualTo(2100);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
