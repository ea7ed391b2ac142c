package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;
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
public final class RequestBatchCodec implements MessageCodec<RequestBatch, RequestBatch> {

  /** The name to give {@link io.vertx.core.eventbus.DeliveryOptions#setCodecName}. */
  public static final String NAME = "dynomite.peer.requests";

  @Override
  public void encodeToWire(Buffer out, RequestBatch batch) {
    int at = Wire.beginBody(out);
    List<PeerRequest> requests = batch.requests();
    Wire.writeVarLong(out, requests.size());
    for (PeerRequest r : requests) {
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
    Wire.endBody(out, at);
  }

  @Override
  public RequestBatch decodeFromWire(int pos, Buffer in) {
    WireReader r = WireReader.openBody(in, pos);
    int n = r.readCount();
    List<PeerRequest> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
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
      requests.add(new PeerRequest(id, kind, (int) flags, timestamp, orderKey, new RespRequest(args)));
    }
    r.expectEnd();
    return new RequestBatch(requests);
  }

  @Override
  public RequestBatch transform(RequestBatch batch) {
    return batch;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
