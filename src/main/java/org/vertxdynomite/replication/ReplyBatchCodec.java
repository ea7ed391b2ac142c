package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ReplyBatch} on the event bus. Between nodes the batch travels as one buffer:
 *
 * <pre>
 *   int32 body length, byte version (1), varint count, then per reply:
 *   varint id, then either a reply value ({@link ReplyEncoding}'s tags)
 *   or '!', byte origin ({@link RemoteError.Origin}), varint length, UTF-8 error text
 * </pre>
 *
 * A failure arrives as a {@link RemoteError} with the sender's exact text. Within a node the batch
 * object itself is handed over, with failures made {@link RemoteError}s too, so a coordinator sees
 * the same types whether its peer is in this JVM or not.
 */
public final class ReplyBatchCodec implements MessageCodec<ReplyBatch, ReplyBatch> {

  /** The name to give {@link io.vertx.core.eventbus.DeliveryOptions#setCodecName}. */
  public static final String NAME = "dynomite.peer.replies";

  static final byte FAILURE = '!';

  @Override
  public void encodeToWire(Buffer out, ReplyBatch batch) {
    int at = Wire.beginBody(out);
    List<PeerReply> replies = batch.replies();
    Wire.writeVarLong(out, replies.size());
    for (PeerReply r : replies) {
      Wire.writeVarLong(out, r.id());
      if (r.isFailure()) {
        out.appendByte(FAILURE);
        out.appendByte(RemoteError.Origin.of(r.failure()).code());
        Wire.writeString(out, r.failure().getMessage());
      } else {
        ReplyEncoding.write(out, r.value());
      }
    }
    Wire.endBody(out, at);
  }

  @Override
  public ReplyBatch decodeFromWire(int pos, Buffer in) {
    WireReader r = WireReader.openBody(in, pos);
    int n = r.readCount();
    List<PeerReply> replies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long id = r.readVarLong();
      replies.add(readOutcome(r, id));
    }
    r.expectEnd();
    return new ReplyBatch(replies);
  }

  private static PeerReply readOutcome(WireReader r, long id) {
    // The next byte is either the failure marker or the tag of a reply value.
    if (r.peekByte() == FAILURE) {
      r.readByte();
      RemoteError.Origin origin = RemoteError.Origin.fromCode(r.readByte());
      return PeerReply.failed(id, new RemoteError(origin, r.readString()));
    }
    return PeerReply.of(id, ReplyEncoding.read(r));
  }

  /** Within a node: the same batch, but failures rebuilt as {@link RemoteError}s, as between nodes. */
  @Override
  public ReplyBatch transform(ReplyBatch batch) {
    for (PeerReply r : batch.replies()) {
      if (r.isFailure() && !(r.failure() instanceof RemoteError)) {
        return new ReplyBatch(batch.replies().stream().map(ReplyBatchCodec::asRemote).toList());
      }
    }
    return batch;
  }

  private static PeerReply asRemote(PeerReply r) {
    if (!r.isFailure() || r.failure() instanceof RemoteError) {
      return r;
    }
    return PeerReply.failed(r.id(), new RemoteError(RemoteError.Origin.of(r.failure()), r.failure().getMessage()));
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
