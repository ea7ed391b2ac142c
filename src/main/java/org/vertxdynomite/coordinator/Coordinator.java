package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * Decides where a client's data command runs and what the client gets back.
 *
 * <p>The request has passed the command table's checks (known, right arity, supported). The future
 * succeeds with the reply to write, error replies included; it fails only with a
 * {@link org.vertxdynomite.resp.RespError} that explains why no reply could be had ({@code ERR
 * Storage: …}, {@code ERR Peer: …}, {@code ERR Dynomite: …}).
 */
public interface Coordinator {

  Future<Reply> execute(RespRequest request, CommandInfo info, Session session);
}
