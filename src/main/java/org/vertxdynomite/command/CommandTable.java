package org.vertxdynomite.command;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * Every Redis 7.0 command and subcommand with its facts and this node's support decision, loaded
 * once from the generated {@code commands.json} and the hand-maintained {@code command-support.tsv}
 * (resources of this package). Immutable and safe to share between event loops.
 *
 * <p>Lookups go from the raw bytes of the request's name, in any letter case, without allocating.
 */
public final class CommandTable {

  private static final class Holder {
    static final CommandTable INSTANCE = new CommandTable(
        CommandTableLoader.resource(CommandTableLoader.COMMANDS_RESOURCE),
        CommandTableLoader.resource(CommandTableLoader.SUPPORT_RESOURCE));
  }

  private final ByteNameMap<CommandInfo> commands;
  private final List<CommandInfo> all;
  private final String source;

  CommandTable(String commandsJson, String supportTsv) {
    SupportPolicy policy = SupportPolicy.parse(supportTsv);
    this.commands = ByteNameMap.of(CommandTableLoader.load(commandsJson, policy), CommandInfo::name);
    List<CommandInfo> flat = new ArrayList<>();
    for (CommandInfo c : commands.values()) {
      flat.add(c);
      flat.addAll(c.subcommands());
    }
    flat.sort(Comparator.comparing(CommandInfo::name));
    this.all = List.copyOf(flat);
    this.source = new JsonObject(commandsJson).getString("source", "");
  }

  /** The table built into this node (loaded on first use). */
  public static CommandTable get() {
    return Holder.INSTANCE;
  }

  /**
   * The command {@code request} names: for a container (CLIENT, OBJECT …) with at least one more
   * argument, the subcommand that argument names. Null when the command, or the subcommand, is
   * unknown. Arity is not checked.
   */
  public CommandInfo lookup(RespRequest request) {
    CommandInfo c = commands.get(request.arg(0));
    if (c != null && c.isContainer() && request.argc() > 1) {
      return c.subcommand(request.arg(1));
    }
    return c;
  }

  /** The command or subcommand named {@code name} ({@code get}, {@code CLIENT|SETNAME}), or null. */
  public CommandInfo lookup(String name) {
    int bar = name.indexOf('|');
    if (bar < 0) {
      return commands.get(name);
    }
    CommandInfo c = commands.get(name.substring(0, bar));
    return c == null ? null : c.subcommand(name.substring(bar + 1).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The command {@code request} names, checked as Redis checks it before running anything: it must
   * exist and have the right number of arguments. Whether this node supports it is left to the
   * caller ({@link CommandInfo#isSupported()}, {@link CommandErrors#unsupported(CommandInfo)}).
   *
   * @throws RespError Redis's own reply: unknown command, unknown subcommand, or wrong number of
   *     arguments
   */
  public CommandInfo resolve(RespRequest request) {
    CommandInfo c = commands.get(request.arg(0));
    if (c == null) {
      throw CommandErrors.unknownCommand(request);
    }
    if (c.isContainer() && request.argc() > 1) {
      CommandInfo sub = c.subcommand(request.arg(1));
      if (sub == null) {
        throw CommandErrors.unknownSubcommand(request);
      }
      c = sub;
    }
    if (!c.arityOk(request.argc())) {
      throw CommandErrors.wrongArity(c);
    }
    return c;
  }

  /**
   * The key positions of {@code command}, answering {@code COMMAND GETKEYS <command…>} as Redis
   * does (positions index {@code command}, not the COMMAND GETKEYS request).
   *
   * @throws RespError Redis's COMMAND GETKEYS errors: invalid command, no key arguments, invalid
   *     number of arguments, invalid arguments
   */
  public int[] getKeys(RespRequest command) {
    CommandInfo c = lookup(command);
    if (c == null) {
      throw CommandErrors.INVALID_COMMAND_SPECIFIED;
    }
    if (!c.hasKeyArguments()) {
      throw CommandErrors.NO_KEY_ARGUMENTS;
    }
    if (!c.arityOk(command.argc())) {
      throw CommandErrors.INVALID_NUMBER_OF_ARGUMENTS;
    }
    int[] keys = c.keyPositions(command);
    if (keys.length == 0 && !c.hasFlag(CommandFlag.NO_MANDATORY_KEYS)) {
      throw CommandErrors.INVALID_ARGUMENTS;
    }
    return keys;
  }

  /** Every command and subcommand (containers included), sorted by name. */
  public List<CommandInfo> commands() {
    return all;
  }

  /** The top-level commands, as COMMAND COUNT counts them, sorted by name. */
  public List<CommandInfo> topLevelCommands() {
    return commands.values();
  }

  /** Where the table came from, e.g. "COMMAND and COMMAND DOCS of redis-server 7.0.15". */
  public String source() {
    return source;
  }
}
