package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.command.CommandTable;
import org.vertxdynomite.datastore.Datastore;
import org.vertxdynomite.datastore.StorageError;
import org.vertxdynomite.replication.PeerFlags;
import org.vertxdynomite.replication.WriteFence;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.RespRequest;

/** The replica's side of a write: the fence first, then the datastore. */
class ReplicaStoreUnitTests {

  /** A datastore whose every request waits until the test completes it. */
  private static final class HeldDatastore implements Datastore {
    final List<Promise<Reply>> held = new ArrayList<>();

    @Override
    public Future<Void> start() {
      return Future.succeededFuture();
    }

    @Override
    public Future<Reply> execute(RespRequest request, CommandInfo info, long orderKey) {
      Promise<Reply> p = Promise.promise();
      held.add(p);
      return p.future();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private final HeldDatastore datastore = new HeldDatastore();
  private final ReplicaStore store = new ReplicaStore(datastore, new WriteFence(1024));
  private final RespRequest incr = RespRequest.of("INCR", "n");
  private final CommandInfo info = CommandTable.get().lookup("incr");

  @Test
  void aHintReplayedWhileItsOriginalIsStillBeingAppliedIsRefusedForNowNotVoidedNorAppliedTwice() {
    store.execute(incr, info, 1, 100, 0);

    Future<Reply> replay = store.execute(incr, info, 1, 100, PeerFlags.HINTED);

    assertThat(replay.failed()).isTrue();
    assertThat(((StorageError) replay.cause()).reason()).isEqualTo(StorageError.Reason.IN_PROGRESS);
    assertThat(datastore.held).hasSize(1);
  }

  @Test
  void aHintReplayedAfterItsOriginalWasAppliedIsVoidedAsADuplicate() {
    store.execute(incr, info, 1, 100, 0);
    datastore.held.get(0).complete(Replies.integer(1));

    Future<Reply> replay = store.execute(incr, info, 1, 100, PeerFlags.HINTED);

    assertThat(replay.succeeded()).isTrue();
    assertThat(datastore.held).hasSize(1);
  }

  @Test
  void aHintReplayedAfterItsOriginalFailedIsApplied() {
    store.execute(incr, info, 1, 100, 0);
    datastore.held.get(0).fail(new StorageError(StorageError.Reason.CLOSED));

    store.execute(incr, info, 1, 100, PeerFlags.HINTED);

    assertThat(datastore.held).hasSize(2);
  }
}
