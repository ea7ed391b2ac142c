package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RedisNumbersUnitTests {

  private static OptionalLong parse(String s) {
    return RedisNumbers.parseLong(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void acceptsWhatString2llAcceptsIncludingTheLongExtremes() {
    assertThat(parse("0")).hasValue(0);
    assertThat(parse("42")).hasValue(42);
    assertThat(parse("-7")).hasValue(-7);
    assertThat(parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
    assertThat(parse("-9223372036854775808")).hasValue(Long.MIN_VALUE);
  }

  @Test
  void refusesSignsZerosSpacesAndOverflowAsRedisDoes() {
    for (String bad : new String[] {"", "-", "-0", "+1", "01", "1 ", " 1", "1.0", "abc",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901"}) {
      assertThat(parse(bad)).as("'%s'", bad).isEmpty();
    }
  }
}
