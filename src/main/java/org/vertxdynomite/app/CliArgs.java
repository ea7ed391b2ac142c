package org.vertxdynomite.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line, with Dynomite's options: {@code -c/--conf-file}, {@code -t/--test-conf},
 * {@code -h/--help}, {@code -V/--version}, {@code -p/--pid-file}, {@code -v/--verbosity}.
 *
 * @param confFile the configuration file ({@value #DEFAULT_CONF_FILE} when not given)
 * @param testConf validate the configuration and exit
 * @param help print usage and exit
 * @param version print the version and exit
 * @param pidFile where to write the process id, if anywhere
 * @param verbosity Dynomite's log level 0..11 (default 5 = notice); maps to JUL levels
 */
public record CliArgs(Path confFile, boolean testConf, boolean help, boolean version,
    Optional<Path> pidFile, int verbosity) {

  public static final String DEFAULT_CONF_FILE = "conf/dynomite.yml";
  public static final int DEFAULT_VERBOSITY = 5;

  /** Thrown for an option that does not exist or lacks its value; the message says which. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  public static CliArgs parse(String... args) throws UsageException {
    Path conf = Path.of(DEFAULT_CONF_FILE);
    boolean test = false;
    boolean help = false;
    boolean version = false;
    Optional<Path> pid = Optional.empty();
    int verbosity = DEFAULT_VERBOSITY;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        inline = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "-h", "--help" -> help = true;
        case "-V", "--version" -> version = true;
        case "-t", "--test-conf" -> test = true;
        case "-c", "--conf-file" -> {
          conf = Path.of(inline != null ? inline : value(args, ++i, a));
        }
        case "-p", "--pid-file" -> pid = Optional.of(Path.of(inline != null ? inline : value(args, ++i, a)));
        case "-v", "--verbosity" -> {
          String v = inline != null ? inline : value(args, ++i, a);
          try {
            verbosity = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new UsageException("option '" + a + "' takes a number 0..11, not '" + v + "'");
          }
          if (verbosity < 0 || verbosity > 11) {
            throw new UsageException("option '" + a + "' takes a number 0..11, not '" + v + "'");
          }
        }
        case "-d", "--daemonize" ->
            throw new UsageException("option '" + a + "' is not supported: run the node under a service manager");
        default -> throw new UsageException("invalid option '" + args[i] + "'");
      }
    }
    return new CliArgs(conf, test, help, version, pid, verbosity);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException("option '" + option + "' requires a value");
    }
    return args[i];
  }

  /** The usage text printed by {@code -h}. */
  public static String usage() {
    return String.join("\n",
        "Usage: java -jar vertx-dynomite.jar [-?hVt] [-v verbosity] [-c conf-file] [-p pid-file]",
        "",
        "Options:",
        "  -h, --help             : this help",
        "  -V, --version          : show version and exit",
        "  -t, --test-conf        : test configuration for syntax errors and exit",
        "  -v, --verbosity=N      : set logging level (default: " + DEFAULT_VERBOSITY + ", min: 0, max: 11)",
        "  -c, --conf-file=S      : set configuration file (default: " + DEFAULT_CONF_FILE + ")",
        "  -p, --pid-file=S       : set pid file (default: off)",
        "");
  }
}
