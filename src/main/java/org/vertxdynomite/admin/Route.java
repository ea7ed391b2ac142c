package org.vertxdynomite.admin;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One path of the admin port: a template whose {@code {name}} segments capture one path segment
 * each ({@code /set_consistency/{kind}/{level}}), a line for {@code /help}, and what it does.
 */
record Route(String template, String help, Function<Map<String, String>, Future<AdminReply>> action) {

  /** The captured segments when {@code path} matches this route, else null. */
  Map<String, String> match(String path) {
    String[] want = template.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        params.put(want[i].substring(1, want[i].length() - 1), got[i]);
      } else if (!want[i].equals(got[i])) {
        return null;
      }
    }
    return params;
  }
}
