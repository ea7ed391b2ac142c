package org.vertxdynomite.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * Turns the primary replica's reply to a write into the deterministic requests that give the other
 * replicas the same data, as Redis rewrites such commands before propagating them.
 *
 * <p>A nil or empty reply means nothing changed, and an error reply that the command failed; both
 * have no effect to replicate. Sorted-set pops become ZREM of the members actually popped rather
 * than Redis's ZPOPMIN/ZPOPMAX: the same effect on replicas that agree, and the right one on a
 * replica that missed an earlier write.
 */
final class WriteEffects {

  /** Members per SREM/ZREM, so that a large pop is replicated in bounded requests (as Redis batches SPOP). */
  static final int MEMBERS_PER_REQUEST = 1024;

  private WriteEffects() {}

  /** {@code SPOP key [count]} → {@code SREM key <the members popped>}. */
  static List<RespRequest> spop(RespRequest r, Reply reply) {
    List<byte[]> members = new ArrayList<>();
    if (reply instanceof BulkReply member) {
      members.add(member.value());
    } else if (reply instanceof ArrayReply popped) {
      members.addAll(bulks(popped.items()));
    }
    return removeMembers("SREM", r.arg(1), members);
  }

  /** {@code INCRBYFLOAT key incr} → {@code SET key <result> KEEPTTL}. */
  static List<RespRequest> incrbyfloat(RespRequest r, Reply reply) {
    if (!(reply instanceof BulkReply result)) {
      return List.of();
    }
    return List.of(request("SET", r.arg(1), result.value(), Args.of("KEEPTTL")));
  }

  /** {@code HINCRBYFLOAT key field incr} → {@code HSET key field <result>}. */
  static List<RespRequest> hincrbyfloat(RespRequest r, Reply reply) {
    if (!(reply instanceof BulkReply result)) {
      return List.of();
    }
    return List.of(request("HSET", r.arg(1), r.arg(2), result.value()));
  }

  /** {@code BLPOP key… timeout} answered {@code [key, element]} → {@code LPOP key}. */
  static List<RespRequest> blpop(RespRequest r, Reply reply) {
    return popFromKey("LPOP", reply);
  }

  /** {@code BRPOP key… timeout} answered {@code [key, element]} → {@code RPOP key}. */
  static List<RespRequest> brpop(RespRequest r, Reply reply) {
    return popFromKey("RPOP", reply);
  }

  private static List<RespRequest> popFromKey(String pop, Reply reply) {
    if (!(reply instanceof ArrayReply a) || a.items().size() != 2) {
      return List.of();
    }
    return List.of(request(pop, bulk(a.items().get(0))));
  }

  /** {@code BLMOVE src dst from to timeout} that moved an element → {@code LMOVE src dst from to}. */
  static List<RespRequest> blmove(RespRequest r, Reply reply) {
    if (!(reply instanceof BulkReply)) {
      return List.of();
    }
    return List.of(request("LMOVE", r.arg(1), r.arg(2), r.arg(3), r.arg(4)));
  }

  /** {@code BRPOPLPUSH src dst timeout} that moved an element → {@code RPOPLPUSH src dst}. */
  static List<RespRequest> brpoplpush(RespRequest r, Reply reply) {
    if (!(reply instanceof BulkReply)) {
      return List.of();
    }
    return List.of(request("RPOPLPUSH", r.arg(1), r.arg(2)));
  }

  /**
   * {@code BLMPOP timeout numkeys key… LEFT|RIGHT [COUNT n]} answered {@code [key, [elements]]} →
   * {@code LPOP|RPOP key <number popped>}, as Redis propagates it.
   */
  static List<RespRequest> blmpop(RespRequest r, Reply reply) {
    if (!(reply instanceof ArrayReply a) || a.items().size() != 2 || !(a.items().get(1) instanceof ArrayReply popped)) {
      return List.of();
    }
    byte[] direction = r.arg(3 + numkeys(r, 2));
    String pop = Args.is(direction, "LEFT") ? "LPOP" : "RPOP";
    return List.of(request(pop, bulk(a.items().get(0)), Args.of(popped.items().size())));
  }

  /** {@code BZPOPMIN|BZPOPMAX key… timeout} answered {@code [key, member, score]} → {@code ZREM key member}. */
  static List<RespRequest> bzpop(RespRequest r, Reply reply) {
    if (!(reply instanceof ArrayReply a) || a.items().size() != 3) {
      return List.of();
    }
    return List.of(request("ZREM", bulk(a.items().get(0)), bulk(a.items().get(1))));
  }

  /** {@code BZMPOP …} answered {@code [key, [[member, score]…]]} → {@code ZREM key <members>}. */
  static List<RespRequest> bzmpop(RespRequest r, Reply reply) {
    if (!(reply instanceof ArrayReply a) || a.items().size() != 2 || !(a.items().get(1) instanceof ArrayReply popped)) {
      return List.of();
    }
    List<byte[]> members = new ArrayList<>(popped.items().size());
    for (Reply pair : popped.items()) {
      members.add(bulk(((ArrayReply) pair).items().get(0)));
    }
    return removeMembers("ZREM", bulk(a.items().get(0)), members);
  }

  private static List<RespRequest> removeMembers(String command, byte[] key, List<byte[]> members) {
    List<RespRequest> out = new ArrayList<>();
    for (int from = 0; from < members.size(); from += MEMBERS_PER_REQUEST) {
      List<byte[]> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_PER_REQUEST));
      byte[][] args = new byte[chunk.size() + 2][];
      args[0] = Args.of(command);
      args[1] = key;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 2] = chunk.get(i);
      }
      out.add(new RespRequest(args));
    }
    return out;
  }

  /** The numkeys argument at {@code index}, which the primary accepted. */
  private static int numkeys(RespRequest r, int index) {
    OptionalLong n = Args.longValue(r.arg(index));
    if (n.isEmpty() || n.getAsLong() < 1 || n.getAsLong() > r.argc()) {
      throw new IllegalArgumentException("'" + r.commandName() + "' has no valid numkeys: " + r);
    }
    return (int) n.getAsLong();
  }

  private static List<byte[]> bulks(List<Reply> items) {
    List<byte[]> out = new ArrayList<>(items.size());
    for (Reply item : items) {
      out.add(bulk(item));
    }
    return out;
  }

  private static byte[] bulk(Reply reply) {
    if (reply instanceof BulkReply b) {
      return b.value();
    }
    throw new IllegalArgumentException("expected a bulk string in the primary's reply, got " + reply);
  }

  private static RespRequest request(String command, byte[]... args) {
    byte[][] all = new byte[args.length + 1][];
    all[0] = Args.of(command);
    System.arraycopy(args, 0, all, 1, args.length);
    return new RespRequest(all);
  }
}
