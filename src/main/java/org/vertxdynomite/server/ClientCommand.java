package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.coordinator.Session;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * CLIENT ID, SETNAME, GETNAME, SETINFO, INFO, LIST and HELP, about this node's client connections.
 *
 * <p>SETINFO is Redis 7.2's; clients such as Jedis 5 and Lettuce 6.5 send it on connect, so it is
 * answered here although the 7.0 command table has no entry for it. Which other subcommands are
 * refused, and why, is the command table's business.
 */
final class ClientCommand {

  static final RespError BAD_NAME =
      RespError.err("Client names cannot contain spaces, newlines or special characters.");

  private static final List<String> HELP = List.of(
      "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "GETNAME",
      "    Return the name of the current connection.",
      "ID",
      "    Return the ID of the current connection.",
      "INFO",
      "    Return information about the current client connection.",
      "LIST",
      "    Return information about the client connections of this node.",
      "SETINFO <LIB-NAME|LIB-VER> <value>",
      "    Set the client library name or version.",
      "SETNAME <name>",
      "    Assign the name <name> to the current connection.",
      "HELP",
      "    Print this help.");

  private final NodeStats stats;

  ClientCommand(NodeStats stats) {
    this.stats = stats;
  }

  void register(Map<String, LocalCommand> table) {
    table.put("client", this::run);
  }

  /** Redis's rule: a name is printable ASCII without spaces; null when {@code name} is valid. */
  static RespError checkName(String name) {
    return printable(name) ? null : BAD_NAME;
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '!' || ch > '~') {
        return false;
      }
    }
    return true;
  }

  private Future<Reply> run(RespRequest req, CommandInfo info, ClientConnection c) {
    if (info == null) {
      return setInfo(req, c.session());
    }
    Session s = c.session();
    switch (info.subcommandName()) {
      case "id":
        return done(Replies.integer(s.id()));
      case "getname":
        return done(Replies.bulk(s.name()));
      case "setname": {
        String name = req.argString(2);
        if (!printable(name)) {
          return done(BAD_NAME);
        }
        s.name(name.isEmpty() ? null : name);
        return done(Replies.OK);
      }
      case "info":
        return done(Replies.bulk(describe(c) + "\n"));
      case "list":
        return list(req);
      case "help":
        return done(Replies.array(HELP.stream().map(Replies::simple).toList()));
      default:
        throw new IllegalStateException("CLIENT " + info.subcommandName() + " is marked supported but has no handler");
    }
  }

  private static Future<Reply> setInfo(RespRequest req, Session s) {
    if (req.argc() != 4) {
      return done(RespError.err("wrong number of arguments for 'client|setinfo' command"));
    }
    String attr = req.argString(2).toLowerCase(Locale.ROOT);
    String value = req.argString(3);
    if (!attr.equals("lib-name") && !attr.equals("lib-ver")) {
      return done(RespError.err("Unrecognized option '" + req.argString(2) + "'"));
    }
    if (!printable(value)) {
      return done(RespError.err(attr + " cannot contain spaces, newlines or special characters."));
    }
    if (attr.equals("lib-name")) {
      s.libName(value);
    } else {
      s.libVersion(value);
    }
    return done(Replies.OK);
  }

  private Future<Reply> list(RespRequest req) {
    if (req.argc() != 2) {
      return done(RespError.err("syntax error"));
    }
    StringBuilder sb = new StringBuilder();
    for (ClientConnection other : stats.connections()) {
      sb.append(describe(other)).append('\n');
    }
    return done(Replies.bulk(sb.toString()));
  }

  private static Future<Reply> done(Reply r) {
    return ConnectionCommands.done(r);
  }

  /** One line of CLIENT LIST / CLIENT INFO, with the fields that mean something here. */
  private static String describe(ClientConnection c) {
    Session s = c.session();
    long age = (System.currentTimeMillis() - c.connectedMillis()) / 1000;
    return "id=" + s.id()
        + " addr=" + c.socket().remoteAddress()
        + " laddr=" + c.socket().localAddress()
        + " name=" + (s.name() == null ? "" : s.name())
        + " age=" + age
        + " db=0 resp=2"
        + " lib-name=" + (s.libName() == null ? "" : s.libName())
        + " lib-ver=" + (s.libVersion() == null ? "" : s.libVersion());
  }
}
