package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAndSeedSpecUnitTests {

  @Test
  void parsesServerAsHostPortWeight() {
    ServerSpec server = ServerSpec.parse("127.0.0.1:22122:1");
    assertThat(server).isEqualTo(new ServerSpec("127.0.0.1", 22122, 1));
    assertThat(server.hostPort()).isEqualTo(new HostPort("127.0.0.1", 22122));
    assertThat(server).hasToString("127.0.0.1:22122:1");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "127.0.0.1:6379           | expected host:port:weight",
    "127.0.0.1:6379:x         | weight must be a non-negative integer",
    "127.0.0.1:6379:-1        | weight must be a non-negative integer",
    "127.0.0.1:70000:1        | port must be 1..65535",
    "127.0.0.1:6379:1 redis1  | a server name after a space is not supported",
  })
  void rejectsMalformedServersSayingWhy(String text, String reason) {
    assertThatThrownBy(() -> ServerSpec.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
  }

  @Test
  void parsesSeedAsHostPortRackDcTokens() {
    SeedSpec seed = SeedSpec.parse("127.0.0.2:8101:rack2:dc2:1383429731");
    assertThat(seed).isEqualTo(new SeedSpec("127.0.0.2", 8101, "rack2", "dc2", List.of(1383429731L)));
    assertThat(seed.hostPort()).isEqualTo(new HostPort("127.0.0.2", 8101));
    assertThat(seed).hasToString("127.0.0.2:8101:rack2:dc2:1383429731");
  }

  @Test
  void parsesSeedWithSeveralTokensAndAnIpv6Host() {
    assertThat(SeedSpec.parse("127.0.0.5:8101:rack1:DC1:5,5005").tokens()).containsExactly(5L, 5005L);
    assertThat(SeedSpec.parse("::1:8101:r:d:7").host()).isEqualTo("::1");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "127.0.0.5:8101:DC1:5,5005            | expected host:port:rack:dc:tokens",
    "127.0.0.2:8101:rack2:dc2             | expected host:port:rack:dc:tokens",
    "rack2:dc2:1                          | expected host:port:rack:dc:tokens",
    "127.0.0.2:8101::dc2:1                | rack is empty",
    "127.0.0.2:8101:rack2::1              | dc is empty",
    "127.0.0.2:8101:rack2:dc2:            | no token given",
    "127.0.0.2:8101:rack2:dc2:4294967296  | token '4294967296' must be an integer in 0..4294967295",
    "127.0.0.2:99999:rack2:dc2:1          | port must be 1..65535",
  })
  void rejectsMalformedSeedsSayingWhy(String text, String reason) {
    assertThatThrownBy(() -> SeedSpec.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
  }
}
