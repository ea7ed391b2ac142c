package org.vertxdynomite.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    List<String> problems = new ArrayList<>();
    Map<ConfigKey, RawValue> values = new LinkedHashMap<>();
    for (String name : keys.fieldNames()) {
      ConfigKey.byKey(name).ifPresentOrElse(
          key -> values.put(key, new RawValue(pool + "." + name, keys.getValue(name))),
          () -> problems.add(pool + "." + name + ": unknown key"));
    }
    // The environment wins over the file.
    for (ConfigKey key : ConfigKey.values()) {
      String override = env.get(key.envName());
      if (override != null) {
        values.put(key, new RawValue("env " + key.envName(), override));
      }
    }
    NodeConfigBuilder builder = NodeConfig.builder().poolName(pool);
    Set<String> ignored = new LinkedHashSet<>();
    values.forEach((key, value) -> {
      try {
        if (key.read(builder, value)) {
          ignored.add(key.key());
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
    return builder.ignoredKeys(new ArrayList<>(ignored)).build();
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
