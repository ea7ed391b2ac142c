package org.vertxdynomite.datastore.embedded;

import java.util.HashMap;
import java.util.Map;
import org.vertxdynomite.command.ByteNameMap;

/** The embedded store's dispatch table: command name (any letter case) → {@link CommandSpec}. */
final class CommandTable {

  private final ByteNameMap<CommandSpec> specs;

  private CommandTable(Map<String, CommandSpec> specs) {
    this.specs = ByteNameMap.of(specs.values(), CommandSpec::name);
  }

  /** The table with every command group registered. */
  static CommandTable standard() {
    Builder b = new Builder();
    KeyCommands.register(b);
    ExpireCommands.register(b);
    ScanCommands.register(b);
    DumpCommands.register(b);
    StringCommands.register(b);
    CounterCommands.register(b);
    BitCommands.register(b);
    BitfieldCommand.register(b);
    HllCommands.register(b);
    LcsCommand.register(b);
    HashCommands.register(b);
    SetCommands.register(b);
    SetAlgebraCommands.register(b);
    ListCommands.register(b);
    ListMoveCommands.register(b);
    ZSetCommands.register(b);
    ZRangeCommands.register(b);
    ZSetAlgebraCommands.register(b);
    ZPopCommands.register(b);
    return b.build();
  }

  /**
   * The row named {@code name} (a request's argument 0, in any ASCII letter case), or null; looked
   * up by the raw bytes, so no String is made per request.
   */
  CommandSpec get(byte[] name) {
    return specs.get(name);
  }

  /** Collects rows; each command group adds its own. */
  static final class Builder {
    private final Map<String, CommandSpec> specs = new HashMap<>();

    Builder add(String name, int arity, int flags, Handler h) {
      return put(new CommandSpec(name, arity, flags, h, null));
    }

    Builder addBlocking(String name, int arity, int flags, BlockingHandler h) {
      return put(new CommandSpec(name, arity, flags, null, h));
    }

    private Builder put(CommandSpec s) {
      if (specs.putIfAbsent(s.name(), s) != null) {
        throw new IllegalStateException("command registered twice: " + s.name());
      }
      return this;
    }

    CommandTable build() {
      return new CommandTable(specs);
    }
  }
}
