package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/COMMANDS.md equal to {@link CommandTableDoc#render()}. Run with
 * {@code -Dcommands.doc.write=true} (scripts/gen-command-table does) to rewrite it first.
 */
class CommandTableDocUnitTests {

  private static final Path DOC = Path.of("docs", "COMMANDS.md");

  @Test
  void docsCommandsMdIsTheRenderingOfTheCommandTable() throws Exception {
    String rendered = CommandTableDoc.render();
    if (Boolean.getBoolean("commands.doc.write")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/COMMANDS.md is stale: run scripts/gen-command-table").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(rendered);
  }

  @Test
  void renderingListsSupportedCommandsByGroupAndRefusedOnesWithTheirReason() {
    String md = CommandTableDoc.render();
    assertThat(md).contains("### string (22)", "| `GET` | 2 | read |  |", "| `BLPOP` | ≥ 3 | write, blocking |",
        "| `CLIENT SETNAME` | 3 | - |", "## Not supported",
        "| Pub/sub is not sharded or replicated across the cluster, so a subscriber would only hear messages"
            + " published on the same node. | `PSUBSCRIBE`, `PUBLISH`, `PUBSUB CHANNELS`");
    assertThat(md).doesNotContain("| `CLIENT` |");
  }
}
