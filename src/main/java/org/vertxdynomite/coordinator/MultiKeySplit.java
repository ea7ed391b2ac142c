package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

/**
 * A multi-key request (MGET, MSET, DEL, UNLINK, EXISTS, TOUCH) split into one sub-request per
 * owner, and the owners' replies stitched back into the reply the client expects.
 *
 * <p>Each part keeps its keys (with MSET their values) in the client's order, and parts come in the
 * order of their first key. Stitching: MGET → the values in the client's key order; MSET → OK if
 * every part answered OK, else the first other reply; DEL, UNLINK, EXISTS, TOUCH → the sum. As in
 * Dynomite, a split MSET is not atomic across owners. A request whose arguments do not pair up
 * (MSET with a key lacking its value) is not split: one part carries it whole, and its owner
 * answers Redis's own error.
 *
 * <p>{@code N} identifies an owner and must have value equality. With racks laid out differently,
 * the owner function should return every rack's owner of the key (a list, say), so that a part's
 * keys live together in every rack, not only in the local one.
 *
 * @param <N> the owner type
 */
public final class MultiKeySplit<N> {

  /** How the parts' replies combine. */
  private enum Stitch { VALUES_IN_KEY_ORDER, ALL_OK, SUM }

  /** A splittable command: arguments per key (MSET: key and value) and how replies combine. */
  private record Kind(int width, Stitch stitch) {}

  private static final Map<String, Kind> SPLITTABLE = Map.of(
      "mget", new Kind(1, Stitch.VALUES_IN_KEY_ORDER),
      "mset", new Kind(2, Stitch.ALL_OK),
      "del", new Kind(1, Stitch.SUM),
      "unlink", new Kind(1, Stitch.SUM),
      "exists", new Kind(1, Stitch.SUM),
      "touch", new Kind(1, Stitch.SUM));

  /**
   * One owner's share of the request.
   *
   * @param owner who runs it
   * @param request the sub-request (the client's request itself when there is a single owner)
   * @param keys the positions (0-based, in the client's key order) of the keys it carries
   */
  public record Part<N>(N owner, RespRequest request, int[] keys) {}

  private final Kind kind;
  private final int keyCount;
  private final List<Part<N>> parts;

  private MultiKeySplit(Kind kind, int keyCount, List<Part<N>> parts) {
    this.kind = kind;
    this.keyCount = keyCount;
    this.parts = parts;
  }

  /** Whether the command named {@code name} (lower case) is split by owner. */
  public static boolean isSplittable(String name) {
    return SPLITTABLE.containsKey(name);
  }

  /**
   * Splits {@code request} by the owner {@code ownerOf} gives each key.
   *
   * @throws IllegalArgumentException if the command is not {@linkplain #isSplittable splittable}
   */
  public static <N> MultiKeySplit<N> split(RespRequest request, Function<byte[], N> ownerOf) {
    Kind kind = SPLITTABLE.get(request.commandName());
    if (kind == null) {
      throw new IllegalArgumentException("'" + request.commandName() + "' is not split by owner");
    }
    int keyCount = (request.argc() - 1) / kind.width();
    if (keyCount == 0 || (request.argc() - 1) % kind.width() != 0) {
      // Let the first key's owner (or any node) answer Redis's own arity error.
      N owner = request.argc() > 1 ? ownerOf.apply(request.arg(1)) : null;
      return new MultiKeySplit<>(kind, keyCount, List.of(new Part<>(owner, request, allKeys(keyCount))));
    }
    Map<N, List<Integer>> byOwner = new LinkedHashMap<>();
    for (int k = 0; k < keyCount; k++) {
      N owner = Objects.requireNonNull(ownerOf.apply(request.arg(1 + k * kind.width())), "owner of a key");
      byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(k);
    }
    if (byOwner.size() == 1) {
      N owner = byOwner.keySet().iterator().next();
      return new MultiKeySplit<>(kind, keyCount, List.of(new Part<>(owner, request, allKeys(keyCount))));
    }
    List<Part<N>> parts = new ArrayList<>(byOwner.size());
    byOwner.forEach((owner, keys) -> parts.add(new Part<>(owner, subRequest(request, kind, keys),
        keys.stream().mapToInt(Integer::intValue).toArray())));
    return new MultiKeySplit<>(kind, keyCount, List.copyOf(parts));
  }

  private static int[] allKeys(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static RespRequest subRequest(RespRequest request, Kind kind, List<Integer> keys) {
    byte[][] args = new byte[1 + keys.size() * kind.width()][];
    args[0] = request.arg(0);
    int j = 1;
    for (int k : keys) {
      for (int w = 0; w < kind.width(); w++) {
        args[j++] = request.arg(1 + k * kind.width() + w);
      }
    }
    return new RespRequest(args);
  }

  /** The sub-requests, in the order of their first key. */
  public List<Part<N>> parts() {
    return parts;
  }

  /** The client's reply, from {@code replies.get(i)} answering {@code parts().get(i)}. */
  public Reply stitch(List<Reply> replies) {
    if (replies.size() != parts.size()) {
      throw new IllegalArgumentException(parts.size() + " parts but " + replies.size() + " replies");
    }
    if (parts.size() == 1) {
      return replies.get(0);
    }
    return switch (kind.stitch()) {
      case VALUES_IN_KEY_ORDER -> valuesInKeyOrder(replies);
      case ALL_OK -> allOk(replies);
      case SUM -> sum(replies);
    };
  }

  /** Waits for every part's reply and stitches them; fails with the first part that fails. */
  public Future<Reply> join(List<Future<Reply>> replies) {
    return Future.all(replies).map(all -> stitch(all.list()));
  }

  private Reply valuesInKeyOrder(List<Reply> replies) {
    Reply[] values = new Reply[keyCount];
    for (int i = 0; i < parts.size(); i++) {
      int[] keys = parts.get(i).keys();
      if (!(replies.get(i) instanceof ArrayReply a) || a.items().size() != keys.length) {
        return replies.get(i);
      }
      for (int j = 0; j < keys.length; j++) {
        values[keys[j]] = a.items().get(j);
      }
    }
    return Replies.array(values);
  }

  private static Reply allOk(List<Reply> replies) {
    for (Reply r : replies) {
      if (!Replies.OK.equals(r)) {
        return r;
      }
    }
    return Replies.OK;
  }

  private static Reply sum(List<Reply> replies) {
    long total = 0;
    for (Reply r : replies) {
      if (!(r instanceof IntegerReply n)) {
        return r;
      }
      total += n.value();
    }
    return Replies.integer(total);
  }
}
