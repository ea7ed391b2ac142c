package org.vertxdynomite.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespRequest;

class GuardedDatastoreUnitTests {

  /** Runs nothing; remembers what it was asked, in order. */
  static final class Recording implements Datastore {
    final List<String> ran = new ArrayList<>();

    @Override
    public Future<Void> start() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
      ran.add(request.toString());
      return Future.succeededFuture(Replies.OK);
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private final Recording inner = new Recording();
  private final WarmupGuard guard = new WarmupGuard();
  private final GuardedDatastore guarded = new GuardedDatastore(inner, guard);

  private Future<Reply> run(String... args) {
    RespRequest r = RespRequest.of(args);
    return guarded.execute(r, CommandTable.get().lookup(r), 0);
  }

  @Test
  void everyKeyOfAWriteIsRecordedWhileTheGuardIsActive() {
    guard.activate();
    run("MSET", "a", "1", "b", "2");
    run("DEL", "c");
    run("GET", "d");

    assertThat(guard.claim("a".getBytes())).isNull();
    assertThat(guard.claim("b".getBytes())).isNull();
    assertThat(guard.claim("c".getBytes())).as("a deleted key").isNull();
    assertThat(guard.claim("d".getBytes())).as("a key only read").isNotNull();
    assertThat(inner.ran).hasSize(3);
  }

  @Test
  void aWriteToAKeyBeingRestoredRunsOnlyOnceTheRestoreIsDone() {
    guard.activate();
    WarmupGuard.Claim claim = guard.claim("k".getBytes());

    Future<Reply> write = run("SET", "k", "new");
    Future<Reply> read = run("GET", "k");
    assertThat(write.isComplete()).isFalse();
    assertThat(read.isComplete()).isTrue();

    claim.release();
    assertThat(write.result()).isEqualTo(Replies.OK);
    assertThat(inner.ran).hasSize(2);
    assertThat(inner.ran.get(1)).contains("SET");
  }

  @Test
  void withoutAWarmupNothingIsRecorded() {
    run("SET", "k", "v");
    guard.activate();

    assertThat(guard.claim("k".getBytes())).isNotNull();
  }
}
