package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.resp.SimpleReply;

class PeerCodecUnitTests {

  private static final RequestBatchCodec REQUESTS = new RequestBatchCodec();
  private static final ReplyBatchCodec REPLIES = new ReplyBatchCodec();
  /** Bytes before the body, as the event bus's own frame header would put there. */
  private static final Buffer HEADER = Buffer.buffer("frame-header");

  private static Buffer encode(RequestBatch batch) {
    Buffer out = HEADER.copy();
    REQUESTS.encodeToWire(out, batch);
    return out;
  }

  private static Buffer encode(ReplyBatch batch) {
    Buffer out = HEADER.copy();
    REPLIES.encodeToWire(out, batch);
    return out;
  }

  private static RequestBatch roundTrip(RequestBatch batch) {
    return REQUESTS.decodeFromWire(HEADER.length(), encode(batch));
  }

  private static ReplyBatch roundTrip(ReplyBatch batch) {
    return REPLIES.decodeFromWire(HEADER.length(), encode(batch));
  }

  private static Reply roundTrip(Reply reply) {
    PeerReply decoded = roundTrip(new ReplyBatch(List.of(PeerReply.of(7, reply)))).replies().get(0);
    assertThat(decoded.id()).isEqualTo(7);
    assertThat(decoded.isFailure()).isFalse();
    return decoded.value();
  }

  @Test
  void everyReplyShapeComesBackAsTheSameTypeAndBytes() {
    List<Reply> shapes = List.of(
        Replies.OK,
        Replies.simple("QUEUED é"),
        Replies.integer(0),
        Replies.integer(-1),
        Replies.integer(Long.MAX_VALUE),
        Replies.integer(Long.MIN_VALUE),
        Replies.bulk(new byte[] {0, '\r', '\n', (byte) 0xff}),
        Replies.bulk(new byte[0]),
        Replies.NULL_BULK,
        Replies.NULL_ARRAY,
        Replies.EMPTY_ARRAY,
        new RespError("WRONGTYPE Operation against a key holding the wrong kind of value"),
        Replies.array(Replies.integer(1), Replies.array(Replies.bulk("x"), Replies.NULL_BULK), Replies.NULL_ARRAY,
            new RespError("ERR nested"), Replies.simple("s")),
        Replies.raw(Buffer.buffer("*2\r\n:1\r\n$-1\r\n")));
    for (Reply r : shapes) {
      assertThat(ReplyShapes.of(roundTrip(r))).as("%s", r).isEqualTo(ReplyShapes.of(r));
    }
  }

  @Test
  void decodedRepliesAreTheResponseTypesAndNilConstants() {
    assertThat(roundTrip(Replies.bulk("v"))).isInstanceOf(BulkReply.class).isEqualTo(Replies.bulk("v"));
    assertThat(roundTrip(Replies.integer(-5))).isInstanceOf(IntegerReply.class).isEqualTo(Replies.integer(-5));
    assertThat(roundTrip(Replies.OK)).isSameAs(Replies.OK);
    assertThat(roundTrip(Replies.simple("PONG"))).isInstanceOf(SimpleReply.class).isEqualTo(Replies.PONG);
    assertThat(roundTrip(Replies.NULL_BULK)).isSameAs(Replies.NULL_BULK);
    assertThat(roundTrip(Replies.NULL_ARRAY)).isSameAs(Replies.NULL_ARRAY);
    ArrayReply nested = (ArrayReply) roundTrip(Replies.array(Replies.NULL_ARRAY, Replies.NULL_BULK));
    assertThat(nested.items().get(0)).isSameAs(Replies.NULL_ARRAY);
    assertThat(nested.items().get(1)).isSameAs(Replies.NULL_BULK);
    Reply error = roundTrip(new RespError("NOSCRIPT No matching script"));
    assertThat(error).isInstanceOf(RespError.class);
    assertThat(((RespError) error).getMessage()).isEqualTo("NOSCRIPT No matching script");
  }

  @Test
  void failuresKeepTheirTextAndOrigin() {
    ReplyBatch decoded = roundTrip(new ReplyBatch(List.of(
        PeerReply.failed(1, new StorageError(StorageError.Reason.TIMEOUT)),
        PeerReply.failed(2, PeerError.noRoute("n2")),
        PeerReply.failed(3, RespError.err("Dynomite: something")),
        PeerReply.of(4, new RespError("ERR a reply, not a failure")))));
    List<PeerReply> r = decoded.replies();
    assertThat(r.get(0).failure()).isInstanceOf(RemoteError.class).hasMessage("ERR Storage: Connection timed out");
    assertThat(((RemoteError) r.get(0).failure()).origin()).isEqualTo(RemoteError.Origin.STORAGE);
    assertThat(r.get(1).failure()).hasMessage("ERR Peer: no route to n2");
    assertThat(((RemoteError) r.get(1).failure()).origin()).isEqualTo(RemoteError.Origin.PEER);
    assertThat(((RemoteError) r.get(2).failure()).origin()).isEqualTo(RemoteError.Origin.ERROR);
    assertThat(r.get(3).isFailure()).isFalse();
    assertThat(r.get(3).value()).isInstanceOf(RespError.class);
  }

  @Test
  void aRemoteErrorForwardedAgainKeepsItsOrigin() {
    RemoteError once = (RemoteError) roundTrip(new ReplyBatch(List.of(
        PeerReply.failed(1, new StorageError(StorageError.Reason.REFUSED))))).replies().get(0).failure();
    RemoteError twice = (RemoteError) roundTrip(new ReplyBatch(List.of(PeerReply.failed(1, once)))).replies().get(0).failure();
    assertThat(twice.origin()).isEqualTo(RemoteError.Origin.STORAGE);
    assertThat(twice).hasMessage("ERR Storage: Connection refused");
  }

  @Test
  void requestsKeepEveryField() {
    PeerRequest a = new PeerRequest(-3, PeerKind.REPLICATE, 5, Long.MIN_VALUE, -9, RespRequest.of("SET", "k", "v"));
    PeerRequest b = PeerRequest.forward(Long.MAX_VALUE, 42, Long.MIN_VALUE, new RespRequest(new byte[][] {{'G', 'E', 'T'}, {}}));
    assertThat(roundTrip(new RequestBatch(List.of(a, b))).requests()).containsExactly(a, b);
  }

  @Test
  void aSmallRequestIsEncodedCompactly() {
    PeerRequest get = PeerRequest.forward(1, 0x0102030405060708L, 3, RespRequest.of("GET", "k"));
    Buffer encoded = encode(new RequestBatch(List.of(get)));
    Buffer body = encoded.getBuffer(HEADER.length(), encoded.length());
    Buffer expected = Buffer.buffer()
        .appendInt(21).appendByte((byte) 1) // body length, version
        .appendByte((byte) 1) // one request
        .appendByte((byte) 1).appendByte((byte) 1).appendByte((byte) 0) // id, kind FORWARD, flags
        .appendLong(0x0102030405060708L)
        .appendByte((byte) 6) // order key 3, zig-zag
        .appendByte((byte) 2).appendByte((byte) 3).appendString("GET").appendByte((byte) 1).appendString("k");
    assertThat(body.getBytes()).containsExactly(expected.getBytes());
    assertThat(body.length()).isEqualTo(25);
  }

  @Test
  void randomRequestBatchesRoundTrip() {
    RandomPeerMessages random = new RandomPeerMessages(20240611L);
    for (int i = 0; i < 500; i++) {
      RequestBatch batch = random.requestBatch(20);
      assertThat(roundTrip(batch)).isEqualTo(batch);
    }
  }

  @Test
  void randomReplyBatchesRoundTrip() {
    RandomPeerMessages random = new RandomPeerMessages(977L);
    for (int i = 0; i < 500; i++) {
      ReplyBatch batch = random.replyBatch(20);
      assertThat(roundTrip(batch).replies()).map(ReplyShapes::of)
          .containsExactlyElementsOf(batch.replies().stream().map(ReplyShapes::of).toList());
    }
  }

  @Test
  void everyTruncationIsAWireFormatError() {
    RandomPeerMessages random = new RandomPeerMessages(5L);
    Buffer requests = encode(new RequestBatch(List.of(random.request(), random.request())));
    Buffer replies = encode(new ReplyBatch(List.of(PeerReply.of(1, random.reply(3)), PeerReply.of(2, Replies.bulk("x")))));
    for (int len = HEADER.length(); len < requests.length(); len++) {
      Buffer cut = requests.getBuffer(0, len);
      assertThatThrownBy(() -> REQUESTS.decodeFromWire(HEADER.length(), cut)).isInstanceOf(WireFormatException.class);
    }
    for (int len = HEADER.length(); len < replies.length(); len++) {
      Buffer cut = replies.getBuffer(0, len);
      assertThatThrownBy(() -> REPLIES.decodeFromWire(HEADER.length(), cut)).isInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void corruptedBytesGiveAWireFormatErrorOrSomeValueButNeverAnotherException() {
    RandomPeerMessages messages = new RandomPeerMessages(11L);
    Random random = new Random(12L);
    for (int i = 0; i < 2000; i++) {
      boolean requests = random.nextBoolean();
      Buffer encoded = requests ? encode(messages.requestBatch(4)) : encode(messages.replyBatch(4));
      int at = HEADER.length() + 4 + random.nextInt(encoded.length() - HEADER.length() - 4);
      encoded.setByte(at, (byte) random.nextInt(256));
      try {
        Object decoded = requests ? REQUESTS.decodeFromWire(HEADER.length(), encoded)
            : REPLIES.decodeFromWire(HEADER.length(), encoded);
        assertThat(decoded).isNotNull();
      } catch (WireFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void aHugeCountIsRefusedBeforeAllocating() {
    Buffer body = Buffer.buffer().appendInt(11).appendByte(Wire.VERSION);
    Wire.writeVarLong(body, Integer.MAX_VALUE);
    Wire.writeVarLong(body, 1);
    body.appendBytes(new byte[11 - 1 - 5 - 1]);
    assertThatThrownBy(() -> REQUESTS.decodeFromWire(0, body))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("count 2147483647");
  }

  @Test
  void nestingBeyondTheLimitIsRefused() {
    Reply deep = Replies.bulk("bottom");
    for (int i = 0; i <= ReplyEncoding.MAX_DEPTH; i++) {
      deep = Replies.array(deep);
    }
    Buffer encoded = encode(new ReplyBatch(List.of(PeerReply.of(1, deep))));
    assertThatThrownBy(() -> REPLIES.decodeFromWire(HEADER.length(), encoded))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("nested deeper");
  }

  @Test
  void anUnknownVersionKindOrTagIsRefused() {
    Buffer ok = encode(new RequestBatch(List.of(PeerRequest.forward(1, 0, 0, RespRequest.of("PING")))));
    Buffer badVersion = ok.copy().setByte(HEADER.length() + 4, (byte) 9);
    assertThatThrownBy(() -> REQUESTS.decodeFromWire(HEADER.length(), badVersion)).hasMessageContaining("version 9");
    Buffer badKind = ok.copy().setByte(HEADER.length() + 7, (byte) 99);
    assertThatThrownBy(() -> REQUESTS.decodeFromWire(HEADER.length(), badKind)).hasMessageContaining("kind 99");
    Buffer reply = encode(new ReplyBatch(List.of(PeerReply.of(1, Replies.OK))));
    Buffer badTag = reply.copy().setByte(HEADER.length() + 7, (byte) 'x');
    assertThatThrownBy(() -> REPLIES.decodeFromWire(HEADER.length(), badTag)).hasMessageContaining("reply tag");
  }
}
