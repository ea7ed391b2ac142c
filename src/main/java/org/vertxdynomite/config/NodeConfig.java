package org.vertxdynomite.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A node's configuration: the keys of Dynomite's {@code dynomite.yml}, typed and validated, plus a
 * few vertx-dynomite extensions. Immutable; build one with {@link #builder()}, derive one with
 * {@link #mutate()}, or read a yml file with {@link ConfigLoader}. The reference for every key is
 * {@code docs/CONFIG.md}.
 *
 * <p>Defaults are the {@code DEFAULT_*} constants. Where Dynomite has a default in its source
 * ({@code dyn_conf.c}) we use it and say so; the listeners default to 127.0.0.1 where Dynomite has
 * none or binds 0.0.0.0.
 *
 * <p>Dynomite keys that mean nothing here are accepted and listed, in file order, by {@link
 * #ignoredKeys()} so the launcher can log each once.
 */
public final class NodeConfig {

  /** The usual root key of a Dynomite yml file. */
  public static final String DEFAULT_POOL_NAME = "dyn_o_mite";
  /** {@code listen}: where clients connect with RESP. Dynomite has no default (the key is required). */
  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8102);
  /** {@code dyn_listen}: where peers connect. Dynomite has no default; 8101 is its usual port. */
  public static final HostPort DEFAULT_DYN_LISTEN = new HostPort("127.0.0.1", 8101);
  /** {@code stats_listen}: the stats HTTP endpoint. Dynomite's default is 0.0.0.0:22222. */
  public static final HostPort DEFAULT_STATS_LISTEN = new HostPort("127.0.0.1", 22222);
  /** {@code datacenter}: Dynomite's default, {@code localdc}. */
  public static final String DEFAULT_DATACENTER = "localdc";
  /** {@code rack}: Dynomite's default, {@code localrack}. */
  public static final String DEFAULT_RACK = "localrack";
  /** {@code tokens}: a single token 0 (Dynomite has no default). */
  public static final List<Long> DEFAULT_TOKENS = List.of(0L);
  /** {@code dyn_seed_provider}: Dynomite's default, {@code simple_provider}. */
  public static final SeedProvider DEFAULT_SEED_PROVIDER = SeedProvider.SIMPLE;
  /** {@code hash}: Dynomite's default, {@code murmur}. */
  public static final HashAlgorithm DEFAULT_HASH = HashAlgorithm.MURMUR;
  /** {@code timeout}: Dynomite's default, 5000 ms. */
  public static final int DEFAULT_TIMEOUT_MS = 5000;
  /** {@code read_consistency}: Dynomite's default, DC_ONE. */
  public static final Consistency DEFAULT_READ_CONSISTENCY = Consistency.DC_ONE;
  /** {@code write_consistency}: Dynomite's default, DC_ONE. */
  public static final Consistency DEFAULT_WRITE_CONSISTENCY = Consistency.DC_ONE;
  /** {@code secure_server_option}: Dynomite's default, none. */
  public static final SecureServerOption DEFAULT_SECURE_SERVER_OPTION = SecureServerOption.NONE;
  /** {@code backlog}: Dynomite's default listen backlog, 512. */
  public static final int DEFAULT_BACKLOG = 512;
  /** {@code client_connections}: 0, no limit (Dynomite's default). */
  public static final int DEFAULT_CLIENT_CONNECTIONS = 0;
  /** {@code preconnect}: Dynomite's default, true. */
  public static final boolean DEFAULT_PRECONNECT = true;
  /** {@code auto_eject_hosts}: Dynomite's default, true. */
  public static final boolean DEFAULT_AUTO_EJECT_HOSTS = true;
  /** {@code server_retry_timeout}: Dynomite's default in its source, 10000 ms (its README says 30000). */
  public static final int DEFAULT_SERVER_RETRY_TIMEOUT_MS = 10_000;
  /** {@code server_failure_limit}: Dynomite's default in its source, 3 (its README says 2). */
  public static final int DEFAULT_SERVER_FAILURE_LIMIT = 3;
  /** {@code datastore_connections}: Dynomite's default, 1. */
  public static final int DEFAULT_DATASTORE_CONNECTIONS = 1;
  /** {@code dyn_read_timeout}: Dynomite's default, 10000 ms. */
  public static final int DEFAULT_DYN_READ_TIMEOUT_MS = 10_000;
  /** {@code dyn_write_timeout}: Dynomite's default, 10000 ms. */
  public static final int DEFAULT_DYN_WRITE_TIMEOUT_MS = 10_000;
  /** {@code stats_interval}: Dynomite's default, 30000 ms. */
  public static final int DEFAULT_STATS_INTERVAL_MS = 30_000;
  /** {@code read_repairs_enabled}: Dynomite's default, false. */
  public static final boolean DEFAULT_READ_REPAIRS_ENABLED = false;
  /** {@code embedded_maxmemory} (extension): 0, no limit, as Redis's {@code maxmemory}. */
  public static final long DEFAULT_EMBEDDED_MAXMEMORY = 0;
  /** {@code failure_detection_ms} (extension): a silent member leaves the cluster after 10 s. */
  public static final int DEFAULT_FAILURE_DETECTION_MS = 10_000;
  /** {@code lww_fence_slots} (extension): 2^18 keys remembered by the last-write-wins fence (6 MiB). */
  public static final int DEFAULT_LWW_FENCE_SLOTS = 1 << 18;
  /** {@code proto_max_bulk_len} (extension): 512mb, as Redis's {@code proto-max-bulk-len}. */
  public static final long DEFAULT_PROTO_MAX_BULK_LEN = 512L * 1024 * 1024;
  /** {@code data_dir} (extension): {@code data}, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  /** {@code cluster_name} (extension): the Hazelcast cluster name, {@value}. */
  public static final String DEFAULT_CLUSTER_NAME = "dynomite";
  /** {@code eventbus_port} (extension): 0, the clustered event bus takes any free port. */
  public static final int DEFAULT_EVENTBUS_PORT = 0;
  /** {@code hints_max_bytes} (extension): 256mb of hints on disk at most. */
  public static final long DEFAULT_HINTS_MAX_BYTES = 256L * 1024 * 1024;
  /** {@code hint_window_ms} (extension): 3 hours, as Cassandra's {@code max_hint_window}. */
  public static final int DEFAULT_HINT_WINDOW_MS = 3 * 60 * 60 * 1000;
  /** {@code hints_fsync_ms} (extension): the hint log is forced to the device every second. */
  public static final int DEFAULT_HINTS_FSYNC_MS = 1000;
  /** {@code hints_replay_rate} (extension): 5000 hints per second to one returning node. */
  public static final int DEFAULT_HINTS_REPLAY_RATE = 5000;
  /**
   * {@code anti_entropy_interval_ms} (extension): 10 minutes between the end of one repair run and
   * the start of the next, which bounds how long replicas may differ by a write no hint covers (a
   * coordinator crashing mid-write) at one paced scan of each replica per interval.
   */
  public static final int DEFAULT_ANTI_ENTROPY_INTERVAL_MS = 10 * 60 * 1000;
  /** {@code anti_entropy_keys_per_second} (extension): keys a repair scans per second per replica, 5000. */
  public static final int DEFAULT_ANTI_ENTROPY_KEYS_PER_SECOND = 5000;
  /** {@code warmup} (extension): auto. */
  public static final WarmupMode DEFAULT_WARMUP = WarmupMode.AUTO;
  /** {@code warmup_batch_size} (extension): keys a donor reads per warm-up batch, 500. */
  public static final int DEFAULT_WARMUP_BATCH_SIZE = 500;
  /** {@code warmup_keys_per_second} (extension): the warm-up's copy rate limit, 50000 keys/s; 0 means none. */
  public static final int DEFAULT_WARMUP_KEYS_PER_SECOND = 50_000;
  /** {@code server_instances} (extension): one RESP server verticle per available processor. */
  public static final int DEFAULT_SERVER_INSTANCES = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final String poolName;
  private final HostPort listen;
  private final HostPort dynListen;
  private final HostPort statsListen;
  private final List<ServerSpec> servers;
  private final DataStoreKind dataStore;
  private final String datacenter;
  private final String rack;
  private final List<Long> tokens;
  private final List<SeedSpec> dynSeeds;
  private final SeedProvider seedProvider;
  private final Optional<String> kubernetesServiceDns;
  private final HashAlgorithm hash;
  private final Optional<String> hashTag;
  private final int timeoutMs;
  private final Consistency readConsistency;
  private final Consistency writeConsistency;
  private final SecureServerOption secureServerOption;
  private final int backlog;
  private final int clientConnections;
  private final boolean preconnect;
  private final boolean autoEjectHosts;
  private final int serverRetryTimeoutMs;
  private final int serverFailureLimit;
  private final int datastoreConnections;
  private final int dynReadTimeoutMs;
  private final int dynWriteTimeoutMs;
  private final int statsIntervalMs;
  private final boolean readRepairsEnabled;
  private final Optional<String> requirepass;
  private final Optional<String> redisRequirepass;
  private final long embeddedMaxmemory;
  private final long protoMaxBulkLen;
  private final int failureDetectionMs;
  private final int lwwFenceSlots;
  private final Path dataDir;
  private final int serverInstances;
  private final String clusterName;
  private final int eventbusPort;
  private final long hintsMaxBytes;
  private final int hintWindowMs;
  private final int hintsFsyncMs;
  private final int hintsReplayRate;
  private final int antiEntropyIntervalMs;
  private final int antiEntropyKeysPerSecond;
  private final WarmupMode warmup;
  private final int warmupBatchSize;
  private final int warmupKeysPerSecond;
  private final List<String> ignoredKeys;

  NodeConfig(NodeConfigBuilder b, DataStoreKind resolvedDataStore) {
    poolName = b.poolName;
    listen = b.listen;
    dynListen = b.dynListen;
    statsListen = b.statsListen;
    servers = b.servers;
    dataStore = resolvedDataStore;
    datacenter = b.datacenter;
    rack = b.rack;
    tokens = b.tokens;
    dynSeeds = b.dynSeeds;
    seedProvider = b.seedProvider;
    kubernetesServiceDns = b.kubernetesServiceDns;
    hash = b.hash;
    hashTag = b.hashTag;
    timeoutMs = b.timeoutMs;
    readConsistency = b.readConsistency;
    writeConsistency = b.writeConsistency;
    secureServerOption = b.secureServerOption;
    backlog = b.backlog;
    clientConnections = b.clientConnections;
    preconnect = b.preconnect;
    autoEjectHosts = b.autoEjectHosts;
    serverRetryTimeoutMs = b.serverRetryTimeoutMs;
    serverFailureLimit = b.serverFailureLimit;
    datastoreConnections = b.datastoreConnections;
    dynReadTimeoutMs = b.dynReadTimeoutMs;
    dynWriteTimeoutMs = b.dynWriteTimeoutMs;
    statsIntervalMs = b.statsIntervalMs;
    readRepairsEnabled = b.readRepairsEnabled;
    requirepass = b.requirepass;
    redisRequirepass = b.redisRequirepass;
    embeddedMaxmemory = b.embeddedMaxmemory;
    protoMaxBulkLen = b.protoMaxBulkLen;
    failureDetectionMs = b.failureDetectionMs;
    lwwFenceSlots = b.lwwFenceSlots;
    dataDir = b.dataDir;
    serverInstances = b.serverInstances;
    clusterName = b.clusterName;
    eventbusPort = b.eventbusPort;
    hintsMaxBytes = b.hintsMaxBytes;
    hintWindowMs = b.hintWindowMs;
    hintsFsyncMs = b.hintsFsyncMs;
    hintsReplayRate = b.hintsReplayRate;
    antiEntropyIntervalMs = b.antiEntropyIntervalMs;
    antiEntropyKeysPerSecond = b.antiEntropyKeysPerSecond;
    warmup = b.warmup;
    warmupBatchSize = b.warmupBatchSize;
    warmupKeysPerSecond = b.warmupKeysPerSecond;
    ignoredKeys = b.ignoredKeys;
  }

  /** A builder holding every default. */
  public static NodeConfigBuilder builder() {
    return new NodeConfigBuilder();
  }

  /**
   * A builder holding this configuration's values. The data store is carried as resolved: to swap
   * a Redis node to the embedded store, set {@code dataStore(EMBEDDED)} and clear the servers.
   */
  public NodeConfigBuilder mutate() {
    return new NodeConfigBuilder(this);
  }

  /** The yml root key this configuration was read under, {@code dyn_o_mite} usually. */
  public String poolName() {
    return poolName;
  }

  /** {@code listen}: the client (RESP) listener. */
  public HostPort listen() {
    return listen;
  }

  /** {@code dyn_listen}: the peer listener. */
  public HostPort dynListen() {
    return dynListen;
  }

  /** {@code stats_listen}: the stats HTTP listener. */
  public HostPort statsListen() {
    return statsListen;
  }

  /** {@code servers}: the Redis server fronted; exactly one for {@link DataStoreKind#REDIS}, none for embedded. */
  public List<ServerSpec> servers() {
    return servers;
  }

  /** {@code data_store}, resolved: explicit, else REDIS if {@link #servers()} is not empty, else EMBEDDED. */
  public DataStoreKind dataStore() {
    return dataStore;
  }

  /** {@code datacenter}: this node's datacenter. */
  public String datacenter() {
    return datacenter;
  }

  /** {@code rack}: this node's rack. */
  public String rack() {
    return rack;
  }

  /** {@code tokens}: the ring tokens this node owns, each in {@code 0..4294967295}; never empty. */
  public List<Long> tokens() {
    return tokens;
  }

  /** {@code dyn_seeds}: the peers to contact first; empty for a single node. */
  public List<SeedSpec> dynSeeds() {
    return dynSeeds;
  }

  /**
   * {@code dyn_seed_provider}: where the peers come from — {@code dyn_seeds} ({@link
   * SeedProvider#SIMPLE}) or a Kubernetes headless Service ({@link SeedProvider#KUBERNETES}).
   */
  public SeedProvider seedProvider() {
    return seedProvider;
  }

  /**
   * {@code kubernetes_service_dns} (extension): the DNS name of the headless Service whose
   * addresses are the peers; present exactly when {@link #seedProvider()} is {@link
   * SeedProvider#KUBERNETES}.
   */
  public Optional<String> kubernetesServiceDns() {
    return kubernetesServiceDns;
  }

  /**
   * Whether this node joins a cluster: it has {@code dyn_seeds}, or its peers come from
   * Kubernetes. A node that does not runs alone.
   */
  public boolean clustered() {
    return !dynSeeds.isEmpty() || seedProvider == SeedProvider.KUBERNETES;
  }

  /** {@code hash}: the key hash function's name. */
  public HashAlgorithm hash() {
    return hash;
  }

  /** {@code hash_tag}: two characters delimiting the hashed part of a key, e.g. {@code {}}. */
  public Optional<String> hashTag() {
    return hashTag;
  }

  /** {@code timeout}: how long a client request may wait for its replies, in ms. */
  public int timeoutMs() {
    return timeoutMs;
  }

  /** {@code read_consistency}. */
  public Consistency readConsistency() {
    return readConsistency;
  }

  /** {@code write_consistency}. */
  public Consistency writeConsistency() {
    return writeConsistency;
  }

  /** {@code secure_server_option}: validated, not enforced (peer traffic is not encrypted). */
  public SecureServerOption secureServerOption() {
    return secureServerOption;
  }

  /** {@code backlog}: the client listener's accept backlog. */
  public int backlog() {
    return backlog;
  }

  /** {@code client_connections}: the most client connections at once; 0 means no limit. */
  public int clientConnections() {
    return clientConnections;
  }

  /** {@code preconnect}: connect to the datastore at start rather than on first use. */
  public boolean preconnect() {
    return preconnect;
  }

  /** {@code auto_eject_hosts}: take a failing datastore or peer out after {@link #serverFailureLimit()} failures. */
  public boolean autoEjectHosts() {
    return autoEjectHosts;
  }

  /** {@code server_retry_timeout}: how long an ejected host stays out before a retry, in ms. */
  public int serverRetryTimeoutMs() {
    return serverRetryTimeoutMs;
  }

  /** {@code server_failure_limit}: consecutive failures before a host is ejected. */
  public int serverFailureLimit() {
    return serverFailureLimit;
  }

  /** {@code datastore_connections}: connections to the Redis server, 1..255. */
  public int datastoreConnections() {
    return datastoreConnections;
  }

  /** {@code dyn_read_timeout}: how long to wait for a peer's reply, in ms. */
  public int dynReadTimeoutMs() {
    return dynReadTimeoutMs;
  }

  /** {@code dyn_write_timeout}: how long a write to a peer may take, in ms. */
  public int dynWriteTimeoutMs() {
    return dynWriteTimeoutMs;
  }

  /** {@code stats_interval}: how often stats are aggregated, in ms. */
  public int statsIntervalMs() {
    return statsIntervalMs;
  }

  /**
   * {@code read_repairs_enabled}: when the local replicas' replies to a single-key quorum read
   * disagree, repair the key on its replicas in the background (the newest value, or the delete,
   * written back to the stale ones by anti-entropy's resolution rule, each write passing the
   * receiver's write fence); the client's reply does not wait. Multi-key reads and other
   * datacenters are left to anti-entropy. docs/REPAIR.md, "Read repair".
   */
  public boolean readRepairsEnabled() {
    return readRepairsEnabled;
  }

  /**
   * {@code requirepass}: the password clients must AUTH with; also sent to Redis unless {@link
   * #redisRequirepass()} is set.
   */
  public Optional<String> requirepass() {
    return requirepass;
  }

  /** {@code redis_requirepass}: the password sent to the Redis server only. */
  public Optional<String> redisRequirepass() {
    return redisRequirepass;
  }

  /** The password to AUTH with at the Redis server: {@code redis_requirepass}, else {@code requirepass}. */
  public Optional<String> datastorePassword() {
    return redisRequirepass.or(() -> requirepass);
  }

  /** {@code embedded_maxmemory} (extension): the embedded store's memory limit in bytes; 0 means none. */
  public long embeddedMaxmemory() {
    return embeddedMaxmemory;
  }

  /**
   * {@code failure_detection_ms} (extension): how long a cluster member may stay silent (no
   * heartbeat) before the others drop it from the membership, in ms (whole seconds, at least 2 s).
   */
  public int failureDetectionMs() {
    return failureDetectionMs;
  }

  /** {@code lww_fence_slots} (extension): slots of the last-write-wins fence (see docs/CONFIG.md). */
  public int lwwFenceSlots() {
    return lwwFenceSlots;
  }

  /** {@code proto_max_bulk_len} (extension): the largest bulk string a client may send, in bytes. */
  public long protoMaxBulkLen() {
    return protoMaxBulkLen;
  }

  /** {@code data_dir} (extension): where the node keeps its files. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * {@code cluster_name} (extension): the name of the Hazelcast cluster the node joins; nodes join
   * only a cluster of the same name, which keeps two clusters on one network apart.
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * {@code eventbus_port} (extension): the port of the clustered event bus on the {@code
   * dyn_listen} host; 0 means any free port (peers learn it from the cluster either way). Fix it
   * when a firewall or network policy must name the port.
   */
  public int eventbusPort() {
    return eventbusPort;
  }

  /**
   * {@code anti_entropy_interval_ms} (extension): ms between the end of one anti-entropy repair run
   * and the start of the next; 0 = none (docs/REPAIR.md).
   */
  public int antiEntropyIntervalMs() {
    return antiEntropyIntervalMs;
  }

  /** {@code anti_entropy_keys_per_second} (extension): keys a repair run scans per second on each replica. */
  public int antiEntropyKeysPerSecond() {
    return antiEntropyKeysPerSecond;
  }

  /**
   * {@code warmup} (extension): {@code auto} warms a clustered node up at start when its datastore
   * is empty and a replica has data; {@code off} only when asked on the admin port. docs/WARMUP.md.
   */
  public WarmupMode warmup() {
    return warmup;
  }

  /** {@code warmup_batch_size} (extension): keys a donor scans per warm-up batch. */
  public int warmupBatchSize() {
    return warmupBatchSize;
  }

  /** {@code warmup_keys_per_second} (extension): the most keys a warm-up copies per second; 0 means no limit. */
  public int warmupKeysPerSecond() {
    return warmupKeysPerSecond;
  }

  /** {@code server_instances} (extension): how many RESP server verticle instances to deploy. */
  public int serverInstances() {
    return serverInstances;
  }

  /** {@code hints_max_bytes} (extension): the most bytes the hint log may hold; a hint beyond is refused. */
  public long hintsMaxBytes() {
    return hintsMaxBytes;
  }

  /** {@code hint_window_ms} (extension): how long a hint may wait for delivery before it is dropped. */
  public int hintWindowMs() {
    return hintWindowMs;
  }

  /** {@code hints_fsync_ms} (extension): how often the hint log is forced to the device, in ms. */
  public int hintsFsyncMs() {
    return hintsFsyncMs;
  }

  /** {@code hints_replay_rate} (extension): the most hints per second replayed to one target. */
  public int hintsReplayRate() {
    return hintsReplayRate;
  }

  /** Keys present in the file or environment that vertx-dynomite accepts but does not act on, in order. */
  public List<String> ignoredKeys() {
    return ignoredKeys;
  }

  /**
   * The effective configuration as a Dynomite yml document (passwords masked), for logs and the
   * CLI's {@code -t}. It reads back to an equal configuration, apart from passwords.
   */
  public String describe() {
    return YamlWriter.write(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeConfig other && Arrays.equals(values(), other.values());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values());
  }

  @Override
  public String toString() {
    return "NodeConfig{" + poolName + " listen=" + listen + " dc=" + datacenter + " rack=" + rack
        + " tokens=" + Tokens.format(tokens) + " dataStore=" + dataStore + "}";
  }

  // Every field, for equals and hashCode; NodeConfigUnitTests checks none is left out.
  private Object[] values() {
    return new Object[] {
      poolName, listen, dynListen, statsListen, servers, dataStore, datacenter, rack, tokens, dynSeeds,
      seedProvider, kubernetesServiceDns, hash, hashTag, timeoutMs, readConsistency, writeConsistency, secureServerOption, backlog,
      clientConnections, preconnect, autoEjectHosts, serverRetryTimeoutMs, serverFailureLimit,
      datastoreConnections, dynReadTimeoutMs, dynWriteTimeoutMs, statsIntervalMs, readRepairsEnabled,
      requirepass, redisRequirepass, embeddedMaxmemory, protoMaxBulkLen, dataDir, serverInstances,
      clusterName, eventbusPort, failureDetectionMs, lwwFenceSlots, hintsMaxBytes, hintWindowMs, hintsFsyncMs,
      hintsReplayRate, antiEntropyIntervalMs, antiEntropyKeysPerSecond, warmup, warmupBatchSize, warmupKeysPerSecond, ignoredKeys
    };
  }
}
