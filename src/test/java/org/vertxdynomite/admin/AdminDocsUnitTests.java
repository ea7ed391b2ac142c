package org.vertxdynomite.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.metrics.MetricNames;

class AdminDocsUnitTests {

  private static final Path DASHBOARD = Path.of("docs/grafana/vertx-dynomite.json");
  private static final Pattern METRIC = Pattern.compile("\\b(dynomite_[a-z_]+)");

  @Test
  void theDocumentedTableHasOneRowPerMeter() throws Exception {
    Map<String, String> families = DocumentedMetrics.families();

    assertThat(families).hasSameSizeAs(MetricNames.ALL);
    for (String dotted : MetricNames.ALL) {
      String base = dotted.replace('.', '_');
      assertThat(families.keySet()).as(dotted).anyMatch(f -> f.equals(base) || f.startsWith(base + "_"));
    }
  }

  @Test
  void theGrafanaDashboardQueriesEveryDocumentedMetricAndNoOther() throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    Map<String, String> families = DocumentedMetrics.families();
    List<String> exprs = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (Object p : dashboard.getJsonArray("panels")) {
      JsonObject panel = (JsonObject) p;
      assertThat(ids.add(panel.getInteger("id"))).as("panel ids are unique").isTrue();
      JsonArray targets = panel.getJsonArray("targets", new JsonArray());
      targets.forEach(t -> exprs.add(((JsonObject) t).getString("expr")));
    }
    Set<String> used = new HashSet<>();
    for (String expr : exprs) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        String family = DocumentedMetrics.familyOf(m.group(1), families);
        assertThat(family).as("%s in %s is a documented metric", m.group(1), expr).isNotNull();
        used.add(family);
      }
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(families.keySet());
  }
}
