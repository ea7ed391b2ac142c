package org.vertxdynomite.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, each one line naming the full key
 * path (or environment variable), the bad value and what was expected, e.g.
 *
 * <pre>
 * dyn_o_mite.listen: '127.0.0.1:70000' is not a valid host:port (port must be 1..65535)
 * dyn_o_mite.foo: unknown key
 * env DYNOMITE_READ_CONSISTENCY: 'dc_two' is not a valid consistency level (must be one of ...)
 * </pre>
 *
 * <p>The message is the problems joined by newlines.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** An exception with a single problem. */
  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, one line each: bad keys and values in file order, then conflicts between keys. */
  public List<String> problems() {
    return problems;
  }
}
