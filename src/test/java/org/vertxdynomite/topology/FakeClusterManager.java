package org.vertxdynomite.topology;

import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Counter;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.core.spi.cluster.NodeListener;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.core.spi.cluster.RegistrationListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The membership half of a cluster manager, driven by the test: the member list, each member's
 * metadata (absent until {@link #publish}), and the node events. Everything else is unsupported.
 */
final class FakeClusterManager implements ClusterManager {

  final AtomicInteger getNodesCalls = new AtomicInteger();
  volatile RuntimeException getNodesFailure;
  volatile NodeListener listener;

  private final String selfId;
  private final List<String> nodes = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> metadata = new ConcurrentHashMap<>();

  FakeClusterManager(String selfId) {
    this.selfId = selfId;
    nodes.add(selfId);
  }

  /** {@code id} joins; its metadata is not readable until {@link #publish}. */
  void join(String id) {
    nodes.add(id);
    NodeListener l = listener;
    if (l != null) {
      l.nodeAdded(id);
    }
  }

  /** {@code id} joins with {@code json} already readable. */
  void join(String id, JsonObject json) {
    publish(id, json);
    join(id);
  }

  void publish(String id, JsonObject json) {
    metadata.put(id, json);
  }

  void leave(String id) {
    nodes.remove(id);
    metadata.remove(id);
    NodeListener l = listener;
    if (l != null) {
      l.nodeLeft(id);
    }
  }

  @Override
  public String getNodeId() {
    return selfId;
  }

  @Override
  public List<String> getNodes() {
    getNodesCalls.incrementAndGet();
    RuntimeException failure = getNodesFailure;
    if (failure != null) {
      getNodesFailure = null;
      throw failure;
    }
    return List.copyOf(nodes);
  }

  @Override
  public void getNodeInfo(String nodeId, Completable<NodeInfo> promise) {
    JsonObject json = metadata.get(nodeId);
    if (json == null) {
      promise.fail(new VertxException("Not a member of the cluster", true));
    } else {
      promise.succeed(new NodeInfo("127.0.0.1", 1, json));
    }
  }

  @Override
  public void nodeListener(NodeListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(Vertx vertx) {}

  @Override
  public boolean isActive() {
    return true;
  }

  @Override
  public NodeInfo getNodeInfo() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setNodeInfo(NodeInfo nodeInfo, Completable<Void> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void join(Completable<Void> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void leave(Completable<Void> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <K, V> void getAsyncMap(String name, Completable<AsyncMap<K, V>> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <K, V> Map<K, V> getSyncMap(String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void getLockWithTimeout(String name, long timeout, Completable<Lock> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void getCounter(String name, Completable<Counter> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void registrationListener(RegistrationListener registrationListener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void addRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void removeRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void getRegistrations(String address, Completable<List<RegistrationInfo>> promise) {
    throw new UnsupportedOperationException();
  }
}
