package org.vertxdynomite.resp;

/**
 * A violation of the RESP request protocol: replied as {@code -ERR Protocol error: …}, after which
 * the connection is closed, as Redis does.
 */
public final class ProtocolError extends RespError {

  private static final long serialVersionUID = 1L;

  public ProtocolError(String detail) {
    super("ERR Protocol error: " + detail);
  }

  @Override
  public boolean closesConnection() {
    return true;
  }
}
