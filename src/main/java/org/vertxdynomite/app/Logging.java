package org.vertxdynomite.app;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sets up java.util.logging (what Vert.x logs through) from Dynomite's verbosity level. */
final class Logging {

  private Logging() {}

  /**
   * Maps Dynomite's levels (0 emerg … 3 error, 4 warn, 5 notice, 6 info, 7 debug, 8+ verbose) to
   * JUL levels; Hazelcast stays at WARNING unless debugging, as its INFO output is very chatty.
   */
  static Level level(int verbosity) {
    if (verbosity <= 3) {
      return Level.SEVERE;
    }
    if (verbosity == 4) {
      return Level.WARNING;
    }
    if (verbosity <= 6) {
      return Level.INFO;
    }
    if (verbosity == 7) {
      return Level.FINE;
    }
    return verbosity == 8 ? Level.FINER : Level.FINEST;
  }

  static void configure(int verbosity) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "[%1$tF %1$tT.%1$tL] %4$-7s %3$s: %5$s%6$s%n");
    LogManager.getLogManager().reset();
    Level level = level(verbosity);
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(level);
    console.setFormatter(new SimpleFormatter());
    Logger root = Logger.getLogger("");
    root.setLevel(level);
    root.addHandler(console);
    Logger.getLogger("com.hazelcast").setLevel(verbosity >= 7 ? level : Level.WARNING);
    Logger.getLogger("io.netty").setLevel(verbosity >= 8 ? level : Level.INFO);
  }
}
