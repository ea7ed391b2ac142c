package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;

class HashRangeUnitTests {

  private static final long MAX = Token.MAX_VALUE;

  private static TokenRing<String> ring(Map<String, List<Token>> tokens) {
    return TokenRing.of(tokens);
  }

  @Test
  void aSingleNodeOwnsTheWholeHashSpaceWhateverItsToken() {
    TokenRing<String> r = ring(Map.of("a", List.of(Token.of(12345))));
    assertThat(HashRange.owned(r, "a"::equals)).containsExactly(HashRange.ALL);
  }

  @Test
  void aTokenOwnsFromAfterThePreviousTokenUpToItself() {
    TokenRing<String> r = ring(Map.of("low", List.of(Token.of(2147483647L)), "high", List.of(Token.of(MAX))));
    assertThat(HashRange.owned(r, "low"::equals)).containsExactly(new HashRange(0, 2147483647L));
    assertThat(HashRange.owned(r, "high"::equals)).containsExactly(new HashRange(2147483648L, MAX));
  }

  @Test
  void theSmallestTokenAlsoOwnsEverythingAboveTheLargest() {
    TokenRing<String> r = ring(Map.of("a", List.of(Token.of(100)), "b", List.of(Token.of(200))));
    assertThat(HashRange.owned(r, "a"::equals)).containsExactly(new HashRange(0, 100), new HashRange(201, MAX));
    assertThat(HashRange.owned(r, "b"::equals)).containsExactly(new HashRange(101, 200));
  }

  @Test
  void aNodeWithSeveralTokensOwnsSeveralRangesMergedWhereTheyTouch() {
    TokenRing<String> r = ring(Map.of("a", List.of(Token.of(100), Token.of(300)), "b", List.of(Token.of(200))));
    // a: [0,100] (wrap part of 100), [201,300] (token 300), [301,MAX] (wrap of 100): the last two touch.
    assertThat(HashRange.owned(r, "a"::equals)).containsExactly(new HashRange(0, 100), new HashRange(201, MAX));
  }

  @Test
  void splitCutsARangeWhereOwnershipChanges() {
    TokenRing<String> r = ring(Map.of("a", List.of(Token.of(100)), "b", List.of(Token.of(200))));
    assertThat(HashRange.split(new HashRange(50, 250), r)).containsExactly(
        new HashRange.Piece<>(new HashRange(50, 100), "a"),
        new HashRange.Piece<>(new HashRange(101, 200), "b"),
        new HashRange.Piece<>(new HashRange(201, 250), "a"));
  }

  @Test
  void containsAndLengthAreInclusive() {
    HashRange r = new HashRange(10, 20);
    assertThat(r.contains(10)).isTrue();
    assertThat(r.contains(20)).isTrue();
    assertThat(r.contains(21)).isFalse();
    assertThat(r.length()).isEqualTo(11);
    assertThat(HashRange.ALL.length()).isEqualTo(MAX + 1);
    assertThat(HashRange.anyContains(List.of(new HashRange(0, 5), r), 15)).isTrue();
    assertThat(HashRange.anyContains(List.of(new HashRange(0, 5), r), 7)).isFalse();
  }

  @Test
  void aRangeOutsideTheHashSpaceIsRefused() {
    assertThatThrownBy(() -> new HashRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashRange(0, MAX + 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
