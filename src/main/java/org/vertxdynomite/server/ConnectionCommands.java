package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.Map;
import java.util.OptionalLong;
import org.vertxdynomite.Version;
import org.vertxdynomite.command.CommandErrors;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.coordinator.Session;
import org.vertxdynomite.resp.RedisNumbers;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * The commands clients send about their own connection: PING, ECHO, QUIT, RESET, SELECT, HELLO.
 * Replies and error texts are redis-server 7.0's; the node keeps one database and speaks RESP2.
 */
final class ConnectionCommands {

  static final RespError NOT_AN_INTEGER = RespError.err("value is not an integer or out of range");
  static final RespError NOPROTO = new RespError("NOPROTO unsupported protocol version");
  static final RespError BAD_PROTOCOL_VERSION = RespError.err("Protocol version is not an integer or out of range");
  static final RespError WRONGPASS =
      new RespError("WRONGPASS invalid username-password pair or user is disabled.");
  static final Reply RESET = Replies.simple("RESET");

  private ConnectionCommands() {}

  /** Adds these commands to {@code table}. */
  static void register(Map<String, LocalCommand> table) {
    table.put("ping", ConnectionCommands::ping);
    table.put("echo", (req, info, c) -> done(Replies.bulk(req.arg(1))));
    table.put("quit", ConnectionCommands::quit);
    table.put("reset", ConnectionCommands::reset);
    table.put("select", ConnectionCommands::select);
    table.put("hello", ConnectionCommands::hello);
  }

  static Future<Reply> done(Reply reply) {
    return Future.succeededFuture(reply);
  }

  private static Future<Reply> ping(RespRequest req, CommandInfo info, ClientConnection c) {
    if (req.argc() > 2) {
      return done(CommandErrors.wrongArity(info));
    }
    return done(req.argc() == 2 ? Replies.bulk(req.arg(1)) : Replies.PONG);
  }

  private static Future<Reply> quit(RespRequest req, CommandInfo info, ClientConnection c) {
    c.closeAfterReply();
    return done(Replies.OK);
  }

  /** RESET: back to a new connection's state (no name). */
  private static Future<Reply> reset(RespRequest req, CommandInfo info, ClientConnection c) {
    Session s = c.session();
    s.name(null);
    return done(RESET);
  }

  /** Only database 0 exists: other indexes get an error saying so. */
  private static Future<Reply> select(RespRequest req, CommandInfo info, ClientConnection c) {
    OptionalLong db = RedisNumbers.parseLong(req.arg(1));
    if (db.isEmpty() || db.getAsLong() > Integer.MAX_VALUE || db.getAsLong() < Integer.MIN_VALUE) {
      return done(NOT_AN_INTEGER);
    }
    return done(db.getAsLong() == 0 ? Replies.OK : CommandErrors.nonZeroDatabase(info));
  }

  /** HELLO [protover [AUTH username password] [SETNAME clientname]]; only RESP2 is spoken. */
  private static Future<Reply> hello(RespRequest req, CommandInfo info, ClientConnection c) {
    Session s = c.session();
    if (req.argc() >= 2) {
      OptionalLong ver = RedisNumbers.parseLong(req.arg(1));
      if (ver.isEmpty() || ver.getAsLong() > Integer.MAX_VALUE || ver.getAsLong() < Integer.MIN_VALUE) {
        return done(BAD_PROTOCOL_VERSION);
      }
      if (ver.getAsLong() != 2) {
        return done(NOPROTO);
      }
    }
    String newName = null;
    for (int i = 2; i < req.argc(); i++) {
      String opt = req.argString(i);
      if (opt.equalsIgnoreCase("AUTH") && i + 2 < req.argc()) {
        // No password is configured: like Redis's default user with nopass, only "default" exists.
        if (!req.argString(i + 1).equals("default")) {
          return done(WRONGPASS);
        }
        i += 2;
      } else if (opt.equalsIgnoreCase("SETNAME") && i + 1 < req.argc()) {
        newName = req.argString(i + 1);
        RespError bad = ClientCommand.checkName(newName);
        if (bad != null) {
          return done(bad);
        }
        i++;
      } else {
        return done(RespError.err("Syntax error in HELLO option '" + opt + "'"));
      }
    }
    if (newName != null) {
      s.name(newName.isEmpty() ? null : newName);
    }
    return done(Replies.array(
        Replies.bulk("server"), Replies.bulk("redis"),
        Replies.bulk("version"), Replies.bulk(Version.REDIS_COMPATIBLE),
        Replies.bulk("proto"), Replies.integer(2),
        Replies.bulk("id"), Replies.integer(s.id()),
        Replies.bulk("mode"), Replies.bulk("standalone"),
        Replies.bulk("role"), Replies.bulk("master"),
        Replies.bulk("modules"), Replies.EMPTY_ARRAY));
  }
}
