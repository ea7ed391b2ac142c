package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/CONFIG.md stays in step with the key table. */
class ConfigDocsUnitTests {

  @Test
  void keyTableListsEveryKeyWithItsStatus() throws IOException {
    // Rows of the key table look like: | `listen` | host:port | ... | used |
    Map<String, String> documented = Files.readAllLines(Path.of("docs/CONFIG.md")).stream()
        .filter(line -> line.startsWith("| `") && line.trim().matches(".*\\| (used|ignored|extension) \\|$"))
        .map(line -> line.split("\\|"))
        .collect(Collectors.toMap(cells -> cells[1].trim().replace("`", ""), cells -> cells[cells.length - 1].trim()));
    Map<String, String> expected = Arrays.stream(ConfigKey.values())
        .collect(Collectors.toMap(ConfigKey::key, k -> k.use().name().toLowerCase(Locale.ROOT)));
    assertThat(documented).isEqualTo(expected);
  }
}
