package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import org.vertxdynomite.resp.RespRequest;

/**
 * {@link RequestBatch} on the event bus. Between nodes the batch travels as one buffer:
 *
 * <pre>
 *   int32 body length, byte version (1), varint count, then per request:
 *   varint id, byte kind, varint flags, int64 timestamp, zig-zag varint order key,
 *   varint argc, argc x (varint length, bytes)
 * </pre>
 *
 * Within a node the batch object itself is handed over: it is immutable, so nothing is copied.
 */
public final class RequestBatchCodec extends BatchCodec<RequestBatch, PeerRequest> {

  /** The name to give {@link io.vertx.core.eventbus.DeliveryOptions#setCodecName}. */
  public static final String NAME = "dynomite.peer.requests";

  public RequestBatchCodec() {
    super(NAME, RequestBatch::requests, RequestBatch::new);
  }

  @Override
  void writeItem(Buffer out, PeerRequest r) {
    Wire.writeVarLong(out, r.id());
    out.appendByte(r.kind().code());
    Wire.writeVarLong(out, r.flags());
    out.appendLong(r.timestamp());
    Wire.writeZigZag(out, r.orderKey());
    RespRequest req = r.request();
    Wire.writeVarLong(out, req.argc());
    for (int i = 0; i < req.argc(); i++) {
      Wire.writeBytes(out, req.arg(i));
    }
  }

  @Override
  PeerRequest readItem(WireReader r) {
    long id = r.readVarLong();
    PeerKind kind = PeerKind.fromCode(r.readByte());
    long flags = r.readVarLong();
    if (flags < 0 || flags > Integer.MAX_VALUE) {
      throw new WireFormatException("flags out of range: " + flags);
    }
    long timestamp = r.readLong();
    long orderKey = r.readZigZag();
    int argc = r.readCount();
    if (argc == 0) {
      throw new WireFormatException("request without a command name");
    }
    byte[][] args = new byte[argc][];
    for (int a = 0; a < argc; a++) {
      args[a] = r.readBytes();
    }
    return new PeerRequest(id, kind, (int) flags, timestamp, orderKey, new RespRequest(args));
  }

  @Override
  public RequestBatch transform(RequestBatch batch) {
    return batch;
  }
}
