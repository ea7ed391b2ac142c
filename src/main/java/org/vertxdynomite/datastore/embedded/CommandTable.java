package org.vertxdynomite.datastore.embedded;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The embedded store's dispatch table: lower-case command name → {@link CommandSpec}. */
final class CommandTable {

  private final Map<String, CommandSpec> specs;

  private CommandTable(Map<String, CommandSpec> specs) {
    this.specs = Collections.unmodifiableMap(specs);
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

  CommandSpec get(String lowerName) {
    return specs.get(lowerName);
  }

  Set<String> names() {
    return specs.keySet();
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
