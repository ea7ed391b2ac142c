package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.NodeConfig;

/** Every configuration shipped under conf/ is valid, as {@code -t} would say. */
class ExampleConfigsUnitTests {

  static List<Path> exampleConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("conf"))) {
      List<Path> ymls = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
      assertThat(ymls).isNotEmpty();
      return ymls;
    }
  }

  @ParameterizedTest
  @MethodSource("exampleConfigs")
  void exampleConfigPassesTheConfigurationTest(Path yml) {
    NodeConfig c = ConfigLoader.loadBlocking(yml, Map.of());
    assertThat(c.listen().host()).as("examples bind to loopback").isEqualTo("127.0.0.1");
  }
}
