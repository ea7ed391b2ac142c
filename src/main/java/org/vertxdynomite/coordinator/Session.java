package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.vertxdynomite.config.Consistency;

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
  private Consistency readConsistency;
  private Consistency writeConsistency;

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

  /** This connection's read level set by {@code DYNO_CONFIG:CONN_CONSISTENCY}, or null for the node's. */
  public Consistency readConsistency() {
    return readConsistency;
  }

  /** This connection's write level set by {@code DYNO_CONFIG:CONN_CONSISTENCY}, or null for the node's. */
  public Consistency writeConsistency() {
    return writeConsistency;
  }

  /** Overrides the node's read and write levels for this connection ({@code null}: back to the node's). */
  public void consistency(Consistency level) {
    this.readConsistency = level;
    this.writeConsistency = level;
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
