package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One section of the reply to INFO: {@code # Name} then {@code field:value} lines. The RESP server
 * writes Server, Clients and Stats itself; the node adds others (Memory, Keyspace, Dynomite) from
 * what only it knows.
 */
public interface InfoSection {

  /** The section's title as INFO prints it, e.g. {@code Memory}; matched ignoring case. */
  String name();

  /**
   * Its fields in order. Values are printed with {@code toString()}; they must not contain CR or LF.
   * A failed future leaves the section out of that reply.
   */
  Future<Map<String, Object>> fields();

  /** A section named {@code name} whose fields {@code fields} computes at each INFO. */
  static InfoSection of(String name, Supplier<Future<Map<String, Object>>> fields) {
    return new InfoSection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<Map<String, Object>> fields() {
        return fields.get();
      }
    };
  }
}
