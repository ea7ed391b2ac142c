package org.vertxdynomite.deploy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.NodeConfig;
import org.yaml.snakeyaml.Yaml;

/** One kustomize overlay of k8s/, rendered, with the questions the manifest tests ask of it. */
record Overlay(Path dir, Map<String, Map<String, Object>> resources) {

  static final String NODE_CONTAINER = "dynomite";
  static final String PEERS_SERVICE = "dynomite-peers";

  static Overlay render(Path dir) throws IOException {
    return new Overlay(dir, Kustomize.byKindAndName(Kustomize.build(dir)));
  }

  String name() {
    return dir.getFileName().toString();
  }

  Map<String, Object> get(String kind, String name) {
    Map<String, Object> r = resources.get(kind + "/" + name);
    if (r == null) {
      throw new AssertionError(name() + " renders no " + kind + "/" + name + "; it has " + resources.keySet());
    }
    return r;
  }

  List<Map<String, Object>> all(String kind) {
    return resources.values().stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  static String name(Map<String, Object> resource) {
    return Manifest.text(resource, "metadata", "name");
  }

  static Map<String, Object> podSpec(Map<String, Object> statefulSet) {
    return Manifest.map(Manifest.at(statefulSet, "spec", "template", "spec"), "pod spec");
  }

  static Map<String, Object> templateLabels(Map<String, Object> statefulSet) {
    return Manifest.map(Manifest.at(statefulSet, "spec", "template", "metadata", "labels"), "template labels");
  }

  static Map<String, Object> container(Map<String, Object> statefulSet, String name) {
    return Manifest.list(podSpec(statefulSet).get("containers"), "containers").stream()
        .map(c -> Manifest.map(c, "container"))
        .filter(c -> name.equals(c.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError(name(statefulSet) + " has no container " + name));
  }

  /** The container's ports by name. */
  static Map<String, Integer> ports(Map<String, Object> container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object p : Manifest.list(container.get("ports"), "ports")) {
      Map<String, Object> port = Manifest.map(p, "port");
      ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
    }
    return ports;
  }

  /** The container's environment variables that have a literal value. */
  static Map<String, String> literalEnv(Map<String, Object> container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object e : Manifest.list(container.get("env"), "env")) {
      Map<String, Object> var = Manifest.map(e, "env var");
      if (var.containsKey("value")) {
        env.put((String) var.get("name"), var.get("value").toString());
      }
    }
    return env;
  }

  /** The {@code fieldPath} an environment variable takes from the downward API, or null. */
  static String fieldRef(Map<String, Object> container, String variable) {
    for (Object e : Manifest.list(container.get("env"), "env")) {
      Map<String, Object> var = Manifest.map(e, "env var");
      if (variable.equals(var.get("name"))) {
        return Manifest.text(var, "valueFrom", "fieldRef", "fieldPath");
      }
    }
    return null;
  }

  /** The ConfigMap's {@code dynomite.yml} as text. */
  String dynomiteYml() {
    return Manifest.text(get("ConfigMap", "dynomite-config"), "data", "dynomite.yml");
  }

  /**
   * The configuration a node of {@code statefulSet} runs with: the ConfigMap's file, the
   * container's literal {@code DYNOMITE_*} variables, and the pod's IP as the entrypoint sets it.
   */
  NodeConfig nodeConfig(Map<String, Object> statefulSet) {
    Map<String, String> env = new HashMap<>(literalEnv(container(statefulSet, NODE_CONTAINER)));
    env.put("DYNOMITE_DYN_LISTEN", "10.0.0.1:8101");
    Map<String, Object> document = Manifest.map(new Yaml().load(dynomiteYml()), "dynomite.yml");
    return ConfigLoader.fromYamlRoot(new JsonObject(document), env);
  }

  /** The racks file's entries: StatefulSet name → {datacenter, rack, replicas}. */
  Map<String, List<String>> racks() {
    Map<String, List<String>> racks = new LinkedHashMap<>();
    String text = Manifest.text(get("ConfigMap", "dynomite-racks"), "data", "racks");
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        String[] f = l.split("\\s+");
        if (f.length != 4 || racks.put(f[0], List.of(f[1], f[2], f[3])) != null) {
          throw new AssertionError(name() + ": bad or repeated racks line '" + l + "'");
        }
      }
    }
    return racks;
  }
}
