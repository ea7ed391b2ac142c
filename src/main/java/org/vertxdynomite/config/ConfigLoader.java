package org.vertxdynomite.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a node's configuration: Dynomite's own {@code dynomite.yml}, unchanged, through
 * vertx-config's YAML file store, then the {@code DYNOMITE_<KEY>} environment variables on top.
 *
 * <p>Every failure is a {@link ConfigException}: a missing or unreadable file (naming the path), a
 * file that is not YAML, or a configuration with bad values (one line per problem).
 */
public final class ConfigLoader {

  /** How long {@link #loadBlocking} waits for the file. */
  private static final long BLOCKING_TIMEOUT_SECONDS = 30;

  private ConfigLoader() {}

  /**
   * Reads {@code file} and overlays {@code env} (pass {@code System.getenv()} in production).
   *
   * @return the validated configuration, or a failure holding a {@link ConfigException}
   */
  public static Future<NodeConfig> load(Vertx vertx, Path file, Map<String, String> env) {
    String path = file.toString();
    return vertx.fileSystem().props(path)
        .recover(err -> Future.failedFuture(new ConfigException(path + ": "
            + (rootCause(err) instanceof NoSuchFileException ? "configuration file not found"
                : "cannot be read: " + rootCause(err).getMessage()))))
        .compose(props -> props.isDirectory()
            ? Future.failedFuture(new ConfigException(path + ": is a directory, not a configuration file"))
            : retrieve(vertx, path))
        .map(document -> fromYamlRoot(document, env));
  }

  /**
   * The synchronous form of {@link #load}, for the CLI's {@code -t}: runs on a Vert.x instance of
   * its own, closed before returning. Not for use on an event loop.
   *
   * @throws ConfigException if the configuration cannot be used
   */
  public static NodeConfig loadBlocking(Path file, Map<String, String> env) {
    Vertx vertx = Vertx.vertx();
    try {
      return load(vertx, file, env).await(BLOCKING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ConfigException(file + ": not read within " + BLOCKING_TIMEOUT_SECONDS + " s");
    } finally {
      closeQuietly(vertx);
    }
  }

  /**
   * Maps an already parsed yml document (what the YAML store yields: a JSON object with one root
   * key) and overlays {@code env}. Pure: no file, no Vert.x instance.
   *
   * @throws ConfigException listing every problem
   */
  public static NodeConfig fromYamlRoot(JsonObject document, Map<String, String> env) {
    return DynomiteYaml.map(document, env);
  }

  private static Future<JsonObject> retrieve(Vertx vertx, String path) {
    ConfigStoreOptions store = new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setConfig(new JsonObject().put("path", path));
    // One store, read once: no default stores, no periodic rescan.
    ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .setScanPeriod(0)
        .addStore(store));
    return retriever.getConfig()
        .andThen(done -> retriever.close())
        .recover(err -> Future.failedFuture(new ConfigException(path + ": " + reason(err))));
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().await(BLOCKING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      // Closing only frees threads; the outcome of the load is what matters.
    }
  }

  private static String reason(Throwable err) {
    // The YAML processor reports a top level that is not a mapping as a ClassCastException.
    if (err instanceof DecodeException && err.getCause() instanceof ClassCastException) {
      return "the top level must be a mapping with one root key, e.g. dyn_o_mite:";
    }
    // SnakeYAML's messages span several lines; a problem is one line.
    return "cannot be read as YAML: " + String.valueOf(rootCause(err).getMessage()).replaceAll("\\s+", " ").trim();
  }

  private static Throwable rootCause(Throwable err) {
    Throwable cause = err;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
