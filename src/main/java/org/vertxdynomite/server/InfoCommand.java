package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.vertxdynomite.Version;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * INFO [section …] in Redis's text format: {@code # Section} headers, {@code field:value} lines
 * ending in CRLF, sections separated by a blank line.
 *
 * <p>Its own sections are server, clients and stats; the node adds more ({@link InfoSection}).
 * Sections come in Redis's order, the node's own ones (dynomite) last. A section name Redis knows
 * but this node does not report yields nothing, as Redis does for unknown sections; {@code all},
 * {@code everything} and {@code default} give every section.
 */
final class InfoCommand {

  /** Redis 7.0's section order; sections not listed come after these. */
  private static final List<String> REDIS_ORDER = List.of("server", "clients", "memory", "persistence", "stats",
      "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");

  private final NodeStats stats;
  private final IntSupplier port;
  private final int maxClients;
  private final List<InfoSection> sections;

  InfoCommand(NodeStats stats, IntSupplier port, int maxClients, List<InfoSection> extra) {
    this.stats = stats;
    this.port = port;
    this.maxClients = maxClients;
    List<InfoSection> all = new ArrayList<>(List.of(
        InfoSection.of("Server", () -> Future.succeededFuture(server())),
        InfoSection.of("Clients", () -> Future.succeededFuture(clients())),
        InfoSection.of("Stats", () -> Future.succeededFuture(stats()))));
    all.addAll(extra);
    all.sort(Comparator.comparingInt(InfoCommand::rank));
    this.sections = List.copyOf(all);
  }

  void register(Map<String, LocalCommand> table) {
    table.put("info", (req, info, c) -> run(req));
  }

  Future<Reply> run(RespRequest req) {
    List<InfoSection> chosen = new ArrayList<>();
    List<Future<Map<String, Object>>> fields = new ArrayList<>();
    for (InfoSection s : sections) {
      if (wanted(req, s.name())) {
        chosen.add(s);
        fields.add(s.fields());
      }
    }
    return Future.join(fields).transform(ar -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < chosen.size(); i++) {
        Future<Map<String, Object>> f = fields.get(i);
        if (f.failed()) {
          continue;
        }
        if (sb.length() > 0) {
          sb.append("\r\n");
        }
        sb.append("# ").append(chosen.get(i).name()).append("\r\n");
        f.result().forEach((k, v) -> sb.append(k).append(':').append(v).append("\r\n"));
      }
      return Future.succeededFuture(Replies.bulk(sb.toString()));
    });
  }

  private static int rank(InfoSection s) {
    int i = REDIS_ORDER.indexOf(s.name().toLowerCase(Locale.ROOT));
    return i < 0 ? REDIS_ORDER.size() : i;
  }

  private static boolean wanted(RespRequest req, String section) {
    if (req.argc() == 1) {
      return true;
    }
    for (int i = 1; i < req.argc(); i++) {
      String w = req.argString(i).toLowerCase(Locale.ROOT);
      if (w.equals("all") || w.equals("everything") || w.equals("default")
          || w.equals(section.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Object> server() {
    long uptime = (System.currentTimeMillis() - stats.startMillis()) / 1000;
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("redis_version", Version.REDIS_COMPATIBLE);
    server.put("dynomite_version", Version.NODE);
    server.put("redis_mode", "standalone");
    server.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    server.put("java_version", System.getProperty("java.version"));
    server.put("process_id", ProcessHandle.current().pid());
    server.put("tcp_port", port.getAsInt());
    server.put("uptime_in_seconds", uptime);
    server.put("uptime_in_days", uptime / 86400);
    return server;
  }

  private Map<String, Object> clients() {
    Map<String, Object> clients = new LinkedHashMap<>();
    clients.put("connected_clients", stats.connectedClients());
    clients.put("maxclients", maxClients);
    return clients;
  }

  private Map<String, Object> stats() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("total_connections_received", stats.connectionsReceived());
    s.put("total_commands_processed", stats.commandsProcessed());
    s.put("rejected_connections", stats.connectionsRejected());
    s.put("jvm_uptime_in_millis", ManagementFactory.getRuntimeMXBean().getUptime());
    return s;
  }
}
