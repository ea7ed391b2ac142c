package org.vertxdynomite.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The node's metric families as docs/ADMIN.md's table lists them, with their types. */
final class DocumentedMetrics {

  static final Path DOC = Path.of("docs/ADMIN.md");

  private static final Pattern ROW =
      Pattern.compile("^\\| `(dynomite_[a-z_]+)` \\| (histogram|summary|counter|gauge) \\|");

  private DocumentedMetrics() {}

  /** Family name → type, in the table's order. */
  static Map<String, String> families() throws IOException {
    Map<String, String> families = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        families.put(m.group(1), m.group(2));
      }
    }
    return families;
  }

  /** The family a sample name belongs to (its histogram or summary, or its own), if documented. */
  static String familyOf(String sample, Map<String, String> families) {
    if (families.containsKey(sample)) {
      return sample;
    }
    for (String suffix : Set.of("_bucket", "_count", "_sum", "_max")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        String type = families.get(base);
        if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
          return base;
        }
      }
    }
    return null;
  }
}
