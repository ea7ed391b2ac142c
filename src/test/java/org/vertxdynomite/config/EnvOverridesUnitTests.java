package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesUnitTests {

  private static final String FILE = "dyn_o_mite:\n"
      + "  listen: 127.0.0.1:8102\n"
      + "  read_consistency: DC_ONE\n"
      + "  servers:\n"
      + "  - 127.0.0.1:6379:1\n";

  private static NodeConfig load(String yaml, Map<String, String> env) {
    return ConfigLoader.fromYamlRoot(Yml.document(yaml), env);
  }

  @Test
  void environmentVariableNameIsDynomitePrefixAndUpperCaseKey() {
    assertThat(ConfigKey.LISTEN.envName()).isEqualTo("DYNOMITE_LISTEN");
    assertThat(ConfigKey.DYN_SEEDS.envName()).isEqualTo("DYNOMITE_DYN_SEEDS");
    assertThat(ConfigKey.EMBEDDED_MAXMEMORY.envName()).isEqualTo("DYNOMITE_EMBEDDED_MAXMEMORY");
  }

  @Test
  void environmentOverridesTheFile() {
    NodeConfig c = load(FILE, Map.of("DYNOMITE_LISTEN", "127.0.0.1:9000", "DYNOMITE_READ_CONSISTENCY", "dc_quorum"));
    assertThat(c.listen()).isEqualTo(new HostPort("127.0.0.1", 9000));
    assertThat(c.readConsistency()).isEqualTo(Consistency.DC_QUORUM);
    assertThat(c.servers()).containsExactly(new ServerSpec("127.0.0.1", 6379, 1));
  }

  @Test
  void environmentSetsKeysTheFileLacks() {
    NodeConfig c = load(FILE, Map.of("DYNOMITE_TOKENS", "1,1001", "DYNOMITE_PRECONNECT", "FALSE",
        "DYNOMITE_EMBEDDED_MAXMEMORY", "2gb"));
    assertThat(c.tokens()).containsExactly(1L, 1001L);
    assertThat(c.preconnect()).isFalse();
    assertThat(c.embeddedMaxmemory()).isEqualTo(2L * 1024 * 1024 * 1024);
  }

  @Test
  void seedListIsCommaSeparatedAndKeepsMultiTokenSeedsWhole() {
    NodeConfig c = load(FILE, Map.of("DYNOMITE_DYN_SEEDS",
        "127.0.0.2:8101:rack2:dc1:1383429731,127.0.0.3:8101:rack3:dc1:5,5005, 127.0.0.4:8101:rack4:dc1:9"));
    assertThat(c.dynSeeds()).containsExactly(
        new SeedSpec("127.0.0.2", 8101, "rack2", "dc1", List.of(1383429731L)),
        new SeedSpec("127.0.0.3", 8101, "rack3", "dc1", List.of(5L, 5005L)),
        new SeedSpec("127.0.0.4", 8101, "rack4", "dc1", List.of(9L)));
  }

  @Test
  void seedListMayAlsoBePipeSeparated() {
    NodeConfig c = load(FILE, Map.of("DYNOMITE_DYN_SEEDS", "127.0.0.2:8101:r2:dc1:1|127.0.0.3:8101:r3:dc1:2"));
    assertThat(c.dynSeeds()).extracting(SeedSpec::rack).containsExactly("r2", "r3");
  }

  @Test
  void environmentReplacesABadFileValueWithoutComplaint() {
    NodeConfig c = load("dyn_o_mite:\n  timeout: never\n", Map.of("DYNOMITE_TIMEOUT", "700"));
    assertThat(c.timeoutMs()).isEqualTo(700);
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> load(FILE, Map.of("DYNOMITE_LISTEN", "127.0.0.1:70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("env DYNOMITE_LISTEN: '127.0.0.1:70000' is not a valid host:port (port must be 1..65535)");
    assertThatThrownBy(() -> load(FILE, Map.of("DYNOMITE_DYN_SEEDS", "127.0.0.2:8101:r2:dc1:1,nonsense")))
        .hasMessage("env DYNOMITE_DYN_SEEDS[1]: 'nonsense' is not a valid host:port:rack:dc:tokens "
            + "(expected host:port:rack:dc:tokens)");
  }

  @Test
  void emptyEnvironmentValueIsRejected() {
    assertThatThrownBy(() -> load(FILE, Map.of("DYNOMITE_RACK", "")))
        .hasMessage("env DYNOMITE_RACK: '' is not a valid rack name (no value given)");
  }

  @Test
  void unrelatedDynomiteVariablesAreLeftAlone() {
    assertThat(load(FILE, Map.of("DYNOMITE_HOME", "/opt/dynomite", "PATH", "/bin")))
        .isEqualTo(load(FILE, Map.of()));
  }

  @Test
  void ignoredKeyFromTheEnvironmentIsReportedIgnored() {
    assertThat(load(FILE, Map.of("DYNOMITE_ENV", "network")).ignoredKeys()).containsExactly("env");
  }
}
