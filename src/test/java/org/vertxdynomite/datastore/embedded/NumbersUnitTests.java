package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vertxdynomite.resp.RespError;

class NumbersUnitTests {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "9223372036854775807", "-9223372036854775808", "42"})
  void acceptsCanonicalIntegers(String s) {
    assertThat(Numbers.parseLong(b(s), Errors.NOT_INTEGER)).isEqualTo(Long.parseLong(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "-0", "+1", "01", " 1", "1 ", "9223372036854775808", "-9223372036854775809",
      "1.0", "0x1", "123456789012345678901"})
  void rejectsWhatRedisRejectsAsIntegers(String s) {
    assertThatThrownBy(() -> Numbers.parseLong(b(s), Errors.NOT_INTEGER)).isInstanceOf(RespError.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.1, 0.10000000000000001",
      "3, 3",
      "1e17, 1e+17",
      "1e16, 10000000000000000",
      "1.5e-7, 1.4999999999999999e-07",
      "123456.5, 123456.5",
      "1e-4, 0.0001",
      "-2.5, -2.5",
      "1.7976931348623157e308, 1.7976931348623157e+308",
  })
  void formatsDoublesLikePercentPointSeventeenG(double d, String expected) {
    assertThat(Numbers.formatG17(d)).isEqualTo(expected);
  }

  @Test
  void formatsSpecialDoubles() {
    assertThat(Numbers.formatG17(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(Numbers.formatG17(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(Numbers.formatG17(-0.0)).isEqualTo("-0");
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "10.5, 0.1, 10.6",
      "10.6, 1e30, 1000000000000000000024696061952",
      "3, 1.0e-5, 3.00001",
      "0.1, 0.2, 0.3",
      "5.0e3, 0, 5000",
      "-1, 1, 0",
      "0x10, 1, 17",
  })
  void addsLikeX87LongDoubles(String a, String b, String expected) {
    LongDouble sum = LongDouble.parse(b(a)).add(LongDouble.parse(b(b)));
    assertThat(sum.toHumanString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 1", "1 ", "nan", "abc", "1e5000", "1e-5000", "1.2.3", "0x"})
  void rejectsWhatStrtoldRejects(String s) {
    assertThat(LongDouble.parse(b(s))).isNull();
  }

  @Test
  void longDoubleKeepsSixtyFourBitsOfSignificand() {
    // 2^63 + 1 is exact in 80-bit long double but not in a double.
    assertThat(LongDouble.parse(b("9223372036854775808")).add(LongDouble.of(1)).toHumanString())
        .isEqualTo("9223372036854775809");
  }
}
