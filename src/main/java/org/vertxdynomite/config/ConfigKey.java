package org.vertxdynomite.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every key a node's yml file may hold: all the keys Dynomite's {@code dyn_conf.c} knows (current
 * and older releases) plus vertx-dynomite's extensions. Each entry says how the key is used, what
 * its value is (for messages), how to read it into a {@link NodeConfigBuilder}, and how to write
 * the effective value back ({@link NodeConfig#describe()}).
 *
 * <p>Adding a key is adding one entry here and one field to {@link NodeConfig}, its builder and
 * {@code docs/CONFIG.md}.
 */
public enum ConfigKey {
  LISTEN("listen", Use.USED, "host:port", set((b, v) -> b.listen(v.hostPort())), NodeConfig::listen),
  DYN_LISTEN("dyn_listen", Use.USED, "host:port", set((b, v) -> b.dynListen(v.hostPort())), NodeConfig::dynListen),
  STATS_LISTEN("stats_listen", Use.USED, "host:port",
      set((b, v) -> b.statsListen(v.hostPort())), NodeConfig::statsListen),
  SERVERS("servers", Use.USED, "list of host:port:weight",
      set((b, v) -> b.servers(v.list("host:port:weight", ServerSpec::parse))), NodeConfig::servers),
  DATA_STORE("data_store", Use.USED, "data store",
      set((b, v) -> b.dataStore(DataStoreKind.parse(v.text()))), c -> c.dataStore().configName()),
  DATACENTER("datacenter", Use.USED, "datacenter name", set((b, v) -> b.datacenter(v.text())), NodeConfig::datacenter),
  RACK("rack", Use.USED, "rack name", set((b, v) -> b.rack(v.text())), NodeConfig::rack),
  TOKENS("tokens", Use.USED, "token list",
      set((b, v) -> b.tokens(Tokens.parse(v.text()))), c -> Tokens.format(c.tokens())),
  DYN_SEEDS("dyn_seeds", Use.USED, "list of host:port:rack:dc:tokens",
      set((b, v) -> b.dynSeeds(v.list("host:port:rack:dc:tokens", SeedSpec::parse))), NodeConfig::dynSeeds),
  DYN_SEED_PROVIDER("dyn_seed_provider", Use.USED, "seed provider",
      set((b, v) -> b.seedProvider(SeedProvider.parse(v.text()))), c -> c.seedProvider().configName()),
  HASH("hash", Use.USED, "hash name", set((b, v) -> b.hash(HashAlgorithm.parse(v.text()))), c -> c.hash().configName()),
  HASH_TAG("hash_tag", Use.USED, "hash tag", set((b, v) -> b.hashTag(v.text())), c -> c.hashTag().orElse(null)),
  TIMEOUT("timeout", Use.USED, "timeout in ms", set((b, v) -> b.timeoutMs(v.integer())), NodeConfig::timeoutMs),
  READ_CONSISTENCY("read_consistency", Use.USED, "consistency level",
      set((b, v) -> b.readConsistency(Consistency.parse(v.text()))), NodeConfig::readConsistency),
  WRITE_CONSISTENCY("write_consistency", Use.USED, "consistency level",
      set((b, v) -> b.writeConsistency(Consistency.parse(v.text()))), NodeConfig::writeConsistency),
  // Typed so the value is checked, but peer links are never encrypted: anything but none is ignored.
  SECURE_SERVER_OPTION("secure_server_option", Use.IGNORED, "secure server option", (b, v) -> {
    b.secureServerOption(SecureServerOption.parse(v.text()));
    return b.secureServerOption != SecureServerOption.NONE;
  }, c -> c.secureServerOption().configName()),
  BACKLOG("backlog", Use.USED, "listen backlog", set((b, v) -> b.backlog(v.integer())), NodeConfig::backlog),
  CLIENT_CONNECTIONS("client_connections", Use.USED, "connection count",
      set((b, v) -> b.clientConnections(v.integer())), NodeConfig::clientConnections),
  PRECONNECT("preconnect", Use.USED, "boolean", set((b, v) -> b.preconnect(v.bool())), NodeConfig::preconnect),
  AUTO_EJECT_HOSTS("auto_eject_hosts", Use.USED, "boolean",
      set((b, v) -> b.autoEjectHosts(v.bool())), NodeConfig::autoEjectHosts),
  SERVER_RETRY_TIMEOUT("server_retry_timeout", Use.USED, "timeout in ms",
      set((b, v) -> b.serverRetryTimeoutMs(v.integer())), NodeConfig::serverRetryTimeoutMs),
  SERVER_FAILURE_LIMIT("server_failure_limit", Use.USED, "failure count",
      set((b, v) -> b.serverFailureLimit(v.integer())), NodeConfig::serverFailureLimit),
  DATASTORE_CONNECTIONS("datastore_connections", Use.USED, "connection count",
      set((b, v) -> b.datastoreConnections(v.integer())), NodeConfig::datastoreConnections),
  DYN_READ_TIMEOUT("dyn_read_timeout", Use.USED, "timeout in ms",
      set((b, v) -> b.dynReadTimeoutMs(v.integer())), NodeConfig::dynReadTimeoutMs),
  DYN_WRITE_TIMEOUT("dyn_write_timeout", Use.USED, "timeout in ms",
      set((b, v) -> b.dynWriteTimeoutMs(v.integer())), NodeConfig::dynWriteTimeoutMs),
  STATS_INTERVAL("stats_interval", Use.USED, "interval in ms",
      set((b, v) -> b.statsIntervalMs(v.integer())), NodeConfig::statsIntervalMs),
  READ_REPAIRS_ENABLED("read_repairs_enabled", Use.USED, "boolean",
      set((b, v) -> b.readRepairsEnabled(v.bool())), NodeConfig::readRepairsEnabled),
  REQUIREPASS("requirepass", Use.USED, "password",
      set((b, v) -> b.requirepass(v.exactText())), c -> masked(c.requirepass())),
  REDIS_REQUIREPASS("redis_requirepass", Use.USED, "password",
      set((b, v) -> b.redisRequirepass(v.exactText())), c -> masked(c.redisRequirepass())),

  // Dynomite keys with no meaning here: the value is still checked for its shape.
  DISTRIBUTION("distribution", Use.IGNORED, "distribution name", ignore(RawValue::text)),
  SERVER_CONNECTIONS("server_connections", Use.IGNORED, "connection count", ignore(RawValue::count)),
  DYN_PORT("dyn_port", Use.IGNORED, "port", ignore(RawValue::count)),
  DYN_CONNECTIONS("dyn_connections", Use.IGNORED, "connection count", ignore(RawValue::count)),
  LOCAL_PEER_CONNECTIONS("local_peer_connections", Use.IGNORED, "connection count", ignore(RawValue::count)),
  REMOTE_PEER_CONNECTIONS("remote_peer_connections", Use.IGNORED, "connection count", ignore(RawValue::count)),
  GOS_INTERVAL("gos_interval", Use.IGNORED, "interval in ms", ignore(RawValue::count)),
  ENABLE_GOSSIP("enable_gossip", Use.IGNORED, "boolean", ignore(RawValue::bool)),
  MBUF_SIZE("mbuf_size", Use.IGNORED, "byte count", ignore(RawValue::count)),
  MAX_MSGS("max_msgs", Use.IGNORED, "message count", ignore(RawValue::count)),
  CONN_MSG_RATE("conn_msg_rate", Use.IGNORED, "message rate", ignore(RawValue::count)),
  PEM_KEY_FILE("pem_key_file", Use.IGNORED, "file name", ignore(RawValue::text)),
  RECON_KEY_FILE("recon_key_file", Use.IGNORED, "file name", ignore(RawValue::text)),
  RECON_IV_FILE("recon_iv_file", Use.IGNORED, "file name", ignore(RawValue::text)),
  ENV("env", Use.IGNORED, "environment name", ignore(RawValue::text)),
  // Older Dynomite's protocol switch: true is what we speak anyway, false would mean memcache.
  REDIS("redis", Use.IGNORED, "boolean", (b, v) -> {
    if (!v.bool()) {
      throw new IllegalArgumentException("false selects memcache, which is not supported");
    }
    return true;
  }),

  EMBEDDED_MAXMEMORY("embedded_maxmemory", Use.EXTENSION, "memory size",
      set((b, v) -> b.embeddedMaxmemory(v.memory())), NodeConfig::embeddedMaxmemory),
  PROTO_MAX_BULK_LEN("proto_max_bulk_len", Use.EXTENSION, "memory size",
      set((b, v) -> b.protoMaxBulkLen(v.memory())), NodeConfig::protoMaxBulkLen),
  DATA_DIR("data_dir", Use.EXTENSION, "directory",
      set((b, v) -> b.dataDir(Path.of(v.text()))), c -> c.dataDir().toString()),
  SERVER_INSTANCES("server_instances", Use.EXTENSION, "instance count",
      set((b, v) -> b.serverInstances(v.integer())), NodeConfig::serverInstances),
  CLUSTER_NAME("cluster_name", Use.EXTENSION, "cluster name",
      set((b, v) -> b.clusterName(v.text())), NodeConfig::clusterName),
  KUBERNETES_SERVICE_DNS("kubernetes_service_dns", Use.EXTENSION, "DNS name",
      set((b, v) -> b.kubernetesServiceDns(v.text())), c -> c.kubernetesServiceDns().orElse(null)),
  EVENTBUS_PORT("eventbus_port", Use.EXTENSION, "port", set((b, v) -> b.eventbusPort(v.integer())),
      NodeConfig::eventbusPort),
  FAILURE_DETECTION_MS("failure_detection_ms", Use.EXTENSION, "timeout in ms",
      set((b, v) -> b.failureDetectionMs(v.integer())), NodeConfig::failureDetectionMs),
  LWW_FENCE_SLOTS("lww_fence_slots", Use.EXTENSION, "slot count",
      set((b, v) -> b.lwwFenceSlots(v.integer())), NodeConfig::lwwFenceSlots),
  HINTS_MAX_BYTES("hints_max_bytes", Use.EXTENSION, "memory size",
      set((b, v) -> b.hintsMaxBytes(v.memory())), NodeConfig::hintsMaxBytes),
  HINT_WINDOW_MS("hint_window_ms", Use.EXTENSION, "interval in ms",
      set((b, v) -> b.hintWindowMs(v.integer())), NodeConfig::hintWindowMs),
  HINTS_FSYNC_MS("hints_fsync_ms", Use.EXTENSION, "interval in ms",
      set((b, v) -> b.hintsFsyncMs(v.integer())), NodeConfig::hintsFsyncMs),
  HINTS_REPLAY_RATE("hints_replay_rate", Use.EXTENSION, "hints per second",
      set((b, v) -> b.hintsReplayRate(v.integer())), NodeConfig::hintsReplayRate),
  ANTI_ENTROPY_INTERVAL_MS("anti_entropy_interval_ms", Use.EXTENSION, "interval in ms",
      set((b, v) -> b.antiEntropyIntervalMs(v.integer())), NodeConfig::antiEntropyIntervalMs),
  ANTI_ENTROPY_KEYS_PER_SECOND("anti_entropy_keys_per_second", Use.EXTENSION, "key rate",
      set((b, v) -> b.antiEntropyKeysPerSecond(v.integer())), NodeConfig::antiEntropyKeysPerSecond),
  WARMUP("warmup", Use.EXTENSION, "auto or off",
      set((b, v) -> b.warmup(WarmupMode.parse(v.text()))), c -> c.warmup().configName()),
  WARMUP_BATCH_SIZE("warmup_batch_size", Use.EXTENSION, "key count",
      set((b, v) -> b.warmupBatchSize(v.integer())), NodeConfig::warmupBatchSize),
  WARMUP_KEYS_PER_SECOND("warmup_keys_per_second", Use.EXTENSION, "key rate",
      set((b, v) -> b.warmupKeysPerSecond(v.integer())), NodeConfig::warmupKeysPerSecond);

  /** How vertx-dynomite treats a key. */
  public enum Use {
    /** A Dynomite key vertx-dynomite acts on. */
    USED,
    /** A Dynomite key that is accepted and checked but has no effect; reported by {@link NodeConfig#ignoredKeys()}. */
    IGNORED,
    /** A vertx-dynomite key that Dynomite does not have. */
    EXTENSION
  }

  /** Reads a value into the builder; returns whether the value is ignored. */
  @FunctionalInterface
  interface Reader {
    boolean read(NodeConfigBuilder builder, RawValue value);
  }

  static final String SECRET_MASK = "********";

  private static final Map<String, ConfigKey> BY_NAME = new HashMap<>();

  static {
    for (ConfigKey key : values()) {
      BY_NAME.put(key.key, key);
    }
  }

  private final String key;
  private final Use use;
  private final String what;
  private final Reader reader;
  private final Function<NodeConfig, Object> effective;

  ConfigKey(String key, Use use, String what, Reader reader) {
    this(key, use, what, reader, null);
  }

  ConfigKey(String key, Use use, String what, Reader reader, Function<NodeConfig, Object> effective) {
    this.key = key;
    this.use = use;
    this.what = what;
    this.reader = reader;
    this.effective = effective;
  }

  /** The key as written in the yml file, e.g. {@code dyn_listen}. */
  public String key() {
    return key;
  }

  /** How vertx-dynomite treats the key. */
  public Use use() {
    return use;
  }

  /** The environment variable that overrides the key: {@code DYNOMITE_} and the key in upper case. */
  public String envName() {
    return "DYNOMITE_" + key.toUpperCase(Locale.ROOT);
  }

  /** The entry for a yml key (exact spelling, as Dynomite matches keys). */
  public static Optional<ConfigKey> byKey(String key) {
    return Optional.ofNullable(BY_NAME.get(key));
  }

  String what() {
    return what;
  }

  boolean read(NodeConfigBuilder builder, RawValue value) {
    return reader.read(builder, value);
  }

  /** The effective value to write back, or {@code null} when there is none to write. */
  Object effectiveValue(NodeConfig config) {
    return effective == null ? null : effective.apply(config);
  }

  private static Reader set(BiConsumer<NodeConfigBuilder, RawValue> setter) {
    return (b, v) -> {
      setter.accept(b, v);
      return false;
    };
  }

  private static Reader ignore(Consumer<RawValue> check) {
    return (b, v) -> {
      check.accept(v);
      return true;
    };
  }

  private static String masked(Optional<String> secret) {
    return secret.map(s -> SECRET_MASK).orElse(null);
  }
}
