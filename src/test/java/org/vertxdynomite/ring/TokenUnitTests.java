package org.vertxdynomite.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenUnitTests {

  @ParameterizedTest
  @CsvSource({"0, 0", "1, 1", "2147483647, 2147483647", "2147483648, 2147483648",
      "4294967295, 4294967295", "007, 7", "00000000004294967295, 4294967295"})
  void parsesDecimalTokensUpTo2Pow32Minus1(String text, long value) {
    assertThat(Token.parse(text).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-1", "+1", " 1", "1 ", "4294967296", "99999999999", "1e3", "0x10", "١"})
  void rejectsAnythingButAnInRangeDecimal(String text) {
    assertThatThrownBy(() -> Token.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..4294967295");
  }

  @Test
  void ofRejectsValuesOutsideUnsigned32Bits() {
    assertThat(Token.of(Token.MAX_VALUE).value()).isEqualTo(4294967295L);
    assertThatThrownBy(() -> Token.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Token.of(1L << 32)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesAsUnsigned32BitValues() {
    // 4294967295 is -1 as a signed int: a signed comparison would put it first.
    assertThat(Token.of(4294967295L)).isGreaterThan(Token.of(1));
    assertThat(Token.of(2147483648L)).isGreaterThan(Token.of(2147483647L));
    assertThat(Token.of(5)).isEqualByComparingTo(Token.parse("5"));
  }

  @Test
  void equalsHashCodeAndDecimalToString() {
    assertThat(Token.of(12345678)).isEqualTo(Token.parse("12345678"))
        .hasSameHashCodeAs(Token.parse("12345678"))
        .hasToString("12345678");
    assertThat(Token.of(1)).isNotEqualTo(Token.of(2));
  }

  @Test
  void parsesDynomitesCommaSeparatedTokensOption() {
    assertThat(Token.parseList("101134286")).containsExactly(Token.of(101134286));
    assertThat(Token.parseList("1,2, 3 ,4294967295"))
        .containsExactly(Token.of(1), Token.of(2), Token.of(3), Token.of(4294967295L));
    assertThatThrownBy(() -> Token.parseList("1,,2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Token.parseList("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evenlySpacedFollowsDynomiteManagersFormula() {
    assertThat(Token.evenlySpaced(1)).containsExactly(Token.of(0));
    assertThat(Token.evenlySpaced(2)).containsExactly(Token.of(0), Token.of(2147483647L));
    assertThat(Token.evenlySpaced(3))
        .containsExactly(Token.of(0), Token.of(1431655765L), Token.of(2863311530L));
    assertThat(Token.evenlySpaced(4))
        .containsExactly(Token.of(0), Token.of(1073741823L), Token.of(2147483646L),
            Token.of(3221225469L));
  }

  @Test
  void evenlySpacedTokensAreIncreasingAndSplitTheRingIntoNearlyEqualShares() {
    for (int n = 1; n <= 64; n++) {
      List<Token> tokens = Token.evenlySpaced(n);
      assertThat(tokens).hasSize(n).isSorted().doesNotHaveDuplicates();
      long step = Token.MAX_VALUE / n;
      for (int i = 0; i < n; i++) {
        assertThat(tokens.get(i).value()).isEqualTo(step * i).isLessThanOrEqualTo(Token.MAX_VALUE);
      }
      // The share wrapping past the last token differs from the others by less than n.
      long lastShare = Token.MAX_VALUE - tokens.get(n - 1).value() + 1;
      assertThat(lastShare - step).isBetween(0L, (long) n);
    }
  }

  @Test
  void evenlySpacedNeedsAtLeastOneNode() {
    assertThatThrownBy(() -> Token.evenlySpaced(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
