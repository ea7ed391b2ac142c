package org.vertxdynomite.server;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/** A command the node answers itself, about the connection or the node rather than the data. */
@FunctionalInterface
interface LocalCommand {

  /**
   * Runs {@code request}, already resolved by the command table to {@code info} (known, right
   * arity, supported) — except for CLIENT SETINFO, which Redis 7.0's table lacks: then
   * {@code info} is null.
   */
  Future<Reply> run(RespRequest request, CommandInfo info, ClientConnection client);
}
