package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.topology.NodeInfo;
import org.vertxdynomite.topology.Topology;

/**
 * Commands about the whole keyspace, answered for the whole cluster: every rack holds the whole
 * dataset, so going over the nodes of one rack (this node's, or the first whole one when a node of
 * this rack is down or warming up) covers every key once. Dynomite
 * answers these for the local node only.
 *
 * <ul>
 *   <li>DBSIZE: the sum over the rack's nodes.
 *   <li>KEYS: every node's matches, concatenated.
 *   <li>SCAN: one node after the other; the cursor the client sees encodes which node and that
 *       node's own cursor ({@code nodeCursor × nodes + nodeIndex}), so a scan started on one node
 *       can be continued on another as long as the rack keeps its size.
 *   <li>RANDOMKEY: the nodes in random order until one has a key.
 *   <li>Anything else without keys (TIME, a malformed request whose keys cannot be found): this
 *       node answers, so the client gets its datastore's reply or error.
 * </ul>
 */
final class KeylessCommands {

  private static final RespError INVALID_CURSOR = RespError.err("invalid cursor");

  private final NodeTransport transport;

  KeylessCommands(NodeTransport transport) {
    this.transport = transport;
  }

  Future<Reply> run(Topology t, RespRequest request, CommandInfo info, Session session) {
    List<NodeInfo> rack = liveRack(t);
    long order = session.id();
    switch (info.name()) {
      case "dbsize":
        return all(rack, request, info, order).map(KeylessCommands::sum);
      case "keys":
        return all(rack, request, info, order).map(KeylessCommands::concat);
      case "randomkey":
        List<NodeInfo> shuffled = new ArrayList<>(rack);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return randomKey(shuffled, 0, request, info, order);
      case "scan":
        return scan(rack, request, info, order);
      default:
        return transport.datastore().execute(request, info, order);
    }
  }

  /**
   * This node's rack when all its nodes are up and serve reads, else the first rack of the
   * datacenter whose nodes all do, else this node's rack anyway. A node warming up holds part of
   * the keyspace only ({@link ReadEligibility}): counted in, DBSIZE would come out short and SCAN
   * would miss keys.
   */
  static List<NodeInfo> liveRack(Topology t) {
    List<NodeInfo> own = t.ring(t.localDc(), t.localRack()).nodes();
    if (own.stream().allMatch(n -> serves(t, n))) {
      return own;
    }
    for (String rack : t.racks(t.localDc())) {
      List<NodeInfo> nodes = t.ring(t.localDc(), rack).nodes();
      if (nodes.stream().allMatch(n -> serves(t, n))) {
        return nodes;
      }
    }
    return own;
  }

  private static boolean serves(Topology t, NodeInfo n) {
    return !t.isDown(n) && ReadEligibility.servesReads(n);
  }

  private Future<List<Reply>> all(List<NodeInfo> nodes, RespRequest request, CommandInfo info, long order) {
    List<Future<Reply>> futures = new ArrayList<>(nodes.size());
    for (NodeInfo n : nodes) {
      futures.add(transport.forward(n, request, info, order));
    }
    return Future.all(futures).map(cf -> {
      List<Reply> replies = new ArrayList<>(futures.size());
      for (Future<Reply> f : futures) {
        replies.add(f.result());
      }
      return replies;
    });
  }

  private static Reply sum(List<Reply> replies) {
    long total = 0;
    for (Reply r : replies) {
      if (!(r instanceof IntegerReply i)) {
        return r;
      }
      total += i.value();
    }
    return Replies.integer(total);
  }

  private static Reply concat(List<Reply> replies) {
    List<Reply> keys = new ArrayList<>();
    for (Reply r : replies) {
      if (!(r instanceof ArrayReply a)) {
        return r;
      }
      keys.addAll(a.items());
    }
    return Replies.array(keys);
  }

  private Future<Reply> randomKey(List<NodeInfo> nodes, int i, RespRequest request, CommandInfo info, long order) {
    return transport.forward(nodes.get(i), request, info, order).compose(r -> {
      if (r == Replies.NULL_BULK && i + 1 < nodes.size()) {
        return randomKey(nodes, i + 1, request, info, order);
      }
      return Future.succeededFuture(r);
    });
  }

  private Future<Reply> scan(List<NodeInfo> nodes, RespRequest request, CommandInfo info, long order) {
    long cursor;
    try {
      cursor = Long.parseUnsignedLong(new String(request.arg(1), StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return Future.succeededFuture(INVALID_CURSOR);
    }
    int n = nodes.size();
    int index = (int) Long.remainderUnsigned(cursor, n);
    long nodeCursor = Long.divideUnsigned(cursor, n);
    RespRequest onNode = request.withArg(1, Long.toUnsignedString(nodeCursor).getBytes(StandardCharsets.US_ASCII));
    return transport.forward(nodes.get(index), onNode, info, order).map(r -> {
      if (!(r instanceof ArrayReply a) || a.items().size() != 2 || !(a.items().get(0) instanceof BulkReply c)) {
        return r;
      }
      long next = Long.parseUnsignedLong(new String(c.value(), StandardCharsets.US_ASCII));
      long combined;
      if (next != 0) {
        combined = next * n + index;
      } else {
        combined = index + 1 < n ? index + 1 : 0;
      }
      return Replies.array(Replies.bulk(Long.toUnsignedString(combined)), a.items().get(1));
    });
  }
}
