package org.vertxdynomite.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.testutil.NodeProcess;

/**
 * The fat jar's {@code -t} accepts every shipped configuration, as a user would run it (about half
 * a second each; ExampleConfigsUnitTests also checks each set's consistency in-process).
 */
class ExampleConfigsIntegrationTests {

  @ParameterizedTest
  @MethodSource("org.vertxdynomite.app.ExampleConfigsUnitTests#exampleConfigs")
  void theJarsConfigurationTestAcceptsTheExample(Path yml) throws Exception {
    NodeProcess.Result r = NodeProcess.run("-t", "-c", yml.toString());

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("configuration file '" + yml + "' syntax is ok");
  }
}
