package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensUnitTests {

  @Test
  void parsesOneTokenOrSeveralSeparatedByCommas() {
    assertThat(Tokens.parse("12345678")).containsExactly(12345678L);
    assertThat(Tokens.parse("1,1001")).containsExactly(1L, 1001L);
    assertThat(Tokens.parse(" 1 , 1001 ")).containsExactly(1L, 1001L);
  }

  @Test
  void acceptsTheWholeUnsigned32BitRange() {
    assertThat(Tokens.parse("0,4294967295")).containsExactly(0L, Tokens.MAX);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967296", "-1", "12a", "1,,2", "1.5", "99999999999999999999"})
  void rejectsTokensOutsideUnsigned32BitIntegers(String text) {
    assertThatThrownBy(() -> Tokens.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("must be an integer in 0..4294967295");
  }

  @Test
  void namesTheBadTokenInTheMessage() {
    assertThatThrownBy(() -> Tokens.parse("1,4294967296"))
        .hasMessage("token '4294967296' must be an integer in 0..4294967295");
  }

  @Test
  void rejectsAnEmptyList() {
    assertThatThrownBy(() -> Tokens.parse(" ")).hasMessage("no token given");
  }

  @Test
  void formatsTheWayDynomiteReadsThem() {
    assertThat(Tokens.format(List.of(1L, 1001L))).isEqualTo("1,1001");
  }
}
