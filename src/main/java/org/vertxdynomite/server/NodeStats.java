package org.vertxdynomite.server;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Node-wide client counters, shared by every RESP server instance; safe from any thread. */
public final class NodeStats {

  private final long startMillis = System.currentTimeMillis();
  private final AtomicLong connectionIds = new AtomicLong();
  private final LongAdder connectionsReceived = new LongAdder();
  private final LongAdder connectionsRejected = new LongAdder();
  private final LongAdder commandsProcessed = new LongAdder();
  private final Map<Long, ClientConnection> connections = new ConcurrentHashMap<>();

  long nextConnectionId() {
    return connectionIds.incrementAndGet();
  }

  void connected(ClientConnection c) {
    connectionsReceived.increment();
    connections.put(c.session().id(), c);
  }

  void disconnected(ClientConnection c) {
    connections.remove(c.session().id());
  }

  void rejected() {
    connectionsRejected.increment();
  }

  void commandProcessed() {
    commandsProcessed.increment();
  }

  public long startMillis() {
    return startMillis;
  }

  public int connectedClients() {
    return connections.size();
  }

  public long connectionsReceived() {
    return connectionsReceived.sum();
  }

  public long connectionsRejected() {
    return connectionsRejected.sum();
  }

  public long commandsProcessed() {
    return commandsProcessed.sum();
  }

  Collection<ClientConnection> connections() {
    return connections.values();
  }
}
