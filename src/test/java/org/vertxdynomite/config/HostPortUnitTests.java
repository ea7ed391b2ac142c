package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortUnitTests {

  @Test
  void parsesIpv4HostAndPort() {
    assertThat(HostPort.parse("127.0.0.1:8102")).isEqualTo(new HostPort("127.0.0.1", 8102));
  }

  @Test
  void acceptsWildcardAddressAndHostNames() {
    assertThat(HostPort.parse("0.0.0.0:8102").isWildcard()).isTrue();
    assertThat(HostPort.parse("localhost:6379").host()).isEqualTo("localhost");
    assertThat(HostPort.parse("redis-1.example.com:6379").host()).isEqualTo("redis-1.example.com");
  }

  @Test
  void takesThePortAfterTheLastColonSoIpv6HostsWork() {
    assertThat(HostPort.parse("::1:8102")).isEqualTo(new HostPort("::1", 8102));
    assertThat(HostPort.parse("[::1]:8102")).isEqualTo(new HostPort("::1", 8102));
    assertThat(new HostPort("::1", 8102)).hasToString("[::1]:8102");
  }

  @Test
  void printsAsHostColonPort() {
    assertThat(HostPort.parse(" 127.0.0.1:8102 ")).hasToString("127.0.0.1:8102");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "127.0.0.1:70000 | port must be 1..65535",
    "127.0.0.1:0     | port must be 1..65535",
    "127.0.0.1:-1    | port must be 1..65535",
    "127.0.0.1:http  | port must be 1..65535",
    "127.0.0.1:      | port must be 1..65535",
    "127.0.0.1       | the :port is missing",
    ":8102           | the host is empty",
    "300.0.0.1:8102  | '300.0.0.1' is not a valid IPv4 address",
    "127.0.1:8102    | '127.0.1' is not a valid IPv4 address",
    "bad host:8102   | 'bad host' is not a valid host name",
    "/tmp/dyn.sock   | unix socket paths are not supported",
    "::g:8102        | '::g' is not a valid IPv6 address",
  })
  void rejectsMalformedAddressesSayingWhy(String text, String reason) {
    assertThatThrownBy(() -> HostPort.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }

  @Test
  void rejectsAnEmptyAddress() {
    assertThatThrownBy(() -> HostPort.parse("  ")).hasMessage("it is empty");
    assertThatThrownBy(() -> HostPort.parse(null)).hasMessage("it is empty");
  }

  @Test
  void collidesOnSamePortWithSameOrWildcardHost() {
    HostPort local = HostPort.parse("127.0.0.1:8101");
    assertThat(local.collidesWith(HostPort.parse("127.0.0.1:8101"))).isTrue();
    assertThat(local.collidesWith(HostPort.parse("0.0.0.0:8101"))).isTrue();
    assertThat(local.collidesWith(HostPort.parse("127.0.0.2:8101"))).isFalse();
    assertThat(local.collidesWith(HostPort.parse("127.0.0.1:8102"))).isFalse();
  }
}
