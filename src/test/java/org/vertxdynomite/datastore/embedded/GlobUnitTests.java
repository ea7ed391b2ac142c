package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobUnitTests {

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "*|anything|true",
      "h?llo|hello|true",
      "h?llo|hllo|false",
      "h*llo|heeeello|true",
      "h[ae]llo|hallo|true",
      "h[ae]llo|hillo|false",
      "h[^e]llo|hallo|true",
      "h[^e]llo|hello|false",
      "h[a-b]llo|hbllo|true",
      "h[b-a]llo|hallo|true",
      "h\\*llo|h*llo|true",
      "h\\*llo|hello|false",
      "k[\\]]|k]|true",
      "k[|k|false",
      "[abc|a|true",
      "*a*b*c*|xxaxxbxxcxx|true",
      "*a*b*c*|xxaxxcxxbxx|false",
      "a*|a|true",
      "\\|\\|true",
  })
  void matchesLikeRedis(String pattern, String text, boolean expected) {
    assertThat(Glob.matches(pattern.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(expected);
  }
}
