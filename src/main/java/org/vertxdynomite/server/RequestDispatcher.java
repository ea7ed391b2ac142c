package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.Map;
import org.vertxdynomite.command.CommandErrors;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.coordinator.Coordinator;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * Checks each request against the command table and sends it where it is answered: a command the
 * node answers itself (PING, HELLO, CLIENT …), an error reply, or the coordinator.
 *
 * <p>Checks run in Redis's order — unknown command, unknown subcommand, arity — then this node's
 * own: an unsupported command gets an error saying why, never a silently closed connection.
 */
final class RequestDispatcher {

  private static final byte[] CLIENT = {'c', 'l', 'i', 'e', 'n', 't'};
  private static final byte[] SETINFO = {'s', 'e', 't', 'i', 'n', 'f', 'o'};

  private final CommandTable table;
  private final Coordinator coordinator;
  private final Map<String, LocalCommand> local;

  RequestDispatcher(CommandTable table, Coordinator coordinator, Map<String, LocalCommand> local) {
    this.table = table;
    this.coordinator = coordinator;
    this.local = local;
  }

  CommandTable table() {
    return table;
  }

  Future<Reply> dispatch(RespRequest request, ClientConnection client) {
    CommandInfo info;
    try {
      info = table.resolve(request);
    } catch (RespError e) {
      if (isClientSetinfo(request)) {
        return local.get("client").run(request, null, client);
      }
      // Commands that are not Redis's (Dynomite's DYNO_CONFIG:…) are looked up only when Redis's
      // table does not know the name, so the common path allocates nothing.
      LocalCommand extra = local.get(request.commandName());
      return extra != null ? extra.run(request, null, client) : Future.succeededFuture(e);
    }
    if (!info.isSupported()) {
      return Future.succeededFuture(CommandErrors.unsupported(info));
    }
    LocalCommand own = local.get(info.isSubcommand() ? info.containerName() : info.name());
    if (own != null) {
      return own.run(request, info, client);
    }
    return coordinator.execute(request, info, client.session());
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
