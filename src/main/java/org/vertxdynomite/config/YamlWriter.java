package org.vertxdynomite.config;

import java.util.List;

/**
 * Writes a {@link NodeConfig} as a Dynomite yml document: one root key, then every key that has an
 * effective value, strings single-quoted, lists in block style (Dynomite rejects flow style).
 */
final class YamlWriter {

  private YamlWriter() {}

  static String write(NodeConfig config) {
    StringBuilder out = new StringBuilder(config.poolName()).append(":\n");
    for (ConfigKey key : ConfigKey.values()) {
      Object value = key.effectiveValue(config);
      if (value instanceof List<?> list) {
        if (!list.isEmpty()) {
          out.append("  ").append(key.key()).append(":\n");
          list.forEach(item -> out.append("  - ").append(scalar(item)).append('\n'));
        }
      } else if (value != null) {
        out.append("  ").append(key.key()).append(": ").append(scalar(value)).append('\n');
      }
    }
    return out.toString();
  }

  private static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }
}
