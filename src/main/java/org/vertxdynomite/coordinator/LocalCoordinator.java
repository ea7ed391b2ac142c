package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/** A node alone: every key is its own, so every command goes to its datastore. */
public final class LocalCoordinator implements Coordinator {

  private final Datastore datastore;

  public LocalCoordinator(Datastore datastore) {
    this.datastore = datastore;
  }

  @Override
  public Future<Reply> execute(RespRequest request, CommandInfo info, Session session) {
    if (info.isBlocking()) {
      return datastore.executeBlocking(request, info, session.closed());
    }
    return datastore.execute(request, info, session.id());
  }
}
