package org.vertxdynomite.config;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Parses yml text the way vertx-config's YAML processor does, without a Vert.x instance. */
final class Yml {

  private Yml() {}

  /** The document as the YAML store hands it over: maps become JSON objects, lists stay lists. */
  static JsonObject document(String yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return loaded == null ? new JsonObject() : jsonify((Map<?, ?>) loaded);
  }

  /** Maps {@code yaml} with no environment. */
  static NodeConfig config(String yaml) {
    return ConfigLoader.fromYamlRoot(document(yaml), Map.of());
  }

  private static JsonObject jsonify(Map<?, ?> map) {
    JsonObject json = new JsonObject();
    map.forEach((k, v) -> json.put(String.valueOf(k), v instanceof Map<?, ?> m ? jsonify(m) : v));
    return json;
  }
}
