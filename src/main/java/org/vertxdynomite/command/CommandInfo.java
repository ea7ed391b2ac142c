package org.vertxdynomite.command;

import org.vertxdynomite.resp.RespRequest;

/**
 * Facts about one Redis command, taken from the generated command table: arity, flags, where its
 * keys are, and whether this node supports it.
 *
 * <p>Placeholder shape; the command table issue fills in flags and key specs. Public methods are
 * the contract the rest of the node uses.
 */
public final class CommandInfo {

  private final String name;
  private final int arity;
  private final boolean write;
  private final int firstKey;
  private final int lastKey;
  private final int step;

  public CommandInfo(String name, int arity, boolean write, int firstKey, int lastKey, int step) {
    this.name = name;
    this.arity = arity;
    this.write = write;
    this.firstKey = firstKey;
    this.lastKey = lastKey;
    this.step = step;
  }

  /** Lower-case command name, e.g. {@code get}. */
  public String name() {
    return name;
  }

  /** Redis's arity: positive means exactly that many arguments, negative at least -arity. */
  public int arity() {
    return arity;
  }

  /** Whether {@code argc} (command name included) satisfies the arity. */
  public boolean arityOk(int argc) {
    return arity >= 0 ? argc == arity : argc >= -arity;
  }

  public boolean isWrite() {
    return write;
  }

  /** Argument indexes of the keys in {@code request}, in order. */
  public int[] keyPositions(RespRequest request) {
    if (firstKey <= 0) {
      return new int[0];
    }
    int last = lastKey < 0 ? request.argc() + lastKey : lastKey;
    int n = last < firstKey ? 0 : (last - firstKey) / step + 1;
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = firstKey + i * step;
    }
    return keys;
  }
}
