package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.topology.TestNodes.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.ring.Token;

class NodeInfoUnitTests {

  private static final NodeConfig CONFIG = NodeConfig.builder()
      .listen(new HostPort("127.0.0.1", 9102))
      .dynListen(new HostPort("127.0.0.1", 9101))
      .statsListen(new HostPort("127.0.0.1", 9222))
      .datacenter("dc1")
      .rack("rack2")
      .tokens(List.of(0L, 4294967295L))
      .build();

  private static JsonObject valid() {
    return NodeInfo.announcement(CONFIG, "dyn.node.x", NodeState.NORMAL, 1_700_000_000_000L);
  }

  @Test
  void theAnnouncementCarriesEveryPartButTheId() {
    assertThat(valid()).isEqualTo(new JsonObject()
        .put("v", 1).put("dc", "dc1").put("rack", "rack2")
        .put("tokens", new JsonArray().add(0L).add(4294967295L))
        .put("client", "127.0.0.1:9102").put("peer", "127.0.0.1:9101").put("admin", "127.0.0.1:9222")
        .put("bus", "dyn.node.x").put("state", "NORMAL").put("startedAt", 1_700_000_000_000L));
  }

  @Test
  void readingTheAnnouncementGivesTheNodeTheConfigDescribes() {
    NodeInfo read = NodeInfo.fromJson("id-1", valid());

    assertThat(read).isEqualTo(NodeInfo.fromConfig("id-1", CONFIG, "dyn.node.x", NodeState.NORMAL, 1_700_000_000_000L));
    assertThat(read.tokens()).containsExactly(Token.of(0), Token.of(Token.MAX_VALUE));
    assertThat(read.clientAddress()).isEqualTo(new HostPort("127.0.0.1", 9102));
    assertThat(read.adminAddress()).isEqualTo(new HostPort("127.0.0.1", 9222));
  }

  @Test
  void metadataSurvivesTheClusterManagersSerialization() {
    // The cluster stores vertx's NodeInfo through writeToBuffer/readFromBuffer: numbers come back
    // as Integer or Long depending on size.
    io.vertx.core.spi.cluster.NodeInfo sent = new io.vertx.core.spi.cluster.NodeInfo("127.0.0.1", 5000, valid());
    Buffer buffer = Buffer.buffer();
    sent.writeToBuffer(buffer);
    io.vertx.core.spi.cluster.NodeInfo received = new io.vertx.core.spi.cluster.NodeInfo();
    received.readFromBuffer(0, buffer);

    assertThat(NodeInfo.fromJson("id-1", received.metadata())).isEqualTo(NodeInfo.fromJson("id-1", valid()));
  }

  @Test
  void unknownExtraFieldsAreIgnoredForNewerPeers() {
    assertThat(NodeInfo.fromJson("id", valid().put("zone", "z1")).dc()).isEqualTo("dc1");
  }

  @Test
  void eachMissingFieldIsReportedByName() {
    for (String field : List.of("v", "dc", "rack", "tokens", "client", "peer", "admin", "bus", "state", "startedAt")) {
      JsonObject json = valid();
      json.remove(field);
      assertThatThrownBy(() -> NodeInfo.fromJson("peer-7", json)).as(field)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("node peer-7")
          .hasMessageContaining("'" + field + "' is missing");
    }
  }

  @Test
  void wrongTypesAndValuesAreRefused() {
    assertMalformed(j -> j.put("tokens", "0,1"), "'tokens' must be an array");
    assertMalformed(j -> j.put("tokens", new JsonArray().add("12")), "token 0 must be an integer");
    assertMalformed(j -> j.put("tokens", new JsonArray().add(1.5)), "token 0 must be an integer");
    assertMalformed(j -> j.put("tokens", new JsonArray().add(1).addNull()), "token 1 must be an integer");
    assertMalformed(j -> j.put("tokens", new JsonArray().add(4294967296L)), "token must be in 0..4294967295");
    assertMalformed(j -> j.put("tokens", new JsonArray().add(-1)), "token must be in");
    assertMalformed(j -> j.put("tokens", new JsonArray()), "holds no token");
    assertMalformed(j -> j.put("dc", 7), "'dc' must be a string");
    assertMalformed(j -> j.put("rack", ""), "rack must be non-empty");
    assertMalformed(j -> j.put("rack", "rack 1"), "rack must be non-empty without blanks");
    assertMalformed(j -> j.put("client", "127.0.0.1"), "'client': the :port is missing");
    assertMalformed(j -> j.put("admin", "127.0.0.1:0"), "'admin': port must be 1..65535");
    assertMalformed(j -> j.put("state", "normal"), "'state' normal is not a node state");
    assertMalformed(j -> j.put("state", "JOINING"), "is not a node state");
    assertMalformed(j -> j.put("startedAt", "yesterday"), "'startedAt' must be an integer");
    assertMalformed(j -> j.put("startedAt", -5), "startedAtMillis must be >= 0");
    assertMalformed(j -> j.put("bus", " "), "busAddress must be non-empty");
  }

  @Test
  void anotherFormatVersionIsRefusedRatherThanHalfUnderstood() {
    assertMalformed(j -> j.put("v", 2), "metadata format version 2, this node reads 1");
    assertMalformed(j -> j.put("v", "1"), "'v' must be an integer");
  }

  @Test
  void aMemberWithoutMetadataIsRefused() {
    assertThatThrownBy(() -> NodeInfo.fromJson("plain-vertx", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node plain-vertx announced no metadata");
  }

  @Test
  void theConstructorValidatesAndCopies() {
    List<Token> tokens = new java.util.ArrayList<>(List.of(Token.of(1)));
    NodeInfo n = new NodeInfo("id", "dc", "rack", tokens, CONFIG.listen(), CONFIG.dynListen(), CONFIG.statsListen(),
        "bus", NodeState.NORMAL, 0);
    tokens.add(Token.of(2));
    assertThat(n.tokens()).containsExactly(Token.of(1));
    assertThatThrownBy(() -> new NodeInfo("", "dc", "rack", List.of(Token.of(1)), CONFIG.listen(), CONFIG.dynListen(),
        CONFIG.statsListen(), "bus", NodeState.NORMAL, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> new NodeInfo("id", "dc", "rack", List.of(Token.of(1)), null, CONFIG.dynListen(),
        CONFIG.statsListen(), "bus", NodeState.NORMAL, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("clientAddress");
  }

  @Test
  void withStateFollowsTheTransitionTable() {
    NodeInfo normal = node("n", "dc1", "rack1", 0);

    assertThat(normal.withState(NodeState.STANDBY).state()).isEqualTo(NodeState.STANDBY);
    assertThat(normal.withState(NodeState.STANDBY).withState(NodeState.WRITES_ONLY).id()).isEqualTo("n");
    assertThatThrownBy(() -> normal.withState(NodeState.RESUMING)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void busAddressesAreFreshPerRunUnderTheCommonPrefix() {
    String a = NodeInfo.newBusAddress();
    String b = NodeInfo.newBusAddress();
    assertThat(a).startsWith("dyn.node.").isNotEqualTo(b);
  }

  @Test
  void oldestFirstOrdersByStartTimeThenId() {
    NodeInfo early = TestNodes.started(5, "z", "dc", "r", 1);
    NodeInfo lateA = TestNodes.started(9, "a", "dc", "r", 2);
    NodeInfo lateB = TestNodes.started(9, "b", "dc", "r", 3);
    assertThat(List.of(lateB, early, lateA).stream().sorted(NodeInfo.OLDEST_FIRST))
        .containsExactly(early, lateA, lateB);
  }

  private static void assertMalformed(Consumer<JsonObject> change, String message) {
    JsonObject json = valid();
    change.accept(json);
    assertThatThrownBy(() -> NodeInfo.fromJson("peer", json))
        .as(json.encode())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed metadata from node peer")
        .hasMessageContaining(message);
  }
}
