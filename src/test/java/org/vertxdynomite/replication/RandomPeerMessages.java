package org.vertxdynomite.replication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/** Random peer requests and replies of every shape, from a seeded {@link Random}. */
final class RandomPeerMessages {

  private static final long[] EDGE_LONGS = {0, 1, -1, 127, 128, -64, -65, Long.MAX_VALUE, Long.MIN_VALUE};

  private final Random random;

  RandomPeerMessages(long seed) {
    this.random = new Random(seed);
  }

  RequestBatch requestBatch(int maxRequests) {
    List<PeerRequest> requests = new ArrayList<>();
    int n = random.nextInt(maxRequests + 1);
    for (int i = 0; i < n; i++) {
      requests.add(request());
    }
    return new RequestBatch(requests);
  }

  PeerRequest request() {
    byte[][] args = new byte[1 + random.nextInt(6)][];
    for (int i = 0; i < args.length; i++) {
      args[i] = bytes(random.nextInt(4) == 0 ? 300 : 12);
    }
    PeerKind kind = PeerKind.values()[random.nextInt(PeerKind.values().length)];
    return new PeerRequest(someLong(), kind, random.nextInt(Integer.MAX_VALUE), someLong(), someLong(),
        new RespRequest(args));
  }

  ReplyBatch replyBatch(int maxReplies) {
    List<PeerReply> replies = new ArrayList<>();
    int n = random.nextInt(maxReplies + 1);
    for (int i = 0; i < n; i++) {
      replies.add(random.nextInt(8) == 0 ? PeerReply.failed(someLong(), failure()) : PeerReply.of(someLong(), reply(4)));
    }
    return new ReplyBatch(replies);
  }

  RespError failure() {
    return switch (random.nextInt(3)) {
      case 0 -> new StorageError(StorageError.Reason.TIMEOUT);
      case 1 -> PeerError.noRoute("node-" + random.nextInt(9));
      default -> RespError.err("failed " + text());
    };
  }

  Reply reply(int depth) {
    int choice = random.nextInt(depth > 0 ? 10 : 8);
    return switch (choice) {
      case 0 -> Replies.bulk(bytes(random.nextInt(3) == 0 ? 1000 : 16));
      case 1 -> Replies.NULL_BULK;
      case 2 -> Replies.simple(random.nextBoolean() ? "OK" : text());
      case 3 -> Replies.integer(someLong());
      case 4 -> new RespError(random.nextBoolean() ? "WRONGTYPE " + text() : "ERR " + text());
      case 5 -> Replies.NULL_ARRAY;
      case 6 -> Replies.raw(Replies.array(Replies.integer(someLong()), Replies.bulk(text())).toBuffer());
      case 7 -> Replies.EMPTY_ARRAY;
      default -> array(depth - 1);
    };
  }

  private Reply array(int depth) {
    List<Reply> items = new ArrayList<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      items.add(reply(depth));
    }
    return Replies.array(items);
  }

  private long someLong() {
    return random.nextBoolean() ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong() >> random.nextInt(64);
  }

  private byte[] bytes(int maxLength) {
    byte[] b = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(b);
    return b;
  }

  private String text() {
    // Includes multi-byte UTF-8 characters.
    String alphabet = "abcXYZ 019:-_é€";
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(20);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return new String(sb.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
