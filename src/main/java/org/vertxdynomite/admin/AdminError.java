package org.vertxdynomite.admin;

/**
 * A request the admin port refuses, with the HTTP status and the message the operator reads. Built
 * without a stack trace: it is an answer, not a bug.
 */
public final class AdminError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status: 400 bad value, 404 no such path or peer, 405 wrong method, 409 not now. */
  private final int status;

  public AdminError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static AdminError badValue(String message) {
    return new AdminError(400, message);
  }

  static AdminError notFound(String message) {
    return new AdminError(404, message);
  }

  static AdminError conflict(String message) {
    return new AdminError(409, message);
  }

  public int status() {
    return status;
  }
}
