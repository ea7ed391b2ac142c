package org.vertxdynomite.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.coordinator.Session;
import org.vertxdynomite.resp.ProtocolError;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RequestHandler;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.resp.RespRequestParser;

/**
 * One client connection: parses its requests, starts each one at once, and writes the replies in
 * request order however they complete.
 *
 * <p>Replies that are ready when a read has been parsed go out in one write. Reading stops while
 * the client has too many requests in progress or its socket's write queue is full, and resumes
 * when both have drained: a client that does not read its replies cannot grow the node's memory.
 * After QUIT or a protocol error nothing more is read; the pending replies are written, then the
 * connection is closed. Everything here runs on the connection's event loop.
 */
final class ClientConnection implements RequestHandler {

  private static final Logger LOG = Logger.getLogger(ClientConnection.class.getName());
  private static final int REPLY_BUFFER = 64;

  private final NetSocket socket;
  private final Context context;
  private final RequestDispatcher dispatcher;
  private final NodeStats stats;
  private final ServerSettings settings;
  private final Session session;
  private final RespRequestParser parser;
  private final ArrayDeque<Future<Reply>> pending = new ArrayDeque<>();
  private final long connectedMillis = System.currentTimeMillis();
  private boolean parsing;
  private boolean flushScheduled;
  private final Handler<Void> flushTask = v -> {
    flushScheduled = false;
    flush();
  };
  private boolean closeWhenDrained;
  private boolean paused;
  private boolean closed;

  ClientConnection(NetSocket socket, Context context, RequestDispatcher dispatcher, NodeStats stats,
      ServerSettings settings) {
    this.socket = socket;
    this.context = ((ContextInternal) context).unwrap();
    this.dispatcher = dispatcher;
    this.stats = stats;
    this.settings = settings;
    this.session = new Session(stats.nextConnectionId());
    this.parser = new RespRequestParser(this, settings.limits());
  }

  void start() {
    stats.connected(this);
    socket.handler(this::onData);
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(e -> socket.close());
    if (socket instanceof NetSocketInternal internal) {
      // A client that sends its last requests and then half-closes (FIN) still gets their replies,
      // as from redis-server: the connection closes once they are written.
      internal.channelHandlerContext().channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
      internal.eventHandler(event -> {
        if (event instanceof ChannelInputShutdownEvent) {
          // As redis-server frees such a client: blocked commands are given up (a later push must
          // not be popped for a client that is gone), the other replies are written.
          session.markClosed();
          closeAfterReply();
          flush();
        }
      });
    }
  }

  Session session() {
    return session;
  }

  NetSocket socket() {
    return socket;
  }

  long connectedMillis() {
    return connectedMillis;
  }

  private void onData(Buffer data) {
    parsing = true;
    try {
      parser.handle(data);
    } finally {
      parsing = false;
    }
    flush();
  }

  @Override
  public void handle(RespRequest request) {
    if (closeWhenDrained) {
      return;
    }
    stats.commandProcessed();
    Future<Reply> reply;
    try {
      reply = dispatcher.dispatch(request, this);
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    pending.add(reply);
    if (!reply.isComplete()) {
      reply.onComplete(ar -> onReplyReady());
    }
    updateFlow();
  }

  @Override
  public void fail(ProtocolError error) {
    if (!closeWhenDrained) {
      pending.add(Future.succeededFuture(error));
      closeAfterReply();
    }
  }

  /** Reads nothing more; the connection closes once the replies queued so far are written. */
  void closeAfterReply() {
    closeWhenDrained = true;
    socket.pause();
  }

  private void onReplyReady() {
    // A reply may complete on a duplicate of this connection's context (same event loop): no hop.
    Context current = Vertx.currentContext();
    if (current == null || ((ContextInternal) current).unwrap() != context) {
      context.runOnContext(v -> onReplyReady());
    } else if (!parsing && !flushScheduled) {
      // Replies completing in one turn (a datastore read answering a whole pipeline) go out in one
      // write at the end of the turn, not one write each.
      flushScheduled = true;
      context.runOnContext(flushTask);
    }
  }

  /** Writes every reply that is ready at the head of the queue, in one write. */
  private void flush() {
    if (closed) {
      pending.clear();
      return;
    }
    Buffer out = null;
    Future<Reply> head;
    while ((head = pending.peek()) != null && head.isComplete()) {
      pending.poll();
      if (out == null) {
        // Sized for one short reply (+OK, a small bulk): at -P 1 there is one flush per request,
        // and the buffer grows by doubling for the rest.
        out = Buffer.buffer(REPLY_BUFFER);
      }
      replyOf(head).writeTo(out);
    }
    if (out != null) {
      socket.write(out);
    }
    if (closeWhenDrained && pending.isEmpty()) {
      socket.end();
      return;
    }
    updateFlow();
  }

  private static Reply replyOf(Future<Reply> f) {
    if (f.succeeded()) {
      return f.result();
    }
    Throwable cause = f.cause();
    if (cause instanceof RespError e) {
      return e;
    }
    LOG.log(Level.SEVERE, "Unexpected failure while serving a request", cause);
    return RespError.err("Dynomite: internal error: " + cause);
  }

  /** Pauses reading while too much is in progress or queued for writing; resumes when drained. */
  private void updateFlow() {
    if (closeWhenDrained || closed) {
      return;
    }
    boolean writeFull = socket.writeQueueFull();
    int limit = settings.maxPendingPerClient();
    if (!paused && (pending.size() >= limit || writeFull)) {
      paused = true;
      socket.pause();
      if (writeFull) {
        socket.drainHandler(v -> updateFlow());
      }
    } else if (paused && pending.size() <= limit / 2 && !writeFull) {
      paused = false;
      socket.resume();
    }
  }

  private void onClosed() {
    closed = true;
    pending.clear();
    stats.disconnected(this);
    session.markClosed();
  }
}
