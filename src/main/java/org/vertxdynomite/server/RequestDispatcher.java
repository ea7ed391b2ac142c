package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.Map;
import org.vertxdynomite.command.CommandErrors;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.Coordinator;
import org.vertxdynomite.metrics.NodeMetrics;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * Checks each request against the command table and sends it where it is answered: a command the
 * node answers itself (PING, HELLO, CLIENT …), an error reply, or the coordinator.
 *
 * <p>Checks run in Redis's order — unknown command, unknown subcommand, arity — then this node's
 * own: an unsupported command gets an error saying why, never a silently closed connection.
 *
 * <p>Each request's time from dispatch to reply, its command and its outcome go to {@link
 * NodeMetrics} (when it records anything).
 */
final class RequestDispatcher {

  private static final byte[] CLIENT = {'c', 'l', 'i', 'e', 'n', 't'};
  private static final byte[] SETINFO = {'s', 'e', 't', 'i', 'n', 'f', 'o'};

  private final CommandTable table;
  private final Coordinator coordinator;
  private final Map<String, LocalCommand> local;
  private final NodeMetrics metrics;

  RequestDispatcher(CommandTable table, Coordinator coordinator, Map<String, LocalCommand> local,
      NodeMetrics metrics) {
    this.table = table;
    this.coordinator = coordinator;
    this.local = local;
    this.metrics = metrics;
  }

  CommandTable table() {
    return table;
  }

  Future<Reply> dispatch(RespRequest request, ClientConnection client) {
    long start = metrics.enabled() ? System.nanoTime() : 0;
    CommandInfo info;
    try {
      info = table.resolve(request);
    } catch (RespError e) {
      return measured(unresolved(request, client, e), null, request, start);
    }
    return measured(resolved(request, info, client), info, request, start);
  }

  private Future<Reply> unresolved(RespRequest request, ClientConnection client, RespError e) {
    if (isClientSetinfo(request)) {
      return local.get("client").run(request, null, client);
    }
    // Commands that are not Redis's (Dynomite's DYNO_CONFIG:…) are looked up only when Redis's
    // table does not know the name, so the common path allocates nothing.
    LocalCommand extra = local.get(request.commandName());
    return extra != null ? extra.run(request, null, client) : Future.succeededFuture(e);
  }

  private Future<Reply> resolved(RespRequest request, CommandInfo info, ClientConnection client) {
    if (!info.isSupported()) {
      return Future.succeededFuture(CommandErrors.unsupported(info));
    }
    LocalCommand own = local.get(info.isSubcommand() ? info.containerName() : info.name());
    if (own != null) {
      return own.run(request, info, client);
    }
    return coordinator.execute(request, info, client.session());
  }

  private Future<Reply> measured(Future<Reply> reply, CommandInfo info, RespRequest request, long start) {
    if (!metrics.enabled()) {
      return reply;
    }
    String command = info != null ? info.name() : label(request);
    boolean write = info != null && info.isWrite();
    if (reply.isComplete()) {
      report(reply, command, write, request, start);
    } else {
      reply.onComplete(ar -> report(reply, command, write, request, start));
    }
    return reply;
  }

  private void report(Future<Reply> reply, String command, boolean write, RespRequest request, long start) {
    NodeMetrics.Outcome outcome = reply.failed() ? NodeMetrics.Outcome.FAILED
        : reply.result() instanceof RespError ? NodeMetrics.Outcome.ERROR : NodeMetrics.Outcome.OK;
    long bytes = 0;
    for (int i = 0; i < request.argc(); i++) {
      bytes += request.arg(i).length;
    }
    metrics.clientRequest(command, write, outcome, System.nanoTime() - start, bytes);
  }

  /** A bounded name for a request the table does not resolve: never the client's own text. */
  private String label(RespRequest request) {
    if (isClientSetinfo(request)) {
      return "client|setinfo";
    }
    CommandInfo known = table.lookup(request);
    if (known != null) {
      return known.name();
    }
    String name = request.commandName();
    return local.containsKey(name) ? name : "unknown";
  }

  /** CLIENT SETINFO is Redis 7.2's; Jedis 5 and Lettuce 6.5 send it on connect. */
  private static boolean isClientSetinfo(RespRequest r) {
    return r.argc() >= 2 && equalsIgnoreCase(r.arg(0), CLIENT) && equalsIgnoreCase(r.arg(1), SETINFO);
  }

  private static boolean equalsIgnoreCase(byte[] a, byte[] lower) {
    if (a.length != lower.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      int c = a[i] & 0xff;
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower[i]) {
        return false;
      }
    }
    return true;
  }
}
