package org.vertxdynomite.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML (maps and lists), failing with the path when the shape is wrong. */
final class Manifest {

  private Manifest() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a mapping: " + o);
    }
    return (Map<String, Object>) o;
  }

  /** {@code o} as a list; {@code null} is the empty list (an absent optional field). */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object o, String what) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List)) {
      throw new IllegalArgumentException(what + " is not a list: " + o);
    }
    return (List<Object>) o;
  }

  /** The value at {@code keys} below {@code root}, or {@code null} if any step is missing. */
  static Object at(Map<String, Object> root, String... keys) {
    Object o = root;
    for (String k : keys) {
      if (!(o instanceof Map<?, ?> m)) {
        return null;
      }
      o = m.get(k);
    }
    return o;
  }

  static String text(Map<String, Object> root, String... keys) {
    Object o = at(root, keys);
    return o == null ? null : o.toString();
  }

  /** The mapping at {@code keys}, created (empty) where missing, as kustomize's transformers do. */
  static Map<String, Object> mapAt(Map<String, Object> root, String... keys) {
    Map<String, Object> m = root;
    for (String k : keys) {
      m = map(m.computeIfAbsent(k, x -> new LinkedHashMap<String, Object>()), k);
    }
    return m;
  }

  /** A Kubernetes memory quantity in bytes: {@code 1Gi}, {@code 512Mi}, {@code 1G}, {@code 1000}. */
  static long bytes(String quantity) {
    String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"k", "1000"}, {"M", "1000000"},
        {"G", "1000000000"}};
    for (String[] u : units) {
      if (quantity.endsWith(u[0])) {
        return Long.parseLong(quantity.substring(0, quantity.length() - u[0].length())) * Long.parseLong(u[1]);
      }
    }
    return Long.parseLong(quantity);
  }

  /** A deep copy, so that a patch value applied to several resources is not shared. */
  static Object copy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put((String) k, copy(v)));
      return c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      l.forEach(v -> c.add(copy(v)));
      return c;
    }
    return o;
  }
}
