package org.vertxdynomite.admin;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedStore;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.RespRequest;

/**
 * What INFO's memory and keyspace sections say about the node's datastore: a Redis server is
 * asked ({@code INFO memory}, {@code INFO keyspace}) and its own fields are passed on; the embedded
 * store reports what it measures. Nothing is made up: a figure the store does not keep is left out.
 */
interface DatastoreFacts {

  /** The memory fields ({@code used_memory}, {@code maxmemory}…). */
  Future<Map<String, Object>> memory();

  /** The keyspace fields ({@code db0:keys=…}); empty when there is no key, as in Redis. */
  Future<Map<String, Object>> keyspace();

  /** The facts of {@code datastore}: asked of a Redis server, measured by the embedded store. */
  static DatastoreFacts of(Datastore datastore, long embeddedMaxmemory) {
    if (datastore instanceof EmbeddedDatastore e) {
      return new Embedded(e.store(), embeddedMaxmemory);
    }
    return new Forwarded(datastore);
  }

  /** The embedded store's own figures. */
  record Embedded(EmbeddedStore store, long maxmemory) implements DatastoreFacts {

    @Override
    public Future<Map<String, Object>> memory() {
      Map<String, Object> m = new LinkedHashMap<>();
      long used = store.usedMemory();
      m.put("used_memory", used);
      m.put("used_memory_human", Human.bytes(used));
      m.put("maxmemory", maxmemory);
      m.put("maxmemory_human", Human.bytes(maxmemory));
      return Future.succeededFuture(m);
    }

    @Override
    public Future<Map<String, Object>> keyspace() {
      long keys = store.dbSize();
      return Future.succeededFuture(keys == 0 ? Map.of()
          : Map.of("db0", "keys=" + keys + ",expires=" + store.expiresCount() + ",avg_ttl=" + store.avgTtl()));
    }
  }

  /** Fields copied from the Redis server's own INFO. */
  record Forwarded(Datastore datastore) implements DatastoreFacts {

    private static final java.util.List<String> MEMORY_FIELDS =
        java.util.List.of("used_memory", "used_memory_human", "maxmemory", "maxmemory_human", "maxmemory_policy");

    @Override
    public Future<Map<String, Object>> memory() {
      return ask("memory").map(all -> {
        Map<String, Object> m = new LinkedHashMap<>();
        MEMORY_FIELDS.forEach(f -> {
          if (all.containsKey(f)) {
            m.put(f, all.get(f));
          }
        });
        return m;
      });
    }

    @Override
    public Future<Map<String, Object>> keyspace() {
      return ask("keyspace").map(all -> {
        Map<String, Object> m = new LinkedHashMap<>();
        if (all.containsKey("db0")) {
          m.put("db0", all.get("db0"));
        }
        return m;
      });
    }

    private Future<Map<String, Object>> ask(String section) {
      RespRequest request = RespRequest.of("INFO", section);
      return datastore.execute(request, CommandTable.get().lookup(request)).compose(reply -> {
        if (!(reply instanceof BulkReply b)) {
          return Future.failedFuture("the datastore answered INFO " + section + " with " + reply);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String line : new String(b.value(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n")) {
          int colon = line.indexOf(':');
          if (colon > 0 && !line.startsWith("#")) {
            fields.put(line.substring(0, colon), line.substring(colon + 1));
          }
        }
        return Future.succeededFuture(fields);
      });
    }
  }
}
