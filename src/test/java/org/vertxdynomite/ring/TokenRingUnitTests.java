package org.vertxdynomite.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenRingUnitTests {

  private static final long MAX = Token.MAX_VALUE;

  /** Rack of three nodes: a@100, b@200, c@300. */
  private static final TokenRing<String> ABC =
      TokenRing.<String>builder()
          .add("b", Token.of(200))
          .add("a", Token.of(100))
          .add("c", Token.of(300))
          .build();

  @ParameterizedTest(name = "hash {0} -> {1}")
  @CsvSource({
    "0, a", // below the smallest token
    "99, a",
    "100, a", // equal to a token: that token's node
    "101, b", // just above a token: the next one
    "199, b",
    "200, b",
    "201, c",
    "300, c", // the largest token
    "301, a", // above the largest: wraps to the smallest
    "4294967295, a",
  })
  void ownerIsTheNodeWithTheSmallestTokenAtOrAboveTheHash(long hash, String owner) {
    assertThat(ABC.owner(hash)).isEqualTo(owner);
  }

  @Test
  void singleNodeOwnsEveryHashWhateverItsToken() {
    for (long token : new long[] {0, 1, 2147483647L, MAX}) {
      TokenRing<String> ring = TokenRing.<String>builder().add("solo", Token.of(token)).build();
      for (long hash : new long[] {0, 1, token, 2147483648L, MAX - 1, MAX}) {
        assertThat(ring.owner(hash)).isEqualTo("solo");
      }
      assertThat(ring.nodes()).containsExactly("solo");
    }
  }

  @Test
  void eachRackWithOneNodeOnTokenZeroHoldsEverything() {
    // Dynomite's usual single-node-per-rack setup: every rack's only node is on token 0.
    Map<String, TokenRing<String>> racks = new LinkedHashMap<>();
    for (String rack : List.of("rack1", "rack2", "rack3")) {
      racks.put(rack, TokenRing.<String>builder().add(rack + "-n1", Token.of(0)).build());
    }
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      long hash = random.nextLong(MAX + 1);
      racks.forEach((rack, ring) -> assertThat(ring.owner(hash)).isEqualTo(rack + "-n1"));
    }
    assertThat(racks.get("rack1").owner(0)).isEqualTo("rack1-n1");
    assertThat(racks.get("rack1").owner(MAX)).isEqualTo("rack1-n1");
  }

  @Test
  void tokenAtTheTopOfTheRangeOwnsOnlyWhatIsAboveItsPredecessor() {
    TokenRing<String> ring =
        TokenRing.<String>builder().add("low", Token.of(0)).add("high", Token.of(MAX)).build();
    assertThat(ring.owner(0)).isEqualTo("low");
    assertThat(ring.owner(1)).isEqualTo("high");
    assertThat(ring.owner(MAX)).isEqualTo("high");
  }

  @Test
  void nodeWithSeveralTokensOwnsEachOfTheirRanges() {
    TokenRing<String> ring =
        TokenRing.<String>builder()
            .add("x", Token.of(1000), Token.of(3000))
            .add("y", Token.of(2000), Token.of(4000))
            .build();
    assertThat(ring.owner(500)).isEqualTo("x");
    assertThat(ring.owner(1500)).isEqualTo("y");
    assertThat(ring.owner(2500)).isEqualTo("x");
    assertThat(ring.owner(3500)).isEqualTo("y");
    assertThat(ring.owner(4001)).isEqualTo("x");
    assertThat(ring.nodes()).containsExactly("x", "y");
    assertThat(ring.tokens())
        .containsExactly(Token.of(1000), Token.of(2000), Token.of(3000), Token.of(4000));
  }

  @Test
  void racksOfDifferentSizesRouteIndependently() {
    // Dynomite racks need not have the same number of nodes: each rack is a full ring.
    TokenRing<String> three = ring(Token.evenlySpaced(3), "a1", "a2", "a3");
    TokenRing<String> two = ring(Token.evenlySpaced(2), "b1", "b2");
    // 0, 1431655765, 2863311530 versus 0, 2147483647.
    assertThat(three.owner(1_000_000_000L)).isEqualTo("a2");
    assertThat(two.owner(1_000_000_000L)).isEqualTo("b2");
    assertThat(three.owner(2_000_000_000L)).isEqualTo("a3");
    assertThat(two.owner(2_000_000_000L)).isEqualTo("b2");
    assertThat(three.owner(3_000_000_000L)).isEqualTo("a1");
    assertThat(two.owner(3_000_000_000L)).isEqualTo("b1");
  }

  @Test
  void evenlySpacedTokensShareRandomHashesFairly() {
    TokenRing<String> ring = ring(Token.evenlySpaced(4), "n0", "n1", "n2", "n3");
    Map<String, Integer> counts = new LinkedHashMap<>();
    Random random = new Random(11);
    for (int i = 0; i < 40_000; i++) {
      counts.merge(ring.owner(random.nextLong(MAX + 1)), 1, Integer::sum);
    }
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(9_000, 11_000));
  }

  @Test
  void ownerMatchesANaiveScanOnRandomRings() {
    Random random = new Random(20240601);
    for (int r = 0; r < 300; r++) {
      int nodeCount = 1 + random.nextInt(6);
      TokenRing.Builder<Integer> builder = TokenRing.builder();
      Map<Long, Integer> ownerByToken = new LinkedHashMap<>();
      for (int node = 0; node < nodeCount; node++) {
        int tokensHeld = 1 + random.nextInt(4);
        for (int t = 0; t < tokensHeld; t++) {
          long token = random.nextInt(4) == 0 ? random.nextInt(50) : random.nextLong(MAX + 1);
          if (ownerByToken.putIfAbsent(token, node) == null) {
            builder.add(node, Token.of(token));
          }
        }
      }
      TokenRing<Integer> ring = builder.build();
      List<Long> probes = new ArrayList<>(List.of(0L, MAX));
      for (long token : ownerByToken.keySet()) {
        probes.add(token);
        probes.add(Math.min(token + 1, MAX));
        probes.add(Math.max(token - 1, 0));
      }
      for (int i = 0; i < 50; i++) {
        probes.add(random.nextInt(60) == 0 ? random.nextInt(60) : random.nextLong(MAX + 1));
      }
      for (long hash : probes) {
        assertThat(ring.owner(hash)).as("ring %s hash %d", ring, hash)
            .isEqualTo(naiveOwner(ownerByToken, hash));
      }
    }
  }

  /** Linear scan: smallest token >= hash, else the smallest token. */
  private static Integer naiveOwner(Map<Long, Integer> ownerByToken, long hash) {
    long best = -1;
    long smallest = Long.MAX_VALUE;
    for (long token : ownerByToken.keySet()) {
      if (token >= hash && (best < 0 || token < best)) {
        best = token;
      }
      smallest = Math.min(smallest, token);
    }
    return ownerByToken.get(best >= 0 ? best : smallest);
  }

  @Test
  void nodesAreListedOnceInRingOrder() {
    TokenRing<String> ring =
        TokenRing.<String>builder()
            .add("c", Token.of(50), Token.of(900))
            .add("a", Token.of(500))
            .add("b", Token.of(700), Token.of(10))
            .build();
    assertThat(ring.nodes()).containsExactly("b", "c", "a");
  }

  @Test
  void preferenceListStartsAtTheOwnerAndContinuesWithDistinctNodesRoundTheRing() {
    TokenRing<String> ring =
        TokenRing.<String>builder()
            .add("a", Token.of(100), Token.of(400))
            .add("b", Token.of(200), Token.of(500))
            .add("c", Token.of(300))
            .build();
    assertThat(ring.preferenceList(150, 3)).containsExactly("b", "c", "a");
    assertThat(ring.preferenceList(350, 3)).containsExactly("a", "b", "c");
    assertThat(ring.preferenceList(450, 3)).containsExactly("b", "a", "c");
    assertThat(ring.preferenceList(600, 3)).containsExactly("a", "b", "c"); // wrapped owner
    assertThat(ring.preferenceList(150, 1)).containsExactly("b");
    assertThat(ring.preferenceList(150, 0)).isEmpty();
    assertThat(ring.preferenceList(150, 10)).containsExactly("b", "c", "a");
  }

  @Test
  void successorsAreTheNextDistinctNodesAfterTheOwner() {
    assertThat(ABC.successors(150, 1)).containsExactly("c");
    assertThat(ABC.successors(150, 2)).containsExactly("c", "a");
    assertThat(ABC.successors(250, 5)).containsExactly("a", "b");
    assertThat(ABC.successors(301, 2)).containsExactly("b", "c");
    assertThat(ABC.successors(150, 0)).isEmpty();
    TokenRing<String> solo = TokenRing.<String>builder().add("s", Token.of(0)).build();
    assertThat(solo.successors(42, 3)).isEmpty();
    assertThat(ABC.successors(150, Integer.MAX_VALUE)).containsExactly("c", "a");
  }

  @Test
  void preferenceListsAreImmutable() {
    assertThatThrownBy(() -> ABC.preferenceList(0, 2).add("z"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ABC.nodes().add("z"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void twoNodesOnOneTokenAreRejected() {
    TokenRing.Builder<String> builder =
        TokenRing.<String>builder().add("a", Token.of(100)).add("b", Token.of(100));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token 100")
        .hasMessageContaining("a")
        .hasMessageContaining("b");
  }

  @Test
  void aNodeListingItsTokenTwiceHoldsItOnce() {
    TokenRing<String> ring =
        TokenRing.<String>builder()
            .add("a", Token.of(100), Token.of(100))
            .add("a", Token.of(100))
            .add("b", Token.of(200))
            .build();
    assertThat(ring.tokens()).containsExactly(Token.of(100), Token.of(200));
    assertThat(ring.owner(100)).isEqualTo("a");
  }

  @Test
  void emptyRingsAndTokenlessNodesAreRejected() {
    assertThatThrownBy(() -> TokenRing.<String>builder().build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenRing.<String>builder().add("a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one token");
  }

  @Test
  void hashesOutsideUnsigned32BitsAreRejected() {
    assertThatThrownBy(() -> ABC.owner(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ABC.owner(MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ABC.preferenceList(0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void buildsFromAMapOfNodesToTokens() {
    Map<String, List<Token>> tokens = new LinkedHashMap<>();
    tokens.put("a", List.of(Token.of(100)));
    tokens.put("b", Token.parseList("200,300"));
    TokenRing<String> ring = TokenRing.of(tokens);
    assertThat(ring.owner(250)).isEqualTo("b");
    assertThat(ring.nodes()).containsExactly("a", "b");
  }

  @Test
  void builderCanBeReusedWithoutAffectingBuiltRings() {
    TokenRing.Builder<String> builder = TokenRing.<String>builder().add("a", Token.of(100));
    TokenRing<String> first = builder.build();
    builder.add("b", Token.of(50));
    assertThat(first.owner(10)).isEqualTo("a");
    assertThat(builder.build().owner(10)).isEqualTo("b");
  }

  @Test
  void ownerLookupAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    TokenRing<String> ring = ring(Token.evenlySpaced(16), nodeNames(16));
    long sink = 0;
    for (int i = 0; i < 10_000; i++) { // warm up
      sink += ring.owner(i * 429_496L).length();
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      sink += ring.owner((i * 42_949L) % (MAX + 1)).length();
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // A single boxed long per lookup would be 1.6 MB; allow for measurement noise only.
    assertThat(allocated).isLessThan(64 * 1024);
    assertThat(sink).isPositive(); // keeps the lookups from being optimised away
  }

  private static String[] nodeNames(int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = "n" + i;
    }
    return names;
  }

  private static TokenRing<String> ring(List<Token> tokens, String... nodes) {
    TokenRing.Builder<String> builder = TokenRing.builder();
    for (int i = 0; i < nodes.length; i++) {
      builder.add(nodes[i], tokens.get(i));
    }
    return builder.build();
  }
}
