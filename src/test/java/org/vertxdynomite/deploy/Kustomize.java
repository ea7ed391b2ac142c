package org.vertxdynomite.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the features k8s/ uses and no
 * others: {@code resources} (files, several documents each, and directories), {@code patches}
 * (JSON 6902 operations with a kind/name target), {@code namePrefix}/{@code nameSuffix}, and
 * {@code labels} (with {@code includeSelectors}). Transformers run in kustomize's order: patches,
 * then names, then labels. A kustomization using anything else is refused, so the tests never
 * check a rendering that kustomize would not produce. (Cross-checked against kubectl 1.32's
 * kustomize v5.5 on the overlays of this repository.)
 */
final class Kustomize {

  private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namePrefix",
      "nameSuffix", "labels");

  private Kustomize() {}

  /** Every YAML document of a file, as maps (empty documents dropped). */
  static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file)) {
      for (Object doc : new Yaml().loadAll(in)) {
        if (doc != null) {
          docs.add(Manifest.map(doc, file.toString()));
        }
      }
    }
    return docs;
  }

  /** The resources {@code kustomization.yaml} in {@code dir} builds. */
  static List<Map<String, Object>> build(Path dir) throws IOException {
    Map<String, Object> k = documents(dir.resolve("kustomization.yaml")).get(0);
    if (!SUPPORTED.containsAll(k.keySet())) {
      throw new IllegalArgumentException(dir + ": kustomization fields beyond what this renderer knows: " + k.keySet());
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : Manifest.list(k.getOrDefault("resources", List.of()), "resources")) {
      Path p = dir.resolve((String) entry).normalize();
      resources.addAll(Files.isDirectory(p) ? build(p) : documents(p));
    }
    for (Object patch : Manifest.list(k.getOrDefault("patches", List.of()), "patches")) {
      applyPatch(Manifest.map(patch, "patch"), resources);
    }
    String prefix = (String) k.getOrDefault("namePrefix", "");
    String suffix = (String) k.getOrDefault("nameSuffix", "");
    for (Map<String, Object> r : resources) {
      Map<String, Object> meta = Manifest.map(r.get("metadata"), "metadata");
      meta.put("name", prefix + meta.get("name") + suffix);
    }
    for (Object entry : Manifest.list(k.getOrDefault("labels", List.of()), "labels")) {
      Map<String, Object> label = Manifest.map(entry, "labels[]");
      Map<String, Object> pairs = Manifest.map(label.get("pairs"), "pairs");
      boolean selectors = Boolean.TRUE.equals(label.get("includeSelectors"));
      boolean templates = selectors || Boolean.TRUE.equals(label.get("includeTemplates"));
      resources.forEach(r -> addLabels(r, pairs, selectors, templates));
    }
    return resources;
  }

  private static void applyPatch(Map<String, Object> patch, List<Map<String, Object>> resources) {
    Map<String, Object> target = Manifest.map(patch.get("target"), "target");
    List<Object> ops = Manifest.list(new Yaml().load((String) patch.get("patch")), "patch");
    for (Map<String, Object> r : resources) {
      boolean kind = target.get("kind") == null || target.get("kind").equals(r.get("kind"));
      boolean name = target.get("name") == null || target.get("name").equals(Manifest.at(r, "metadata", "name"));
      if (kind && name) {
        ops.forEach(op -> JsonPatch.apply(r, Manifest.map(op, "op")));
      }
    }
  }

  // Where kustomize's label transformer writes, for the fields k8s/ has; anything this does not
  // know how kustomize would label is refused rather than guessed.
  private static void addLabels(Map<String, Object> r, Map<String, Object> pairs, boolean selectors,
      boolean templates) {
    Manifest.mapAt(r, "metadata", "labels").putAll(pairs);
    boolean workload = Set.of("StatefulSet", "Deployment").contains(r.get("kind"));
    if ((selectors || templates) && (!workload || Manifest.at(r, "spec", "volumeClaimTemplates") != null)) {
      throw new IllegalArgumentException("selector labels on " + r.get("kind") + " " + Manifest.at(r, "metadata", "name")
          + ": not rendered by this test renderer");
    }
    if (selectors) {
      Manifest.mapAt(r, "spec", "selector", "matchLabels").putAll(pairs);
      for (Object c : Manifest.list(Manifest.at(r, "spec", "template", "spec", "topologySpreadConstraints"), "tsc")) {
        Map<String, Object> selector = Manifest.mapAt(Manifest.map(c, "tsc"), "labelSelector");
        if (selector.containsKey("matchLabels")) {
          Manifest.mapAt(selector, "matchLabels").putAll(pairs);
        }
      }
    }
    if (templates) {
      Manifest.mapAt(r, "spec", "template", "metadata", "labels").putAll(pairs);
    }
  }

  /** RFC 6902 add, replace and remove on parsed YAML, as kustomize applies them. */
  static final class JsonPatch {

    private JsonPatch() {}

    static void apply(Map<String, Object> doc, Map<String, Object> op) {
      String path = (String) op.get("path");
      List<String> tokens = new ArrayList<>();
      for (String t : path.substring(1).split("/", -1)) {
        tokens.add(t.replace("~1", "/").replace("~0", "~"));
      }
      Object parent = doc;
      for (String t : tokens.subList(0, tokens.size() - 1)) {
        parent = parent instanceof List<?> l ? l.get(Integer.parseInt(t)) : Manifest.map(parent, path).get(t);
        if (parent == null) {
          throw new IllegalArgumentException("no " + t + " on the way to " + path);
        }
      }
      String last = tokens.get(tokens.size() - 1);
      Object value = Manifest.copy(op.get("value"));
      switch ((String) op.get("op")) {
        case "add" -> add(parent, last, value, path);
        case "replace" -> replace(parent, last, value, path);
        case "remove" -> remove(parent, last, path);
        default -> throw new IllegalArgumentException("unsupported op " + op.get("op"));
      }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object parent, String last, Object value, String path) {
      if (parent instanceof List<?> l) {
        List<Object> list = (List<Object>) l;
        list.add(last.equals("-") ? list.size() : Integer.parseInt(last), value);
      } else {
        Manifest.map(parent, path).put(last, value);
      }
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object parent, String last, Object value, String path) {
      if (parent instanceof List<?> l) {
        ((List<Object>) l).set(Integer.parseInt(last), value);
      } else if (Manifest.map(parent, path).put(last, value) == null) {
        throw new IllegalArgumentException("replace of a missing " + path);
      }
    }

    private static void remove(Object parent, String last, String path) {
      Object removed = parent instanceof List<?> l ? l.remove(Integer.parseInt(last)) : Manifest.map(parent, path).remove(last);
      if (removed == null) {
        throw new IllegalArgumentException("remove of a missing " + path);
      }
    }
  }

  /** A copy of a kustomization result keyed by kind and name, e.g. {@code StatefulSet/dynomite-dc1-rack1}. */
  static Map<String, Map<String, Object>> byKindAndName(List<Map<String, Object>> resources) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> r : resources) {
      String id = r.get("kind") + "/" + Manifest.at(r, "metadata", "name");
      if (out.put(id, r) != null) {
        throw new IllegalStateException("two resources are " + id);
      }
    }
    return out;
  }
}
