package org.vertxdynomite.datastore.redis;

import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * Turns a vertx-redis-client {@link Response} (read over RESP2) back into the exact RESP2 reply the
 * redis-server sent.
 */
final class ResponseConverter {

  private ResponseConverter() {}

  /** The reply for {@code response} to {@code request}; {@code command} is its lower-case name. */
  static Reply toReply(String command, RespRequest request, Response response) {
    if (response == null) {
      return NilShape.topLevel(command, request);
    }
    return convert(command, response);
  }

  private static Reply convert(String command, Response r) {
    if (r == null) {
      return NilShape.nested(command);
    }
    switch (r.type()) {
      case SIMPLE:
        return "OK".equals(r.toString()) ? Replies.OK : Replies.simple(r.toString());
      case ERROR:
        return new RespError(r.toString());
      case NUMBER:
        return Replies.integer(r.toLong());
      case BULK: {
        Buffer b = r.toBuffer();
        return Replies.bulk(b.getBytes());
      }
      case MULTI: {
        List<Reply> items = new ArrayList<>(r.size());
        for (Response child : r) {
          items.add(convert(command, child));
        }
        return Replies.array(items);
      }
      default:
        // RESP3-only types cannot arrive: the connection speaks RESP2.
        return RespError.err("Storage: unexpected reply type " + r.type());
    }
  }
}
