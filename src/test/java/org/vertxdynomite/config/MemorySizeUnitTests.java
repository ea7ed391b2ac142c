package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Units and their values as redis-server 7.0.15 reports them after CONFIG SET maxmemory. */
class MemorySizeUnitTests {

  @ParameterizedTest
  @CsvSource({
    "0, 0", "100, 100", "1b, 1", "1k, 1000", "1K, 1000", "1kb, 1024", "1KB, 1024",
    "1m, 1000000", "1mb, 1048576", "1g, 1000000000", "1gb, 1073741824", "512mb, 536870912"
  })
  void readsUnitsAsRedisDoes(String text, long bytes) {
    assertThat(MemorySize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5mb", "1tb", "1kib", "-1", "mb", "", "ten"})
  void rejectsWhatRedisRejects(String text) {
    assertThatThrownBy(() -> MemorySize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be a byte count such as 0, 100mb or 2gb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807gb", "9999999999999999999"})
  void rejectsSizesBeyondALong(String text) {
    assertThatThrownBy(() -> MemorySize.parse(text)).hasMessage("is too large");
  }
}
