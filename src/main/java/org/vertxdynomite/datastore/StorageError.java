package org.vertxdynomite.datastore;

import org.vertxdynomite.resp.RespError;

/**
 * The datastore itself could not answer: unreachable, timed out, or its connection broke.
 *
 * <p>Written to clients in Dynomite's style, {@code -ERR Storage: <reason>}, so that a client can
 * tell a storage failure from an error reply of the data command itself.
 */
public final class StorageError extends RespError {

  private static final long serialVersionUID = 1L;

  /** Why the datastore did not answer; code switches on this, never on the text. */
  public enum Reason {
    TIMEOUT("Connection timed out"),
    REFUSED("Connection refused"),
    CLOSED("Connection closed"),
    EJECTED("Server ejected after repeated failures"),
    OVERLOADED("Too many requests in flight"),
    /** A replayed hint whose original copy this replica is still applying: try again later. */
    IN_PROGRESS("The same write is still being applied");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;

  public StorageError(Reason reason) {
    super("ERR Storage: " + reason.text);
    this.reason = reason;
  }

  public StorageError(Reason reason, String detail) {
    super("ERR Storage: " + reason.text + " (" + detail + ")");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
