package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * What the node knows about one client connection that routing may depend on.
 *
 * <p>Owned by the connection's event loop; read and written only there.
 */
public final class Session {

  private final long id;
  private final Promise<Void> closed = Promise.promise();
  private String name;
  private String libName;
  private String libVersion;

  public Session(long id) {
    this.id = id;
  }

  /** The connection's id, as CLIENT ID reports it. */
  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void name(String name) {
    this.name = name;
  }

  public String libName() {
    return libName;
  }

  public void libName(String libName) {
    this.libName = libName;
  }

  public String libVersion() {
    return libVersion;
  }

  public void libVersion(String libVersion) {
    this.libVersion = libVersion;
  }

  /** Completes when the client's connection closes: blocking commands stop waiting then. */
  public Future<Void> closed() {
    return closed.future();
  }

  /** Called once by the connection when it closes. */
  public void markClosed() {
    closed.tryComplete();
  }
}
