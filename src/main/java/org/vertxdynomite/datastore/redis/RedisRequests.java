package org.vertxdynomite.datastore.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.concurrent.ConcurrentHashMap;
import org.vertxdynomite.resp.RespRequest;

/** Builds vertx-redis-client requests from client requests, argument bytes unchanged. */
final class RedisRequests {

  /** Command objects are immutable; create each once. */
  private static final ConcurrentHashMap<String, Command> COMMANDS = new ConcurrentHashMap<>();

  private RedisRequests() {}

  /** {@code command} is the request's lower-case command name. */
  static Request toRedis(RespRequest request, String command) {
    Command c = COMMANDS.computeIfAbsent(command, Command::create);
    Request r = Request.cmd(c);
    for (int i = 1; i < request.argc(); i++) {
      r.arg(request.arg(i));
    }
    return r;
  }
}
