package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliArgsUnitTests {

  @Test
  void withoutOptionsReadsConfDynomiteYml() throws Exception {
    CliArgs a = CliArgs.parse();
    assertThat(a.confFile()).isEqualTo(Path.of("conf/dynomite.yml"));
    assertThat(a.testConf()).isFalse();
    assertThat(a.verbosity()).isEqualTo(5);
  }

  @Test
  void acceptsDynomiteShortAndLongForms() throws Exception {
    assertThat(CliArgs.parse("-c", "x.yml").confFile()).isEqualTo(Path.of("x.yml"));
    assertThat(CliArgs.parse("--conf-file", "y.yml").confFile()).isEqualTo(Path.of("y.yml"));
    assertThat(CliArgs.parse("--conf-file=z.yml", "-t").testConf()).isTrue();
    assertThat(CliArgs.parse("--test-conf").testConf()).isTrue();
    assertThat(CliArgs.parse("-h").help()).isTrue();
    assertThat(CliArgs.parse("-V").version()).isTrue();
    assertThat(CliArgs.parse("-p", "/tmp/p.pid").pidFile()).contains(Path.of("/tmp/p.pid"));
    assertThat(CliArgs.parse("-v", "11").verbosity()).isEqualTo(11);
  }

  @Test
  void rejectsUnknownOptionsAndMissingValuesNamingThem() {
    assertThatThrownBy(() -> CliArgs.parse("-x")).hasMessageContaining("'-x'");
    assertThatThrownBy(() -> CliArgs.parse("-c")).hasMessageContaining("'-c' requires a value");
    assertThatThrownBy(() -> CliArgs.parse("-v", "12")).hasMessageContaining("0..11");
    assertThatThrownBy(() -> CliArgs.parse("-d")).hasMessageContaining("not supported");
  }
}
