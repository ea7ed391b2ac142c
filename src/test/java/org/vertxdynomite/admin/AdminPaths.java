package org.vertxdynomite.admin;

import java.util.List;

/**
 * The admin port's route table as {@link AdminRoutes} itself lists it ({@code /help}), for tests
 * outside this package that must name real paths (probes, scrape configuration).
 */
public final class AdminPaths {

  private AdminPaths() {}

  /** Every route's template, in matching order, e.g. {@code /ping}, {@code /state/{state}}. */
  public static List<String> templates() {
    // /help reads only the table: no Vert.x, no node behind it.
    String help = new AdminRoutes(null, null, () -> 0L).run("/help").result().body();
    return help.lines().map(l -> l.split("\\s+", 2)[0]).toList();
  }

  /**
   * Whether {@code path} is served by a route of its own: the first route that matches it is the
   * literal {@code path}, not a template that happens to match (as {@code /state/{state}} would
   * match a misspelt {@code /state/get_stat}).
   */
  public static boolean literalRoute(String path) {
    for (String template : templates()) {
      if (new Route(template, "", null).match(path) != null) {
        return template.equals(path);
      }
    }
    return false;
  }
}
