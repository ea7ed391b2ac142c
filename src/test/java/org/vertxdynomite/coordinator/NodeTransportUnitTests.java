package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.resp.RespRequest;
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

  @Test
  void requestsSentFromManyDuplicatesOfOneEventLoopContextShareOnePeerClient() throws Exception {
    // Vert.x runs each event-bus message on a new duplicate of its context; a client per duplicate
    // grew the heap without bound under replication load.
    Vertx vertx = Vertx.vertx();
    try {
      NodeInfo self = node("self");
      NodeInfo peer = node("peer");
      NodeTransport transport = new NodeTransport(vertx,
          new ReplicaStore(new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build()), new WriteFence(1024)),
          PeerHealth.alwaysUp(), self, new NodeTransport.PeerTimeouts(200, 10_000, 10_000), () -> 1,
          PeerClientOptions.DEFAULT, NodeMetrics.NONE);
      ContextInternal root = (ContextInternal) vertx.getOrCreateContext();
      CountDownLatch sent = new CountDownLatch(50);
      for (int i = 0; i < 50; i++) {
        root.duplicate().runOnContext(v -> transport
            .forward(peer, RespRequest.of("GET", "k"), CommandTable.get().lookup("get"), 1)
            .onComplete(ar -> sent.countDown()));
      }
      assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(transport.clientCount()).isEqualTo(1);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static NodeInfo node(String id) {
    return new NodeInfo(id, "dc1", "rack1", List.of(Token.of(0)), new HostPort("127.0.0.1", 8102),
        new HostPort("127.0.0.1", 8101), new HostPort("127.0.0.1", 22222), "dyn.node." + id, NodeState.NORMAL, 1);
  }
}
