package org.vertxdynomite.coordinator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Replica futures a test completes one by one, in the order it chooses. */
final class Replicas {

  static final RespError PEER_DOWN = RespError.err("Peer: Peer Node is down");
  static final RespError STORAGE_TIMEOUT = RespError.err("Storage: Connection timed out");

  private final List<Promise<Reply>> promises = new ArrayList<>();

  Replicas(int n) {
    for (int i = 0; i < n; i++) {
      promises.add(Promise.promise());
    }
  }

  List<Future<Reply>> futures() {
    List<Future<Reply>> out = new ArrayList<>();
    for (Promise<Reply> p : promises) {
      out.add(p.future());
    }
    return out;
  }

  Replicas answer(int replica, Reply reply) {
    promises.get(replica).complete(reply);
    return this;
  }

  Replicas answer(int replica, String bulk) {
    return answer(replica, Replies.bulk(bulk));
  }

  Replicas fail(int replica, Throwable cause) {
    promises.get(replica).fail(cause);
    return this;
  }
}
