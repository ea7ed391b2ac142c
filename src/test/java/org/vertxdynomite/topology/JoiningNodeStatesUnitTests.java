package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.topology.TestNodes.node;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.config.WarmupMode;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedOptions;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.testutil.Poll;
import org.vertxdynomite.warmup.DonorService;
import org.vertxdynomite.warmup.WarmupGuard;
import org.vertxdynomite.warmup.WarmupSettings;
import org.vertxdynomite.warmup.WarmupVerticle;

/**
 * The states a joining node goes through before and after its {@code warmup: auto} decision, seen
 * in its own state and in the reports it broadcasts: it never says NORMAL before it decided.
 */
class JoiningNodeStatesUnitTests {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NodeInfo self = node("self", "dc1", "rack1", 0).withReportedState(NodeState.STANDBY);
  private final FakeClusterManager cluster = new FakeClusterManager("self");
  private final List<NodeState> reported = new CopyOnWriteArrayList<>();
  private final List<NodeState> changes = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private EmbeddedDatastore store;
  private LocalNodeState state;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
    store.start().await(5, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer(StateBroadcast.ADDRESS, m -> {
      if ("self".equals(m.body().getString("id"))) {
        reported.add(NodeState.valueOf(m.body().getString("state")));
      }
    }).completion().await(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static NodeConfig config(WarmupMode mode) {
    return NodeConfig.builder()
        .listen(new HostPort("127.0.0.1", 8102)).dynListen(new HostPort("127.0.0.1", 8101))
        .statsListen(new HostPort("127.0.0.1", 22222)).datacenter("dc1").rack("rack1").tokens(List.of(0L))
        .dynSeeds(List.of(new SeedSpec("127.0.0.2", 8101, "rack2", "dc1", List.of(0L))))
        .warmup(mode)
        .build();
  }

  /** Starts this node's membership, state broadcast and warm-up verticle, as a node does. */
  private void startNode() throws Exception {
    startNode(new WarmupGuard());
  }

  private void startNode(WarmupGuard guard) throws Exception {
    state = new LocalNodeState(StartState.of(config(WarmupMode.AUTO)));
    state.onChange(changes::add);
    Membership membership = Membership.start(vertx, cluster, self.toJson()).await(5, TimeUnit.SECONDS);
    StateBroadcast states = StateBroadcast.start(vertx, membership, state).await(5, TimeUnit.SECONDS);
    vertx.deployVerticle(new WarmupVerticle(membership, states, state, store, guard, Partitioner.DEFAULT,
        new WarmupSettings(WarmupMode.AUTO, 100, 0, 500), new org.vertxdynomite.replication.WriteFence(1024)))
        .await(10, TimeUnit.SECONDS);
  }

  @Test
  void aClusteredNodeWithAutoWarmupStartsInStandbyAndAnyOtherNodeStartsNormal() {
    assertThat(StartState.of(config(WarmupMode.AUTO))).isEqualTo(NodeState.STANDBY);
    assertThat(StartState.of(config(WarmupMode.OFF))).isEqualTo(NodeState.NORMAL);
    NodeConfig standalone = NodeConfig.builder().listen(new HostPort("127.0.0.1", 8102))
        .warmup(WarmupMode.AUTO).build();
    assertThat(StartState.of(standalone)).isEqualTo(NodeState.NORMAL);
  }

  @Test
  void aNodeWithDataAnnouncesStandbyFirstThenNormalOnceItDecidedNoWarmupIsNeeded() throws Exception {
    RespRequest set = RespRequest.of("SET", "k", "v");
    store.execute(set, CommandTable.get().lookup(set)).await(5, TimeUnit.SECONDS);

    startNode();

    assertThat(state.get()).isEqualTo(NodeState.NORMAL);
    assertThat(changes).containsExactly(NodeState.NORMAL);
    Poll.until(WAIT, () -> reported, r -> r.contains(NodeState.NORMAL));
    assertThat(reported.get(0)).as("the first report, before the decision").isEqualTo(NodeState.STANDBY);
    assertThat(reported).containsSubsequence(NodeState.STANDBY, NodeState.NORMAL);
  }

  @Test
  void anEmptyNodeWithoutReplicasGoesFromStandbyToNormal() throws Exception {
    startNode();

    assertThat(changes).containsExactly(NodeState.NORMAL);
    assertThat(reported.get(0)).isEqualTo(NodeState.STANDBY);
  }

  @Test
  void anEmptyNodeWaitsForItsPeersStatesAndWarmsUpFromOneThatReportsNormalNeverServingMeanwhile()
      throws Exception {
    peerWithData();

    startNode();

    Poll.until(WAIT, () -> changes, c -> c.size() >= 2);
    assertThat(changes).as("the warm-up began, then failed").containsExactly(NodeState.WRITES_ONLY, NodeState.STANDBY);
    assertThat(reported).doesNotContain(NodeState.NORMAL).startsWith(NodeState.STANDBY);
  }

  @Test
  void aNodeWhoseOnlyKeysWereWrittenAfterItStartedStillWarmsUp() throws Exception {
    peerWithData();
    // A hint that reached the node before its decision, through the guard active from the start.
    WarmupGuard guard = new WarmupGuard();
    guard.activate();
    guard.beforeWrite(List.of("k".getBytes()), true).await(5, TimeUnit.SECONDS);
    RespRequest set = RespRequest.of("SET", "k", "v");
    store.execute(set, CommandTable.get().lookup(set)).await(5, TimeUnit.SECONDS);

    startNode(guard);

    Poll.until(WAIT, () -> changes, c -> !c.isEmpty());
    assertThat(changes.get(0)).as("the warm-up began").isEqualTo(NodeState.WRITES_ONLY);
  }

  /** A peer in rack2 whose donor has data (and fails every batch), reporting NORMAL once asked. */
  private void peerWithData() throws Exception {
    // The peer joined in STANDBY (its metadata says so) and became NORMAL later: only its report says so.
    NodeInfo peer = node("peer", "dc1", "rack2", 0).withReportedState(NodeState.STANDBY);
    cluster.join("peer", peer.toJson());
    // A donor holding data, which fails every batch: the warm-up starts, then fails.
    vertx.eventBus().<JsonObject>consumer(DonorService.address(peer), m -> {
      if ("size".equals(m.body().getString("op"))) {
        m.reply(new JsonObject().put("keys", 5));
      } else {
        m.fail(1, "no batches here");
      }
    }).completion().await(5, TimeUnit.SECONDS);
    // The peer answers the newcomer's first report, a little later.
    java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    vertx.eventBus().<JsonObject>consumer(StateBroadcast.ADDRESS, m -> {
      if ("self".equals(m.body().getString("id")) && answered.compareAndSet(false, true)) {
        vertx.setTimer(300, id -> vertx.eventBus().publish(StateBroadcast.ADDRESS,
            StateBroadcast.message("peer", 1, NodeState.NORMAL)));
      }
    }).completion().await(5, TimeUnit.SECONDS);

  }
}
