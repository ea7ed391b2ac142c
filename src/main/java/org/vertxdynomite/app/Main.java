package org.vertxdynomite.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.vertxdynomite.Version;
import org.vertxdynomite.config.ConfigException;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.NodeConfig;

/**
 * {@code java -jar vertx-dynomite.jar [-c conf/dynomite.yml] [-t] [-h] [-V] [-v N] [-p pid-file]}.
 *
 * <p>Exit codes: 0 after {@code -h}, {@code -V} or a valid {@code -t}; 1 for a bad option or
 * configuration, or a node that fails to start. A running node stops on SIGTERM/SIGINT.
 */
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    // First thing: the node's start-up line counts from the JVM's start.
    StartupPhases startup = StartupPhases.sinceJvmStart();
    startup.mark("jvm");
    int code = run(args, System.out, System.err, startup);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the exit code, or -1 when a node was started and keeps running. */
  static int run(String[] args, PrintStream out, PrintStream err, StartupPhases startup) {
    CliArgs cli;
    try {
      cli = CliArgs.parse(args);
    } catch (CliArgs.UsageException e) {
      err.println("dynomite: " + e.getMessage());
      err.println(CliArgs.usage());
      return 1;
    }
    if (cli.help()) {
      out.println(CliArgs.usage());
      return 0;
    }
    if (cli.version()) {
      out.println("This is vertx-dynomite-" + Version.NODE + " (Redis " + Version.REDIS_COMPATIBLE + " compatible)");
      return 0;
    }
    NodeConfig config;
    try {
      config = ConfigLoader.loadBlocking(cli.confFile(), System.getenv());
    } catch (ConfigException e) {
      err.println("dynomite: configuration file '" + cli.confFile() + "' syntax is invalid");
      e.problems().forEach(p -> err.println("dynomite: " + p));
      return 1;
    }
    if (cli.testConf()) {
      out.println("dynomite: configuration file '" + cli.confFile() + "' syntax is ok");
      return 0;
    }
    Logging.configure(cli.verbosity());
    config.ignoredKeys().forEach(k -> LOG.info("configuration key '" + k + "' has no effect in this implementation"));
    if (cli.pidFile().isPresent()) {
      try {
        Files.writeString(cli.pidFile().get(), ProcessHandle.current().pid() + "\n");
      } catch (IOException e) {
        err.println("dynomite: cannot write pid file '" + cli.pidFile().get() + "': " + e.getMessage());
        return 1;
      }
    }
    Node node;
    try {
      startup.mark("config");
      node = Node.start(config, Node.clusterOptions(config), startup).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("dynomite: node failed to start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop().await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warning("node did not stop cleanly: " + e.getMessage());
      }
      cli.pidFile().ifPresent(p -> p.toFile().delete());
    }, "dynomite-shutdown"));
    return -1;
  }
}
