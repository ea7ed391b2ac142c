package org.vertxdynomite.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a parsed Dynomite yml document to a {@link NodeConfig}: finds the single root key, overlays
 * the {@code DYNOMITE_*} environment variables, reads every key through {@link ConfigKey}, and
 * collects every problem before failing.
 */
final class DynomiteYaml {

  private DynomiteYaml() {}

  static NodeConfig map(JsonObject document, Map<String, String> env) {
    String pool = rootKey(document);
    Object body = document.getValue(pool);
    if (!(body instanceof JsonObject keys)) {
      throw new ConfigException(pool + ": expected the node's keys under the root key, found "
          + (body == null ? "nothing" : "'" + body + "'"));
    }
    // Keyed by name, in file order; the environment wins over the file.
    Map<String, RawValue> values = new LinkedHashMap<>();
    for (String name : keys.fieldNames()) {
      values.put(name, new RawValue(pool + "." + name, keys.getValue(name)));
    }
    for (ConfigKey key : ConfigKey.values()) {
      String override = env.get(key.envName());
      if (override != null) {
        values.put(key.key(), new RawValue("env " + key.envName(), override));
      }
    }
    NodeConfigBuilder builder = NodeConfig.builder().poolName(pool);
    List<String> problems = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    values.forEach((name, value) -> {
      ConfigKey key = ConfigKey.byKey(name).orElse(null);
      if (key == null) {
        problems.add(value.path() + ": unknown key");
        return;
      }
      try {
        if (key.read(builder, value)) {
          ignored.add(name);
        }
      } catch (IllegalArgumentException e) {
        problems.add(value.problem(key.what(), e.getMessage()));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return builder.ignoredKeys(ignored).build();
  }

  private static String rootKey(JsonObject document) {
    Set<String> roots = document.fieldNames();
    if (roots.size() == 1) {
      return roots.iterator().next();
    }
    if (roots.isEmpty()) {
      throw new ConfigException("the configuration is empty: expected one root key, e.g. dyn_o_mite:");
    }
    throw new ConfigException("expected one root key, e.g. dyn_o_mite:, found " + roots.size() + ": "
        + String.join(", ", roots));
  }
}
