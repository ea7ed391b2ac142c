package org.vertxdynomite.repair;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.embedded.EmbeddedDatastore;
import org.vertxdynomite.datastore.embedded.EmbeddedOptions;
import org.vertxdynomite.replication.HybridClock;
import org.vertxdynomite.replication.LateWrites;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.HashTag;
import org.vertxdynomite.ring.Partitioner;

/** Three replicas in this JVM for repair tests: A, B and C, each an embedded store with its own write fence. */
abstract class EmbeddedReplicas {

  static final Partitioner MURMUR = new Partitioner(HashAlgorithms.byName("murmur"), HashTag.NONE);
  static final CommandTable TABLE = CommandTable.get();

  final Vertx vertx = Vertx.vertx();
  final EmbeddedDatastore storeA = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
  final EmbeddedDatastore storeB = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
  final EmbeddedDatastore storeC = new EmbeddedDatastore(vertx, EmbeddedOptions.builder().build());
  final WriteFence fenceA = new WriteFence(1024);
  final WriteFence fenceB = new WriteFence(1024);
  final WriteFence fenceC = new WriteFence(1024);
  final LocalReplica a = new LocalReplica("a", storeA, fenceA, MURMUR);
  final LocalReplica b = new LocalReplica("b", storeB, fenceB, MURMUR);
  final LocalReplica c = new LocalReplica("c", storeC, fenceC, MURMUR);
  /** A timestamp ten seconds old, so settled; later ones count up from it. */
  long ts = (System.currentTimeMillis() - 10_000) << HybridClock.LOGICAL_BITS;

  @AfterEach
  void close() throws Exception {
    storeA.close();
    storeB.close();
    storeC.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A write through the fence, as a replica applies one stamped by a coordinator, stamped next. */
  void write(EmbeddedDatastore store, WriteFence fence, String... args) throws Exception {
    stamped(store, fence, ++ts, args);
  }

  /** A write through the fence stamped {@code stamp}. */
  static void stamped(EmbeddedDatastore store, WriteFence fence, long stamp, String... args) throws Exception {
    RespRequest r = RespRequest.of(args);
    await(store.execute(r, TABLE.lookup(r)));
    fence.applied(new byte[][] {args[1].getBytes()}, stamp, LateWrites.overwrites(args[0].toLowerCase(), r));
  }

  /** A write that no fence knows of: a crashed coordinator's, or one made straight into the store. */
  static void unfenced(EmbeddedDatastore store, String... args) throws Exception {
    RespRequest r = RespRequest.of(args);
    await(store.execute(r, TABLE.lookup(r)));
  }

  static String get(EmbeddedDatastore store, String... args) throws Exception {
    RespRequest r = RespRequest.of(args);
    Reply reply = await(store.execute(r, TABLE.lookup(r)));
    return reply.toBuffer().toString(StandardCharsets.UTF_8);
  }
}
