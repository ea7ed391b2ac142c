package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;

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
public final class ReplyBatchCodec extends BatchCodec<ReplyBatch, PeerReply> {

  /** The name to give {@link io.vertx.core.eventbus.DeliveryOptions#setCodecName}. */
  public static final String NAME = "dynomite.peer.replies";

  static final byte FAILURE = '!';

  public ReplyBatchCodec() {
    super(NAME, ReplyBatch::replies, ReplyBatch::new);
  }

  @Override
  void writeItem(Buffer out, PeerReply r) {
    Wire.writeVarLong(out, r.id());
    if (r.isFailure()) {
      out.appendByte(FAILURE);
      out.appendByte(RemoteError.Origin.of(r.failure()).code());
      Wire.writeString(out, r.failure().getMessage());
    } else {
      ReplyEncoding.write(out, r.value());
    }
  }

  @Override
  PeerReply readItem(WireReader r) {
    long id = r.readVarLong();
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
}
