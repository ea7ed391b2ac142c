package org.vertxdynomite.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link NodeConfig}. Starts from the {@code NodeConfig.DEFAULT_*} values (or from an
 * existing configuration through {@link NodeConfig#mutate()}).
 *
 * <p>Each setter checks its own value and throws {@link IllegalArgumentException} with a short
 * reason (for example {@code must be 1..2147483647}); {@link #build()} checks how values fit
 * together and throws {@link ConfigException} listing every conflict.
 */
public final class NodeConfigBuilder {

  private static final int MAX_INT = Integer.MAX_VALUE;

  String poolName = NodeConfig.DEFAULT_POOL_NAME;
  HostPort listen = NodeConfig.DEFAULT_LISTEN;
  HostPort dynListen = NodeConfig.DEFAULT_DYN_LISTEN;
  HostPort statsListen = NodeConfig.DEFAULT_STATS_LISTEN;
  List<ServerSpec> servers = List.of();
  DataStoreKind dataStore; // null: follow servers
  String datacenter = NodeConfig.DEFAULT_DATACENTER;
  String rack = NodeConfig.DEFAULT_RACK;
  List<Long> tokens = NodeConfig.DEFAULT_TOKENS;
  List<SeedSpec> dynSeeds = List.of();
  SeedProvider seedProvider = NodeConfig.DEFAULT_SEED_PROVIDER;
  Optional<String> kubernetesServiceDns = Optional.empty();
  HashAlgorithm hash = NodeConfig.DEFAULT_HASH;
  Optional<String> hashTag = Optional.empty();
  int timeoutMs = NodeConfig.DEFAULT_TIMEOUT_MS;
  Consistency readConsistency = NodeConfig.DEFAULT_READ_CONSISTENCY;
  Consistency writeConsistency = NodeConfig.DEFAULT_WRITE_CONSISTENCY;
  SecureServerOption secureServerOption = NodeConfig.DEFAULT_SECURE_SERVER_OPTION;
  int backlog = NodeConfig.DEFAULT_BACKLOG;
  int clientConnections = NodeConfig.DEFAULT_CLIENT_CONNECTIONS;
  boolean preconnect = NodeConfig.DEFAULT_PRECONNECT;
  boolean autoEjectHosts = NodeConfig.DEFAULT_AUTO_EJECT_HOSTS;
  int serverRetryTimeoutMs = NodeConfig.DEFAULT_SERVER_RETRY_TIMEOUT_MS;
  int serverFailureLimit = NodeConfig.DEFAULT_SERVER_FAILURE_LIMIT;
  int datastoreConnections = NodeConfig.DEFAULT_DATASTORE_CONNECTIONS;
  int dynReadTimeoutMs = NodeConfig.DEFAULT_DYN_READ_TIMEOUT_MS;
  int dynWriteTimeoutMs = NodeConfig.DEFAULT_DYN_WRITE_TIMEOUT_MS;
  int statsIntervalMs = NodeConfig.DEFAULT_STATS_INTERVAL_MS;
  boolean readRepairsEnabled = NodeConfig.DEFAULT_READ_REPAIRS_ENABLED;
  Optional<String> requirepass = Optional.empty();
  Optional<String> redisRequirepass = Optional.empty();
  long embeddedMaxmemory = NodeConfig.DEFAULT_EMBEDDED_MAXMEMORY;
  long protoMaxBulkLen = NodeConfig.DEFAULT_PROTO_MAX_BULK_LEN;
  int failureDetectionMs = NodeConfig.DEFAULT_FAILURE_DETECTION_MS;
  int lwwFenceSlots = NodeConfig.DEFAULT_LWW_FENCE_SLOTS;
  Path dataDir = NodeConfig.DEFAULT_DATA_DIR;
  int serverInstances = NodeConfig.DEFAULT_SERVER_INSTANCES;
  String clusterName = NodeConfig.DEFAULT_CLUSTER_NAME;
  int eventbusPort = NodeConfig.DEFAULT_EVENTBUS_PORT;
  long hintsMaxBytes = NodeConfig.DEFAULT_HINTS_MAX_BYTES;
  int hintWindowMs = NodeConfig.DEFAULT_HINT_WINDOW_MS;
  int hintsFsyncMs = NodeConfig.DEFAULT_HINTS_FSYNC_MS;
  int hintsReplayRate = NodeConfig.DEFAULT_HINTS_REPLAY_RATE;
  int antiEntropyIntervalMs = NodeConfig.DEFAULT_ANTI_ENTROPY_INTERVAL_MS;
  int antiEntropyKeysPerSecond = NodeConfig.DEFAULT_ANTI_ENTROPY_KEYS_PER_SECOND;
  WarmupMode warmup = NodeConfig.DEFAULT_WARMUP;
  int warmupBatchSize = NodeConfig.DEFAULT_WARMUP_BATCH_SIZE;
  int warmupKeysPerSecond = NodeConfig.DEFAULT_WARMUP_KEYS_PER_SECOND;
  List<String> ignoredKeys = List.of();

  NodeConfigBuilder() {}

  NodeConfigBuilder(NodeConfig c) {
    poolName = c.poolName();
    listen = c.listen();
    dynListen = c.dynListen();
    statsListen = c.statsListen();
    servers = c.servers();
    dataStore = c.dataStore();
    datacenter = c.datacenter();
    rack = c.rack();
    tokens = c.tokens();
    dynSeeds = c.dynSeeds();
    seedProvider = c.seedProvider();
    kubernetesServiceDns = c.kubernetesServiceDns();
    hash = c.hash();
    hashTag = c.hashTag();
    timeoutMs = c.timeoutMs();
    readConsistency = c.readConsistency();
    writeConsistency = c.writeConsistency();
    secureServerOption = c.secureServerOption();
    backlog = c.backlog();
    clientConnections = c.clientConnections();
    preconnect = c.preconnect();
    autoEjectHosts = c.autoEjectHosts();
    serverRetryTimeoutMs = c.serverRetryTimeoutMs();
    serverFailureLimit = c.serverFailureLimit();
    datastoreConnections = c.datastoreConnections();
    dynReadTimeoutMs = c.dynReadTimeoutMs();
    dynWriteTimeoutMs = c.dynWriteTimeoutMs();
    statsIntervalMs = c.statsIntervalMs();
    readRepairsEnabled = c.readRepairsEnabled();
    requirepass = c.requirepass();
    redisRequirepass = c.redisRequirepass();
    embeddedMaxmemory = c.embeddedMaxmemory();
    protoMaxBulkLen = c.protoMaxBulkLen();
    failureDetectionMs = c.failureDetectionMs();
    lwwFenceSlots = c.lwwFenceSlots();
    dataDir = c.dataDir();
    serverInstances = c.serverInstances();
    clusterName = c.clusterName();
    eventbusPort = c.eventbusPort();
    hintsMaxBytes = c.hintsMaxBytes();
    hintWindowMs = c.hintWindowMs();
    hintsFsyncMs = c.hintsFsyncMs();
    hintsReplayRate = c.hintsReplayRate();
    antiEntropyIntervalMs = c.antiEntropyIntervalMs();
    antiEntropyKeysPerSecond = c.antiEntropyKeysPerSecond();
    warmup = c.warmup();
    warmupBatchSize = c.warmupBatchSize();
    warmupKeysPerSecond = c.warmupKeysPerSecond();
    ignoredKeys = c.ignoredKeys();
  }

  /** The yml root key, used as the prefix of every message; not blank. */
  public NodeConfigBuilder poolName(String poolName) {
    if (poolName == null || poolName.isBlank()) {
      throw new IllegalArgumentException("the root key is empty");
    }
    this.poolName = poolName;
    return this;
  }

  public NodeConfigBuilder listen(HostPort listen) {
    this.listen = Objects.requireNonNull(listen, "listen");
    return this;
  }

  public NodeConfigBuilder dynListen(HostPort dynListen) {
    this.dynListen = Objects.requireNonNull(dynListen, "dynListen");
    return this;
  }

  public NodeConfigBuilder statsListen(HostPort statsListen) {
    this.statsListen = Objects.requireNonNull(statsListen, "statsListen");
    return this;
  }

  /** The Redis server; {@link #build()} requires exactly one for REDIS and none for EMBEDDED. */
  public NodeConfigBuilder servers(List<ServerSpec> servers) {
    this.servers = List.copyOf(servers);
    return this;
  }

  /** The data store kind; {@code null} lets {@link #servers} decide (REDIS if one is listed). */
  public NodeConfigBuilder dataStore(DataStoreKind dataStore) {
    this.dataStore = dataStore;
    return this;
  }

  /** {@code cluster_name} (extension): nodes only join a cluster of the same name. */
  public NodeConfigBuilder clusterName(String clusterName) {
    this.clusterName = Names.check(clusterName, "cluster_name");
    return this;
  }

  public NodeConfigBuilder datacenter(String datacenter) {
    this.datacenter = Names.check(datacenter, "datacenter");
    return this;
  }

  public NodeConfigBuilder rack(String rack) {
    this.rack = Names.check(rack, "rack");
    return this;
  }

  /** One or more tokens, each in {@code 0..4294967295}. */
  public NodeConfigBuilder tokens(List<Long> tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no token given");
    }
    tokens.forEach(Tokens::check);
    this.tokens = List.copyOf(tokens);
    return this;
  }

  public NodeConfigBuilder dynSeeds(List<SeedSpec> dynSeeds) {
    this.dynSeeds = List.copyOf(dynSeeds);
    return this;
  }

  public NodeConfigBuilder seedProvider(SeedProvider seedProvider) {
    this.seedProvider = Objects.requireNonNull(seedProvider, "seedProvider");
    return this;
  }

  /**
   * The headless Service's DNS name, e.g. {@code dynomite-peers.default.svc.cluster.local}, or
   * {@code null} for none: letters, digits, {@code -} and {@code .}, at most 253 characters.
   */
  public NodeConfigBuilder kubernetesServiceDns(String name) {
    this.kubernetesServiceDns = Optional.ofNullable(name == null ? null : DnsNames.check(name));
    return this;
  }

  public NodeConfigBuilder hash(HashAlgorithm hash) {
    this.hash = Objects.requireNonNull(hash, "hash");
    return this;
  }

  /** Exactly two characters, or {@code null} for none. */
  public NodeConfigBuilder hashTag(String hashTag) {
    if (hashTag != null && hashTag.length() != 2) {
      throw new IllegalArgumentException("must be exactly two characters, e.g. {}");
    }
    this.hashTag = Optional.ofNullable(hashTag);
    return this;
  }

  public NodeConfigBuilder timeoutMs(int timeoutMs) {
    this.timeoutMs = range(timeoutMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder readConsistency(Consistency readConsistency) {
    this.readConsistency = Objects.requireNonNull(readConsistency, "readConsistency");
    return this;
  }

  public NodeConfigBuilder writeConsistency(Consistency writeConsistency) {
    this.writeConsistency = Objects.requireNonNull(writeConsistency, "writeConsistency");
    return this;
  }

  public NodeConfigBuilder secureServerOption(SecureServerOption secureServerOption) {
    this.secureServerOption = Objects.requireNonNull(secureServerOption, "secureServerOption");
    return this;
  }

  public NodeConfigBuilder backlog(int backlog) {
    this.backlog = range(backlog, 1, MAX_INT);
    return this;
  }

  /** 0 means no limit. */
  public NodeConfigBuilder clientConnections(int clientConnections) {
    this.clientConnections = range(clientConnections, 0, MAX_INT);
    return this;
  }

  public NodeConfigBuilder preconnect(boolean preconnect) {
    this.preconnect = preconnect;
    return this;
  }

  public NodeConfigBuilder autoEjectHosts(boolean autoEjectHosts) {
    this.autoEjectHosts = autoEjectHosts;
    return this;
  }

  public NodeConfigBuilder serverRetryTimeoutMs(int serverRetryTimeoutMs) {
    this.serverRetryTimeoutMs = range(serverRetryTimeoutMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder serverFailureLimit(int serverFailureLimit) {
    this.serverFailureLimit = range(serverFailureLimit, 1, MAX_INT);
    return this;
  }

  /** 1..255: Dynomite keeps this count in 8 bits. */
  public NodeConfigBuilder datastoreConnections(int datastoreConnections) {
    this.datastoreConnections = range(datastoreConnections, 1, 255);
    return this;
  }

  public NodeConfigBuilder dynReadTimeoutMs(int dynReadTimeoutMs) {
    this.dynReadTimeoutMs = range(dynReadTimeoutMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder dynWriteTimeoutMs(int dynWriteTimeoutMs) {
    this.dynWriteTimeoutMs = range(dynWriteTimeoutMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder statsIntervalMs(int statsIntervalMs) {
    this.statsIntervalMs = range(statsIntervalMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder readRepairsEnabled(boolean readRepairsEnabled) {
    this.readRepairsEnabled = readRepairsEnabled;
    return this;
  }

  /** The client password, or {@code null} for none; not empty. */
  public NodeConfigBuilder requirepass(String requirepass) {
    this.requirepass = password(requirepass);
    return this;
  }

  /** The Redis server's password, or {@code null} for none; not empty. */
  public NodeConfigBuilder redisRequirepass(String redisRequirepass) {
    this.redisRequirepass = password(redisRequirepass);
    return this;
  }

  /** Bytes; 0 means no limit. */
  public NodeConfigBuilder embeddedMaxmemory(long embeddedMaxmemory) {
    if (embeddedMaxmemory < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    this.embeddedMaxmemory = embeddedMaxmemory;
    return this;
  }

  /**
   * Bytes, 1mb..2147483647: Redis's own lower bound, and the largest buffer the JVM can hold.
   */
  public NodeConfigBuilder protoMaxBulkLen(long protoMaxBulkLen) {
    if (protoMaxBulkLen < 1024 * 1024 || protoMaxBulkLen > MAX_INT) {
      throw new IllegalArgumentException("must be 1048576 (1mb)..2147483647");
    }
    this.protoMaxBulkLen = protoMaxBulkLen;
    return this;
  }

  /** 2000..3600000 ms: Hazelcast counts in whole seconds and needs at least two heartbeats. */
  public NodeConfigBuilder failureDetectionMs(int failureDetectionMs) {
    this.failureDetectionMs = range(failureDetectionMs, 2000, 3_600_000);
    return this;
  }

  /** 1024..268435456 (2^28) slots. */
  public NodeConfigBuilder lwwFenceSlots(int lwwFenceSlots) {
    this.lwwFenceSlots = range(lwwFenceSlots, 1024, 1 << 28);
    return this;
  }

  public NodeConfigBuilder dataDir(Path dataDir) {
    if (dataDir == null || dataDir.toString().isEmpty()) {
      throw new IllegalArgumentException("the directory is empty");
    }
    this.dataDir = dataDir;
    return this;
  }

  /** 0..65535; 0 means any free port. */
  public NodeConfigBuilder eventbusPort(int eventbusPort) {
    this.eventbusPort = range(eventbusPort, 0, 65535);
    return this;
  }

  /** Bytes, at least 1mb. */
  public NodeConfigBuilder hintsMaxBytes(long hintsMaxBytes) {
    if (hintsMaxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("must be at least 1048576 (1mb)");
    }
    this.hintsMaxBytes = hintsMaxBytes;
    return this;
  }

  public NodeConfigBuilder hintWindowMs(int hintWindowMs) {
    this.hintWindowMs = range(hintWindowMs, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder hintsFsyncMs(int hintsFsyncMs) {
    this.hintsFsyncMs = range(hintsFsyncMs, 1, MAX_INT);
    return this;
  }

  /** Hints per second to one target. */
  public NodeConfigBuilder hintsReplayRate(int hintsReplayRate) {
    this.hintsReplayRate = range(hintsReplayRate, 1, MAX_INT);
    return this;
  }

  /** 0 (no periodic repair) or 100..86400000 ms. */
  public NodeConfigBuilder antiEntropyIntervalMs(int antiEntropyIntervalMs) {
    if (antiEntropyIntervalMs != 0 && (antiEntropyIntervalMs < 100 || antiEntropyIntervalMs > 86_400_000)) {
      throw new IllegalArgumentException("must be 0 (off) or 100..86400000");
    }
    this.antiEntropyIntervalMs = antiEntropyIntervalMs;
    return this;
  }

  /** Keys per second, at least 1. */
  public NodeConfigBuilder antiEntropyKeysPerSecond(int antiEntropyKeysPerSecond) {
    this.antiEntropyKeysPerSecond = range(antiEntropyKeysPerSecond, 1, MAX_INT);
    return this;
  }

  public NodeConfigBuilder warmup(WarmupMode warmup) {
    this.warmup = java.util.Objects.requireNonNull(warmup, "warmup");
    return this;
  }

  /** 1..100000 keys per batch. */
  public NodeConfigBuilder warmupBatchSize(int warmupBatchSize) {
    this.warmupBatchSize = range(warmupBatchSize, 1, 100_000);
    return this;
  }

  /** Keys per second, 0 for no limit. */
  public NodeConfigBuilder warmupKeysPerSecond(int warmupKeysPerSecond) {
    this.warmupKeysPerSecond = range(warmupKeysPerSecond, 0, MAX_INT);
    return this;
  }

  public NodeConfigBuilder serverInstances(int serverInstances) {
    this.serverInstances = range(serverInstances, 1, MAX_INT);
    return this;
  }

  NodeConfigBuilder ignoredKeys(List<String> ignoredKeys) {
    this.ignoredKeys = List.copyOf(ignoredKeys);
    return this;
  }

  /**
   * Checks how the values fit together and builds the configuration.
   *
   * @throws ConfigException listing every conflict: a data store without its server (or with one
   *     it cannot use), two listeners on the same port, or a seed provider without its source
   */
  public NodeConfig build() {
    List<String> problems = new ArrayList<>();
    DataStoreKind kind = dataStore != null ? dataStore
        : servers.isEmpty() ? DataStoreKind.EMBEDDED : DataStoreKind.REDIS;
    if (kind == DataStoreKind.REDIS && servers.size() != 1) {
      problems.add(poolName + ".servers: data_store redis needs exactly one server (as in Dynomite), found "
          + servers.size());
    }
    if (kind == DataStoreKind.EMBEDDED && !servers.isEmpty()) {
      problems.add(poolName + ".servers: data_store is embedded, so servers must be absent (found "
          + servers.size() + ")");
    }
    checkDistinct(problems, "listen", listen, "dyn_listen", dynListen);
    checkDistinct(problems, "listen", listen, "stats_listen", statsListen);
    checkDistinct(problems, "dyn_listen", dynListen, "stats_listen", statsListen);
    checkEventBusPort(problems, "listen", listen);
    checkEventBusPort(problems, "dyn_listen", dynListen);
    checkEventBusPort(problems, "stats_listen", statsListen);
    if (seedProvider == SeedProvider.KUBERNETES && kubernetesServiceDns.isEmpty()) {
      problems.add(poolName + ".kubernetes_service_dns: dyn_seed_provider kubernetes_provider needs the DNS name "
          + "of the peers' headless Service here");
    }
    if (seedProvider != SeedProvider.KUBERNETES && kubernetesServiceDns.isPresent()) {
      problems.add(poolName + ".kubernetes_service_dns: '" + kubernetesServiceDns.get() + "' is only used with "
          + "dyn_seed_provider: kubernetes_provider (the provider is " + seedProvider.configName() + ")");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new NodeConfig(this, kind);
  }

  private void checkDistinct(List<String> problems, String key, HostPort a, String otherKey, HostPort b) {
    if (a.collidesWith(b)) {
      problems.add(poolName + "." + otherKey + ": '" + b + "' uses the same port as " + key + " '" + a + "'");
    }
  }

  // The event bus binds dyn_listen's host, so its port must not be taken there by another listener.
  private void checkEventBusPort(List<String> problems, String key, HostPort other) {
    if (eventbusPort != 0 && new HostPort(dynListen.host(), eventbusPort).collidesWith(other)) {
      problems.add(poolName + ".eventbus_port: '" + eventbusPort + "' (on dyn_listen's host " + dynListen.host()
          + ") uses the same port as " + key + " '" + other + "'");
    }
  }

  private static int range(int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("must be " + min + ".." + max);
    }
    return value;
  }

  private static Optional<String> password(String password) {
    if (password != null && password.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    return Optional.ofNullable(password);
  }
}
