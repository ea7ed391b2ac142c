package org.vertxdynomite.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.topology.TestNodes.node;
import static org.vertxdynomite.topology.TestNodes.started;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.ring.Token;

class TopologyUnitTests {

  // Dynomite's murmur, checked against its published vectors in the first test.
  private static final long A = hash("a");
  private static final long USER = hash("user");
  private static final long USER_1 = hash("user:1");

  private static final long HALF = 2147483647L; // Token.evenlySpaced(2)
  private static final long THIRD = 1431655765L; // Token.evenlySpaced(3)
  private static final long TWO_THIRDS = 2863311530L;

  private static long hash(String key) {
    return Partitioner.DEFAULT.token(key.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theKeysUsedHereHashAsDynomitesMurmurDoes() {
    assertThat(A).isEqualTo(1262581116L);
    assertThat(USER).isEqualTo(3703938342L);
    assertThat(USER_1).isEqualTo(3587224931L);
    assertThat(Token.evenlySpaced(2)).extracting(Token::value).containsExactly(0L, HALF);
    assertThat(Token.evenlySpaced(3)).extracting(Token::value).containsExactly(0L, THIRD, TWO_THIRDS);
  }

  @Test
  void threeRacksOfOneNodeEachGiveEveryKeyToEveryRack() {
    NodeInfo a = node("a", "dc1", "rack1", 0);
    NodeInfo b = node("b", "dc1", "rack2", 0);
    NodeInfo c = node("c", "dc1", "rack3", 0);
    Topology t = Topology.of(b, List.of(a, c));

    assertThat(t.size()).isEqualTo(3);
    assertThat(t.racks("dc1")).containsExactly("rack1", "rack2", "rack3");
    for (long h : new long[] {0, A, USER, Token.MAX_VALUE}) {
      assertThat(t.localRackOwner(h)).isEqualTo(b);
      assertThat(t.ownersInLocalDc(h)).containsExactly(b, a, c);
    }
  }

  @Test
  void aKeyGoesToTheSmallestTokenAtOrAboveItsHashAndWrapsPastTheLargest() {
    NodeInfo low = node("low", "dc1", "rack1", 0);
    NodeInfo high = node("high", "dc1", "rack1", HALF);
    Topology t = Topology.of(low, List.of(high));

    assertThat(t.owner("dc1", "rack1", A)).as("a: 1262581116 <= 2147483647").isEqualTo(high);
    assertThat(t.owner("dc1", "rack1", USER)).as("user: 3703938342 wraps to 0").isEqualTo(low);
    assertThat(t.owner("dc1", "rack1", HALF)).as("a hash equal to a token").isEqualTo(high);
    assertThat(t.owner("dc1", "rack1", HALF + 1)).isEqualTo(low);
    assertThat(t.owner("dc1", "rack1", 0)).isEqualTo(low);
  }

  @Test
  void asymmetricRacksOfTwoAndThreeNodesEachOwnTheWholeRing() {
    NodeInfo a1 = node("a1", "dc1", "rack1", 0);
    NodeInfo a2 = node("a2", "dc1", "rack1", HALF);
    NodeInfo b1 = node("b1", "dc1", "rack2", 0);
    NodeInfo b2 = node("b2", "dc1", "rack2", THIRD);
    NodeInfo b3 = node("b3", "dc1", "rack2", TWO_THIRDS);
    Topology fromA1 = Topology.of(a1, List.of(a2, b1, b2, b3));
    Topology fromB3 = Topology.of(b3, List.of(a1, a2, b1, b2));

    assertThat(fromA1.size()).isEqualTo(5);
    assertThat(fromA1.ring("dc1", "rack1").nodes()).containsExactly(a1, a2);
    assertThat(fromA1.ring("dc1", "rack2").nodes()).containsExactly(b1, b2, b3);
    // a = 1262581116: rack1 -> 2147483647 (a2); rack2 -> 1431655765 (b2).
    assertThat(fromA1.ownersInLocalDc(A)).containsExactly(a2, b2);
    assertThat(fromB3.ownersInLocalDc(A)).containsExactly(b2, a2);
    // user = 3703938342: above every token in both racks, wraps to token 0.
    assertThat(fromA1.ownersInLocalDc(USER)).containsExactly(a1, b1);
    // 2000000000: rack1 -> 2147483647 (a2); rack2 -> 2863311530 (b3).
    assertThat(fromA1.ownersInLocalDc(2_000_000_000L)).containsExactly(a2, b3);
    assertThat(fromB3.localRackOwner(2_000_000_000L)).isEqualTo(b3);
  }

  @Test
  void allNodesOnTokenZeroInTheirOwnRacksEachHoldEverything() {
    NodeInfo r1 = node("n1", "dc1", "rack1", 0);
    NodeInfo r2 = node("n2", "dc1", "rack2", 0);
    NodeInfo d2r1 = node("n3", "dc2", "rack1", 0);
    NodeInfo d2r2 = node("n4", "dc2", "rack2", 0);
    Topology t = Topology.of(r2, List.of(r1, d2r1, d2r2));

    assertThat(t.excluded()).isEmpty();
    assertThat(t.size()).isEqualTo(4);
    for (long h : new long[] {0, 1, A, USER, USER_1, Token.MAX_VALUE}) {
      assertThat(t.localRackOwner(h)).isEqualTo(r2);
      assertThat(t.ownersInLocalDc(h)).containsExactly(r2, r1);
      assertThat(t.owner("dc2", "rack1", h)).isEqualTo(d2r1);
      assertThat(t.owner("dc2", "rack2", h)).isEqualTo(d2r2);
    }
  }

  @Test
  void twoNodesOnTokenZeroInOneRackCollideAndTheNewerIsLeftOut() {
    NodeInfo older = started(1000, "older", "dc1", "rack1", 0);
    NodeInfo newer = started(2000, "newer", "dc1", "rack1", 0);
    Topology t = Topology.of(older, List.of(newer));

    assertThat(t.size()).isEqualTo(1);
    assertThat(t.ring("dc1", "rack1").nodes()).containsExactly(older);
    assertThat(t.excluded()).containsExactly(new Topology.Exclusion(newer, older, Token.of(0)));
    assertThat(t.excluded().get(0).describe())
        .contains("newer", "dc1/rack1", "token 0", "older node older");
    assertThat(t.node("newer")).isEmpty();
    assertThat(t.selfInRing()).isTrue();
  }

  @Test
  void aNodeThatLosesACollisionStillKnowsItselfButOwnsNothing() {
    NodeInfo older = started(1000, "older", "dc1", "rack1", 0);
    NodeInfo newer = started(2000, "newer", "dc1", "rack1", 0);
    Topology t = Topology.of(newer, List.of(older));

    assertThat(t.self()).isEqualTo(newer);
    assertThat(t.selfInRing()).isFalse();
    assertThat(t.localRackOwner(A)).isEqualTo(older);
    assertThat(t.ownersInLocalDc(USER)).containsExactly(older);
    assertThat(t.excluded()).extracting(Topology.Exclusion::node).containsExactly(newer);
  }

  @Test
  void everyNodeExcludesTheSameMemberWhateverItsPointOfView() {
    NodeInfo x = node("x", "dc1", "rack1", 5, 10);
    NodeInfo y = node("y", "dc1", "rack1", 10, 20);
    NodeInfo z = node("z", "dc1", "rack2", 10);
    for (NodeInfo self : List.of(x, y, z)) {
      List<NodeInfo> others = new ArrayList<>(List.of(x, y, z));
      others.remove(self);
      Topology t = Topology.of(self, others);
      assertThat(t.excluded()).as("seen from %s", self.id())
          .containsExactly(new Topology.Exclusion(y, x, Token.of(10)));
      assertThat(t.ring("dc1", "rack1").nodes()).containsExactly(x);
      assertThat(t.ring("dc1", "rack2").nodes()).containsExactly(z);
    }
  }

  @Test
  void aCollisionOnOneOfSeveralTokensLeavesOutTheWholeNode() {
    NodeInfo first = started(1000, "first", "dc1", "rack1", 100, 200);
    NodeInfo second = started(1500, "second", "dc1", "rack1", 300, 200, 400);
    Topology t = Topology.of(first, List.of(second));

    assertThat(t.ring("dc1", "rack1").tokens()).extracting(Token::value).containsExactly(100L, 200L);
    assertThat(t.owner("dc1", "rack1", 350)).as("300 and 400 are not in the ring").isEqualTo(first);
  }

  @Test
  void aNodeListingItsOwnTokenTwiceIsNotACollision() {
    NodeInfo n = node("n", "dc1", "rack1", 7, 7);
    Topology t = Topology.alone(n);

    assertThat(t.excluded()).isEmpty();
    assertThat(t.localRackOwner(USER)).isEqualTo(n);
  }

  @Test
  void dcsAndRacksAreListedInNameOrderWhateverTheInputOrder() {
    List<NodeInfo> nodes = new ArrayList<>(List.of(
        node("1", "us-west", "rack2", 0), node("2", "us-east", "rack10", 0),
        node("3", "us-east", "rack2", 0), node("4", "eu", "r", 0), node("5", "us-east", "rack1", 0)));
    NodeInfo self = node("self", "us-east", "rack2", 1);
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(nodes, new java.util.Random(seed));
      Topology t = Topology.of(self, nodes);
      assertThat(t.dcs()).containsExactly("eu", "us-east", "us-west");
      assertThat(t.remoteDcs()).containsExactly("eu", "us-west");
      assertThat(t.racks("us-east")).containsExactly("rack1", "rack10", "rack2");
      assertThat(t.localDc()).isEqualTo("us-east");
      assertThat(t.localRack()).isEqualTo("rack2");
    }
  }

  @Test
  void theLocalRackComesFirstAmongTheLocalDcRings() {
    NodeInfo r1 = node("r1", "dc1", "a", 0);
    NodeInfo r2 = node("r2", "dc1", "b", 0);
    NodeInfo r3 = node("r3", "dc1", "c", 0);
    NodeInfo remote = node("remote", "dc2", "a", 0);
    Topology t = Topology.of(r3, List.of(r1, r2, remote));

    assertThat(t.localDcRings()).extracting(ring -> ring.nodes().get(0)).containsExactly(r3, r1, r2);
    assertThat(t.ownersInLocalDc(A)).containsExactly(r3, r1, r2).doesNotContain(remote);
  }

  @Test
  void aSingleNodeIsItsOwnClusterAndOwnsEveryKey() {
    NodeInfo n = node("n", "localdc", "localrack", 123456);
    Topology t = Topology.alone(n);

    assertThat(t.size()).isEqualTo(1);
    assertThat(t.dcs()).containsExactly("localdc");
    assertThat(t.remoteDcs()).isEmpty();
    assertThat(t.localRackOwner(0)).isEqualTo(n);
    assertThat(t.localRackOwner(Token.MAX_VALUE)).isEqualTo(n);
    assertThat(t.ownersInLocalDc(A)).containsExactly(n);
    assertThat(t.nodes()).containsExactly(n);
  }

  @Test
  void theGivenSelfReplacesAMemberWithItsId() {
    NodeInfo announced = node("me", "dc1", "rack1", 0);
    NodeInfo standby = announced.withState(NodeState.STANDBY);
    Topology t = Topology.of(standby, List.of(announced, node("other", "dc1", "rack2", 0)));

    assertThat(t.self()).isEqualTo(standby);
    assertThat(t.node("me")).contains(standby);
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void twoMembersWithOneIdAreRefused() {
    NodeInfo self = node("self", "dc1", "rack1", 0);
    assertThatThrownBy(() -> Topology.of(self, List.of(node("x", "dc1", "rack2", 0), node("x", "dc1", "rack3", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x");
  }

  @Test
  void nodeFindsMembersByIdAndNodesListsThemByDcRackAndRingOrder() {
    NodeInfo a1 = node("a1", "dc1", "rack1", 10);
    NodeInfo a2 = node("a2", "dc1", "rack1", 5);
    NodeInfo b = node("b", "dc1", "rack2", 0);
    NodeInfo c = node("c", "dc0", "rack9", 0);
    Topology t = Topology.of(a1, List.of(b, c, a2));

    assertThat(t.node("b")).contains(b);
    assertThat(t.node("nope")).isEmpty();
    assertThat(t.nodes()).containsExactly(c, a2, a1, b);
    assertThat(t.members()).containsOnlyKeys("a1", "a2", "b", "c");
  }

  @Test
  void unknownRacksAndDatacentersAreReportedNotGuessed() {
    Topology t = Topology.alone(node("n", "dc1", "rack1", 0));

    assertThat(t.racks("dc9")).isEmpty();
    assertThatThrownBy(() -> t.owner("dc9", "rack1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dc9/rack1")
        .hasMessageContaining("dc1/rack1");
    assertThatThrownBy(() -> t.owner("dc1", "rack2", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashesOutsideTheTokenRangeAreRefused() {
    Topology t = Topology.alone(node("n", "dc1", "rack1", 0));

    assertThatThrownBy(() -> t.localRackOwner(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.ownersInLocalDc(Token.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotsBuiltFromTheSameMembersAreEqualWhateverTheOrder() {
    NodeInfo a = node("a", "dc1", "rack1", 0);
    NodeInfo b = node("b", "dc1", "rack2", 0);
    NodeInfo c = node("c", "dc1", "rack3", 0);

    assertThat(Topology.of(a, List.of(b, c))).isEqualTo(Topology.of(a, List.of(c, b, a)))
        .hasSameHashCodeAs(Topology.of(a, List.of(c, b)));
    assertThat(Topology.of(a, List.of(b, c))).isNotEqualTo(Topology.of(a, List.of(b)));
    assertThat(Topology.of(a, List.of(b))).isNotEqualTo(Topology.of(a, List.of(b.withState(NodeState.STANDBY))));
  }

  @Test
  void theSingleNodeLookupsAllocateNothing() {
    NodeInfo a = node("a", "dc1", "rack1", 0, HALF);
    NodeInfo b = node("b", "dc1", "rack2", 0);
    Topology t = Topology.of(a, List.of(b));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    NodeInfo last = null;
    for (int i = 0; i < 20_000; i++) { // warm up so the loop below is compiled
      last = t.localRackOwner(i);
      last = t.owner("dc1", "rack2", i);
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      last = t.localRackOwner(i * 40_000L);
      last = t.owner("dc1", "rack2", i * 40_000L);
      last = t.racks("dc1").isEmpty() ? null : last;
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertThat(last).isNotNull();
    // Some bytes may come from the measuring itself; 300k lookups allocating anything would be MBs.
    assertThat(allocated).isLessThan(64 * 1024);
  }

  @Test
  void toStringNamesTheRacksAndTheirNodes() {
    Topology t = Topology.of(node("a", "dc1", "rack1", 0), List.of(node("b", "dc1", "rack2", 0)));
    assertThat(t.toString()).contains("self=a", "dc1/rack1: [a]", "dc1/rack2: [b]");
  }
}
