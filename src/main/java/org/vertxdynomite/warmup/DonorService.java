package org.vertxdynomite.warmup;

import org.vertxdynomite.replication.BusOps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.topology.NodeInfo;

/**
 * The donor side of warm-up, on every node of a cluster: answers a warming node's requests on
 * {@link #address(NodeInfo)} with this node's data, through its datastore's own commands, so it
 * works alike for Redis and the embedded store.
 *
 * <ul>
 *   <li>{@code {"op": "size"}} → {@code {"keys": <DBSIZE>}}, for the receiver's estimate.
 *   <li>{@code {"op": "batch", "cursor": "0", "count": 500, "ranges": [[lo, hi], …]}} → one {@code
 *       SCAN cursor COUNT count}; of the keys it returns, those whose hash is in {@code ranges} are
 *       read with {@code DUMP} and {@code PTTL}. Reply: {@code {"cursor": "<next, 0 at the end>",
 *       "scanned": <keys SCAN returned>, "flushed": <timestamp>, "entries": [[key, payload,
 *       expireAtMillis or 0, newest, newestOverwrite], …]}} (binary values base64-encoded by the JSON
 *       codec). A key gone between SCAN and DUMP is left out. {@code flushed} is the timestamp of the
 *       newest FLUSHALL/FLUSHDB this node had applied before the SCAN; {@code newest} and {@code
 *       newestOverwrite} are what this node's {@link WriteFence} remembered of the key just before
 *       its DUMP (0 when nothing): the receiver's fence takes them over, so a hint the copy already
 *       holds is not applied again there.
 *   <li>{@code {"op": "keys", "keys": [key, …]}} → {@code {"flushed": …, "entries": […]}}: the same
 *       for named keys, which a receiver asks again when their first copy lacked a write it has.
 * </ul>
 *
 * <p>Each batch is one SCAN step and at most {@code count} key reads, answered before the next
 * request comes (the receiver has one batch in flight per donor and paces them), so the donor's
 * datastore keeps serving clients in between. A failure is answered with a failed reply (code 1,
 * the reason), which the receiver treats as a donor failure.
 */
public final class DonorService {

  /** Suffix of a node's warm-up donor address. */
  static final String SUFFIX = ".warmup";

  private static final CommandTable TABLE = CommandTable.get();

  private final Datastore datastore;
  private final Partitioner partitioner;
  private final WriteFence fence;
  private MessageConsumer<JsonObject> consumer;

  private DonorService(Datastore datastore, Partitioner partitioner, WriteFence fence) {
    this.datastore = datastore;
    this.partitioner = partitioner;
    this.fence = fence;
  }

  /** Where {@code node}'s donor service listens. */
  public static String address(NodeInfo node) {
    return node.busAddress() + SUFFIX;
  }

  /**
   * Serves warm-up requests for {@code self} from {@code datastore}, telling what {@code fence}
   * remembers; completes once registered.
   */
  public static Future<DonorService> start(Vertx vertx, NodeInfo self, Datastore datastore, Partitioner partitioner,
      WriteFence fence) {
    DonorService d = new DonorService(datastore, partitioner, fence);
    d.consumer = vertx.eventBus().consumer(address(self), d::serve);
    return d.consumer.completion().map(d);
  }

  private void serve(Message<JsonObject> msg) {
    BusOps.answer(msg, body -> switch (String.valueOf(body.getString("op"))) {
      case "size" -> run("DBSIZE").map(r -> new JsonObject().put("keys", ((IntegerReply) r).value()));
      case "batch" -> batch(body.getString("cursor"), body.getInteger("count"), ranges(body.getJsonArray("ranges")));
      case "keys" -> keys(body.getJsonArray("keys"));
      default -> Future.failedFuture("unknown warm-up operation: " + body.getString("op"));
    });
  }

  private Future<JsonObject> batch(String cursor, int count, List<HashRange> ranges) {
    // Sampled before the SCAN: what is read after it cannot be older than these flushes.
    long flushed = fence.flushedAt();
    return run("SCAN", cursor, "COUNT", Integer.toString(count)).compose(r -> {
      List<Reply> parts = ((ArrayReply) r).items();
      String next = new String(((BulkReply) parts.get(0)).value(), java.nio.charset.StandardCharsets.US_ASCII);
      List<Reply> keys = ((ArrayReply) parts.get(1)).items();
      List<byte[]> wanted = new ArrayList<>();
      for (Reply k : keys) {
        byte[] key = ((BulkReply) k).value();
        if (HashRange.anyContains(ranges, partitioner.token(key))) {
          wanted.add(key);
        }
      }
      return entries(wanted).map(out -> new JsonObject().put("cursor", next).put("scanned", keys.size())
          .put("flushed", flushed).put("entries", out));
    });
  }

  /** The copies of {@code keys} (base64 in JSON), as a batch's entries, with the flushes applied. */
  private Future<JsonObject> keys(JsonArray keys) {
    long flushed = fence.flushedAt();
    List<byte[]> wanted = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      wanted.add(keys.getBinary(i));
    }
    return entries(wanted).map(out -> new JsonObject().put("flushed", flushed).put("entries", out));
  }

  private Future<JsonArray> entries(List<byte[]> keys) {
    List<Future<JsonArray>> entries = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      entries.add(entry(key));
    }
    return Future.all(entries).map(all -> {
      JsonArray out = new JsonArray();
      for (Future<JsonArray> e : entries) {
        if (e.result() != null) {
          out.add(e.result());
        }
      }
      return out;
    });
  }

  /** {@code [key, payload, expireAt]}, or null when the key is gone. */
  private Future<JsonArray> entry(byte[] key) {
    // Read before the DUMP: the copy then holds at least the writes remembered here.
    WriteFence.Remembered known = fence.remembered(key);
    Future<Reply> dump = run(new RespRequest(new byte[][] {"DUMP".getBytes(), key}));
    Future<Reply> pttl = run(new RespRequest(new byte[][] {"PTTL".getBytes(), key}));
    long now = System.currentTimeMillis();
    return Future.all(dump, pttl).map(v -> {
      if (!(dump.result() instanceof BulkReply payload) || !(pttl.result() instanceof IntegerReply ttl)
          || ttl.value() == -2) {
        return null;
      }
      long expireAt = ttl.value() < 0 ? 0 : now + ttl.value();
      return new JsonArray().add(key).add(payload.value()).add(expireAt).add(known.newest())
          .add(known.newestOverwrite());
    });
  }

  private Future<Reply> run(String... args) {
    return run(RespRequest.of(args));
  }

  private Future<Reply> run(RespRequest request) {
    return datastore.execute(request, TABLE.lookup(request)).compose(r -> r instanceof org.vertxdynomite.resp.RespError e
        ? Future.failedFuture(e) : Future.succeededFuture(r));
  }

  static List<HashRange> ranges(JsonArray json) {
    List<HashRange> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      JsonArray r = json.getJsonArray(i);
      out.add(new HashRange(r.getLong(0), r.getLong(1)));
    }
    return out;
  }

  static JsonArray toJson(List<HashRange> ranges) {
    JsonArray out = new JsonArray();
    ranges.forEach(r -> out.add(new JsonArray().add(r.lo()).add(r.hi())));
    return out;
  }

  /** Stops serving. */
  public Future<Void> close() {
    return consumer.unregister();
  }
}
