package org.vertxdynomite.server;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vertxdynomite.command.CommandFlag;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.command.KeySpec;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * COMMAND and its COUNT, LIST, INFO, DOCS and GETKEYS subcommands, answered from the command table.
 *
 * <p>COMMAND, COUNT and LIST describe what this node runs: the supported commands (a container
 * counts when one of its subcommands is supported). INFO renders an entry exactly in Redis 7.0's
 * shape, so clients that learn key positions from it (cluster-aware clients do) get Redis's
 * answer. DOCS answers with no documentation: the table does not carry argument lists.
 */
final class CommandCommand {

  private final CommandTable table;
  private final List<CommandInfo> offered;

  CommandCommand(CommandTable table) {
    this.table = table;
    List<CommandInfo> list = new ArrayList<>();
    for (CommandInfo c : table.topLevelCommands()) {
      if (c.isSupported() || c.subcommands().stream().anyMatch(CommandInfo::isSupported)) {
        list.add(c);
      }
    }
    this.offered = List.copyOf(list);
  }

  void register(Map<String, LocalCommand> local) {
    local.put("command", this::run);
  }

  private Future<Reply> run(RespRequest req, CommandInfo info, ClientConnection c) {
    if (!info.isSubcommand()) {
      return done(Replies.array(offered.stream().map(CommandCommand::entry).toList()));
    }
    switch (info.subcommandName()) {
      case "count":
        return done(Replies.integer(offered.size()));
      case "list":
        return done(list(req));
      case "info":
        return done(infoOf(req, 2));
      case "docs":
        return done(Replies.EMPTY_ARRAY);
      case "getkeys":
        return done(getKeys(req));
      case "help":
        return done(Replies.array(List.of(
            Replies.simple("COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"),
            Replies.simple("(no subcommand)"), Replies.simple("    Return details about all commands this node runs."),
            Replies.simple("COUNT"), Replies.simple("    Return the number of commands this node runs."),
            Replies.simple("GETKEYS <full-command>"), Replies.simple("    Return the keys from a full command."),
            Replies.simple("INFO [<command-name> ...]"), Replies.simple("    Return details about those commands."),
            Replies.simple("LIST"), Replies.simple("    Return the names of the commands this node runs."),
            Replies.simple("HELP"), Replies.simple("    Print this help."))));
      default:
        throw new IllegalStateException("COMMAND " + info.subcommandName() + " is marked supported but has no handler");
    }
  }

  private Reply list(RespRequest req) {
    if (req.argc() != 2) {
      return RespError.err("syntax error");
    }
    List<Reply> names = new ArrayList<>();
    for (CommandInfo c : offered) {
      names.add(Replies.bulk(c.name()));
    }
    return Replies.array(names);
  }

  private Reply infoOf(RespRequest req, int from) {
    if (req.argc() == from) {
      return Replies.array(offered.stream().map(CommandCommand::entry).toList());
    }
    List<Reply> out = new ArrayList<>();
    for (int i = from; i < req.argc(); i++) {
      CommandInfo c = table.lookup(req.argString(i));
      out.add(c == null || c.isSubcommand() ? Replies.NULL_ARRAY : entry(c));
    }
    return Replies.array(out);
  }

  private Reply getKeys(RespRequest req) {
    byte[][] inner = new byte[req.argc() - 2][];
    for (int i = 2; i < req.argc(); i++) {
      inner[i - 2] = req.arg(i);
    }
    RespRequest command = new RespRequest(inner);
    try {
      int[] keys = table.getKeys(command);
      List<Reply> out = new ArrayList<>(keys.length);
      for (int k : keys) {
        out.add(Replies.bulk(command.arg(k)));
      }
      return Replies.array(out);
    } catch (RespError e) {
      return e;
    }
  }

  /** A COMMAND INFO entry in Redis 7.0's shape (ten fields). */
  static Reply entry(CommandInfo c) {
    List<Reply> flags = new ArrayList<>();
    for (CommandFlag f : c.flags()) {
      flags.add(Replies.simple(f.wireName()));
    }
    List<Reply> categories = new ArrayList<>();
    for (String cat : c.aclCategories()) {
      categories.add(Replies.simple("@" + cat));
    }
    List<Reply> tips = new ArrayList<>();
    for (String t : c.tips()) {
      tips.add(Replies.bulk(t));
    }
    List<Reply> specs = new ArrayList<>();
    for (KeySpec s : c.keySpecs()) {
      specs.add(keySpec(s));
    }
    List<Reply> subs = new ArrayList<>();
    for (CommandInfo sub : c.subcommands()) {
      subs.add(entry(sub));
    }
    return Replies.array(
        Replies.bulk(c.name()), Replies.integer(c.arity()), Replies.array(flags),
        Replies.integer(c.firstKey()), Replies.integer(c.lastKey()), Replies.integer(c.keyStep()),
        Replies.array(categories), Replies.array(tips), Replies.array(specs), Replies.array(subs));
  }

  private static Reply keySpec(KeySpec s) {
    List<Reply> out = new ArrayList<>();
    if (s.notes() != null && !s.notes().isEmpty()) {
      out.add(Replies.bulk("notes"));
      out.add(Replies.bulk(s.notes()));
    }
    out.add(Replies.bulk("flags"));
    out.add(Replies.array(s.flags().stream().map(Replies::simple).toList()));
    out.add(Replies.bulk("begin_search"));
    out.add(begin(s.begin()));
    out.add(Replies.bulk("find_keys"));
    out.add(find(s.find()));
    return Replies.array(out);
  }

  private static Reply begin(KeySpec.BeginSearch b) {
    if (b instanceof KeySpec.Index i) {
      return typed("index", Replies.array(Replies.bulk("index"), Replies.integer(i.pos())));
    }
    if (b instanceof KeySpec.Keyword k) {
      return typed("keyword", Replies.array(Replies.bulk("keyword"), Replies.bulk(k.keyword()),
          Replies.bulk("startfrom"), Replies.integer(k.startFrom())));
    }
    return typed("unknown", Replies.EMPTY_ARRAY);
  }

  private static Reply find(KeySpec.FindKeys f) {
    if (f instanceof KeySpec.Range r) {
      return typed("range", Replies.array(Replies.bulk("lastkey"), Replies.integer(r.lastKey()),
          Replies.bulk("keystep"), Replies.integer(r.step()), Replies.bulk("limit"), Replies.integer(r.limit())));
    }
    if (f instanceof KeySpec.KeyNum k) {
      return typed("keynum", Replies.array(Replies.bulk("keynumidx"), Replies.integer(k.keyNumIndex()),
          Replies.bulk("firstkey"), Replies.integer(k.firstKey()), Replies.bulk("keystep"), Replies.integer(k.step())));
    }
    return typed("unknown", Replies.EMPTY_ARRAY);
  }

  private static Reply typed(String type, Reply spec) {
    return Replies.array(Replies.bulk("type"), Replies.bulk(type), Replies.bulk("spec"), spec);
  }

  private static Future<Reply> done(Reply r) {
    return ConnectionCommands.done(r);
  }
}
