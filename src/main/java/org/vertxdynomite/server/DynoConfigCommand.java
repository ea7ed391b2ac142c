package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.Map;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * Dynomite's {@code DYNO_CONFIG:CONN_CONSISTENCY <level>}: sets this connection's read and write
 * consistency (DC_ONE, DC_QUORUM, DC_SAFE_QUORUM, DC_EACH_SAFE_QUORUM, any case) over the node's.
 * A bad level is an error and the connection is kept, with its levels unchanged.
 */
final class DynoConfigCommand {

  static final String NAME = "dyno_config:conn_consistency";

  private DynoConfigCommand() {}

  static void register(Map<String, LocalCommand> table) {
    table.put(NAME, (req, info, c) -> ConnectionCommands.done(run(req, c)));
  }

  private static Reply run(RespRequest req, ClientConnection c) {
    if (req.argc() != 2) {
      return RespError.err("wrong number of arguments for '" + NAME + "' command");
    }
    Consistency level;
    try {
      level = Consistency.parse(req.argString(1));
    } catch (IllegalArgumentException e) {
      return RespError.err("Dynomite: invalid consistency level '" + req.argString(1)
          + "': expected DC_ONE, DC_QUORUM, DC_SAFE_QUORUM or DC_EACH_SAFE_QUORUM");
    }
    c.session().consistency(level);
    return Replies.OK;
  }
}
