package org.vertxdynomite.deploy;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read the way Docker reads it, as far as the tests need: comments and blank lines
 * dropped, {@code \} continuations joined, one instruction per line, grouped into build stages.
 */
record DockerfileModel(List<Stage> stages) {

  /** One instruction: its keyword in upper case and the rest of the line. */
  record Instruction(String keyword, String args) {

    /** The arguments in JSON (exec) form, e.g. {@code ["-c", "/etc/dynomite/dynomite.yml"]}. */
    List<String> execForm() {
      return new JsonArray(args.trim()).stream().map(String.class::cast).toList();
    }

    /** The words of the arguments, e.g. the ports of {@code EXPOSE 8101 8102}. */
    List<String> words() {
      return List.of(args.trim().split("\\s+"));
    }
  }

  /** A build stage: its {@code FROM} image, its name ({@code AS name}) and its instructions. */
  record Stage(String image, Optional<String> name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last instruction of that kind: the one Docker applies. */
    Optional<Instruction> last(String keyword) {
      List<Instruction> all = all(keyword);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
  }

  static DockerfileModel read(Path file) throws IOException {
    List<String> logical = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue; // also inside a continuation, as Docker does
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.add(pending.append(line).toString());
      pending.setLength(0);
    }
    List<Stage> stages = new ArrayList<>();
    for (String line : logical) {
      String[] parts = line.split("\\s+", 2);
      Instruction i = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
      if (i.keyword().equals("FROM")) {
        String[] from = i.args().split("\\s+");
        Optional<String> name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? Optional.of(from[2]) : Optional.empty();
        stages.add(new Stage(from[0], name, new ArrayList<>()));
      } else if (stages.isEmpty()) {
        throw new IllegalStateException("instruction before FROM: " + line);
      } else {
        stages.get(stages.size() - 1).instructions().add(i);
      }
    }
    return new DockerfileModel(List.copyOf(stages));
  }

  Stage runtime() {
    return stages.get(stages.size() - 1);
  }
}
