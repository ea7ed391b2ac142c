package org.vertxdynomite.datastore;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.resp.Reply;

/**
 * The one datastore a node fronts: a Redis server or the embedded in-JVM store.
 *
 * <p>{@link #execute} runs one data command and completes with the reply a RESP2 client of Redis
 * would get. A Redis error reply (WRONGTYPE, syntax…) is a <em>successful</em> future holding a
 * {@link org.vertxdynomite.resp.RespError}; a failed future means the datastore itself could not
 * answer (unreachable, timed out) and carries a {@link org.vertxdynomite.resp.RespError} whose text
 * starts {@code ERR Storage: …}.
 *
 * <p>Implementations never block the calling event loop and may be called from any context.
 */
public interface Datastore {

  /** Connects (or prepares) the store. */
  Future<Void> start();

  /**
   * Runs {@code request}, whose command facts are {@code info} (they must describe this very
   * request: a rewritten request carries its own). Requests given the same
   * {@code orderKey} (one client connection's, say) are executed in the order they were issued;
   * others may overtake each other.
   */
  Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey);

  /** {@link #execute(RespRequest, CommandInfo, long)} for requests with no ordering constraint. */
  default Future<Reply> execute(RespRequest request, CommandInfo info) {
    return execute(request, info, 0);
  }

  /**
   * Runs a blocking command (BLPOP, BZPOPMIN …) so that its wait holds up no other request, and
   * gives up waiting once {@code cancelled} completes (the client went away).
   */
  default Future<Reply> executeBlocking(RespRequest request, CommandInfo info, Future<?> cancelled) {
    return execute(request, info);
  }

  /** Closes connections and frees resources. */
  Future<Void> close();
}
