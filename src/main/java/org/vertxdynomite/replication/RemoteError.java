package org.vertxdynomite.replication;

import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.RespError;

/**
 * A failure that happened on the other node, rebuilt on this one with its exact text: the client
 * sees {@code ERR Storage: Connection timed out} whether the datastore that timed out is local or
 * one hop away.
 */
public final class RemoteError extends RespError {

  private static final long serialVersionUID = 1L;

  /** Where the failure started, so a coordinator can count it without reading its text. */
  public enum Origin {
    /** Any other RESP error the remote handler failed with. */
    ERROR(0),
    /** The remote node's datastore ({@link StorageError}). */
    STORAGE(1),
    /** The remote node could not reach a further peer ({@link PeerError}). */
    PEER(2);

    private static final Origin[] BY_CODE = new Origin[3];

    static {
      for (Origin o : values()) {
        BY_CODE[o.code] = o;
      }
    }

    private final byte code;

    Origin(int code) {
      this.code = (byte) code;
    }

    byte code() {
      return code;
    }

    static Origin fromCode(byte code) {
      if (code < 0 || code >= BY_CODE.length) {
        throw new WireFormatException("unknown failure origin " + code);
      }
      return BY_CODE[code];
    }

    /** The origin of any failure: a remote one's recorded origin, else what a local one is. */
    public static Origin of(RespError e) {
      if (e instanceof RemoteError r) {
        return r.origin;
      }
      if (e instanceof StorageError) {
        return STORAGE;
      }
      return e instanceof PeerError ? PEER : ERROR;
    }
  }

  private final Origin origin;

  public RemoteError(Origin origin, String message) {
    super(message);
    this.origin = origin;
  }

  public Origin origin() {
    return origin;
  }
}
