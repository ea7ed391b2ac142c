package org.vertxdynomite.server;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
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
 * <p>Sections so far: server, clients, stats. A section name Redis knows but this node does not
 * report yields nothing, as Redis does for unknown sections. (Memory, keyspace and the dynomite
 * section come with the admin and metrics work, issue 7.)
 */
final class InfoCommand {

  private final NodeStats stats;
  private final IntSupplier port;
  private final int maxClients;

  InfoCommand(NodeStats stats, IntSupplier port, int maxClients) {
    this.stats = stats;
    this.port = port;
    this.maxClients = maxClients;
  }

  void register(Map<String, LocalCommand> table) {
    table.put("info", (req, info, c) -> ConnectionCommands.done(run(req)));
  }

  Reply run(RespRequest req) {
    Map<String, Map<String, Object>> sections = sections();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Map<String, Object>> e : sections.entrySet()) {
      if (!wanted(req, e.getKey())) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("\r\n");
      }
      sb.append("# ").append(e.getKey()).append("\r\n");
      e.getValue().forEach((k, v) -> sb.append(k).append(':').append(v).append("\r\n"));
    }
    return Replies.bulk(sb.toString());
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

  private Map<String, Map<String, Object>> sections() {
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
    Map<String, Object> clients = new LinkedHashMap<>();
    clients.put("connected_clients", stats.connectedClients());
    clients.put("maxclients", maxClients);
    Map<String, Object> statsSection = new LinkedHashMap<>();
    statsSection.put("total_connections_received", stats.connectionsReceived());
    statsSection.put("total_commands_processed", stats.commandsProcessed());
    statsSection.put("rejected_connections", stats.connectionsRejected());
    statsSection.put("jvm_uptime_in_millis", ManagementFactory.getRuntimeMXBean().getUptime());
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    all.put("Server", server);
    all.put("Clients", clients);
    all.put("Stats", statsSection);
    return all;
  }
}
