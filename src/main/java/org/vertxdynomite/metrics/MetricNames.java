package org.vertxdynomite.metrics;

import java.util.List;

/**
 * The names of the node's own meters, as Micrometer names them (dotted) and as Prometheus shows
 * them (docs/ADMIN.md lists both, with their tags). Vert.x's own meters ({@code vertx_*}) and the
 * JVM's ({@code jvm_*}, {@code process_*}, {@code system_*}) come on top.
 */
public final class MetricNames {

  /** Client requests, timed parse → reply; tags command, kind (read|write), outcome. */
  public static final String CLIENT_REQUESTS = "dynomite.client.requests";
  /** Client request sizes in bytes (sum of argument lengths). */
  public static final String CLIENT_REQUEST_SIZE = "dynomite.client.request.size";
  /** Open client connections. */
  public static final String CLIENT_CONNECTIONS = "dynomite.client.connections";
  /** Client connections accepted since start. */
  public static final String CLIENT_CONNECTIONS_RECEIVED = "dynomite.client.connections.received";
  /** Client connections refused ({@code client_connections} reached). */
  public static final String CLIENT_CONNECTIONS_REJECTED = "dynomite.client.connections.rejected";
  /** Keyed requests decided by a consistency level; tags kind, consistency, outcome. */
  public static final String CONSISTENCY_REQUESTS = "dynomite.consistency.requests";
  /** Requests that failed for want of a quorum; tags kind, reason (no_agreement|too_few). */
  public static final String QUORUM_FAILURES = "dynomite.quorum.failures";
  /** Coordinated requests timed by the rack of the replica whose reply the client got; tags command, rack. */
  public static final String REPLICA_REQUESTS = "dynomite.replica.requests";
  /** Requests to other nodes, timed; tags target (same_rack|cross_rack|cross_dc), outcome (ok|failed). */
  public static final String PEER_REQUESTS = "dynomite.peer.requests";
  /** Requests per event-bus message to another node. */
  public static final String PEER_BATCH_REQUESTS = "dynomite.peer.batch.requests";
  /** Peers by state; tag state (up|down|admin_down). */
  public static final String PEERS = "dynomite.peers";
  /** One gauge per peer, 1 when it is a member now; tags peer (its dyn_listen), dc, rack, admin (up|down). */
  public static final String PEER_UP = "dynomite.peer.up";
  /** Datastore requests, timed; tags kind, outcome (ok or the storage failure reason). */
  public static final String DATASTORE_REQUESTS = "dynomite.datastore.requests";
  /** Datastore failures; tag reason (timeout|refused|closed|ejected|overloaded). */
  public static final String DATASTORE_ERRORS = "dynomite.datastore.errors";
  /** Datastore connections opened again after being lost. */
  public static final String DATASTORE_RECONNECTS = "dynomite.datastore.reconnects";
  /** Embedded store: estimated bytes used. */
  public static final String EMBEDDED_MEMORY_USED = "dynomite.embedded.memory.used";
  /** Embedded store: keys. */
  public static final String EMBEDDED_KEYS = "dynomite.embedded.keys";
  /** 1 for this node's current state; tag state. */
  public static final String NODE_STATE = "dynomite.node.state";
  /** 1 for the node's current level; tags kind (read|write), level. */
  public static final String CONSISTENCY_LEVEL = "dynomite.consistency.level";
  /** The timeout factor set on the admin port. */
  public static final String TIMEOUT_FACTOR = "dynomite.timeout.factor";
  /** Hints stored and not yet delivered, all targets together. */
  public static final String HINTS_PENDING = "dynomite.hints.pending";
  /** Hints stored and not yet delivered, per target; tag target (dc/rack/host:port or dc:NAME). */
  public static final String HINTS_TARGET_PENDING = "dynomite.hints.target.pending";
  /** Hints by what became of them; tag outcome (written|replayed|expired|failed|refused|corrupt). */
  public static final String HINTS = "dynomite.hints";

  /** Warm-up keys of the running or last warm-up; tag kind (copied|skipped_written|skipped_existing|estimated). */
  public static final String WARMUP_KEYS = "dynomite.warmup.keys";
  /** Warm-up: bytes of DUMP payloads copied. */
  public static final String WARMUP_BYTES = "dynomite.warmup.bytes";
  /** Warm-up: keys copied per second so far. */
  public static final String WARMUP_RATE = "dynomite.warmup.rate";
  /** Warm-up: seconds left at the rate so far; -1 when unknown. */
  public static final String WARMUP_ETA = "dynomite.warmup.eta";
  /** 1 for where the last warm-up stands; tag status (idle|running|done|failed). */
  public static final String WARMUP_STATUS = "dynomite.warmup.status";

  /** Anti-entropy repair runs ended. */
  public static final String REPAIR_RUNS = "dynomite.repair.runs";
  /** 1 while a repair runs. */
  public static final String REPAIR_RUNNING = "dynomite.repair.running";
  /** Repair: keys by kind (compared|differing_buckets|copied|replaced|deleted|deferred|raced|failed). */
  public static final String REPAIR_KEYS = "dynomite.repair.keys";
  /** Repair: conflicts by resolution (newer|deleted|majority|unresolved). */
  public static final String REPAIR_CONFLICTS = "dynomite.repair.conflicts";
  /** Repair: comparisons with the peers sharing some ranges that failed. */
  public static final String REPAIR_FAILED = "dynomite.repair.failed.comparisons";
  /** Read repair: disagreeing quorum reads by outcome (started|dropped|coalesced|failed). */
  public static final String READ_REPAIRS = "dynomite.read.repairs";
  /** Read repairs in flight. */
  public static final String READ_REPAIRS_IN_FLIGHT = "dynomite.read.repairs.in.flight";
  /** Read repair: keys by kind (copied|replaced|deleted|deferred|raced|failed). */
  public static final String READ_REPAIR_KEYS = "dynomite.read.repair.keys";
  /** Read repair: conflicts by resolution (newer|deleted|majority|unresolved). */
  public static final String READ_REPAIR_CONFLICTS = "dynomite.read.repair.conflicts";

  /** Every name above. */
  public static final List<String> ALL = List.of(CLIENT_REQUESTS, CLIENT_REQUEST_SIZE, CLIENT_CONNECTIONS,
      CLIENT_CONNECTIONS_RECEIVED, CLIENT_CONNECTIONS_REJECTED, CONSISTENCY_REQUESTS, QUORUM_FAILURES,
      REPLICA_REQUESTS, PEER_REQUESTS, PEER_BATCH_REQUESTS, PEERS, PEER_UP, DATASTORE_REQUESTS, DATASTORE_ERRORS,
      DATASTORE_RECONNECTS, EMBEDDED_MEMORY_USED, EMBEDDED_KEYS, NODE_STATE, CONSISTENCY_LEVEL, TIMEOUT_FACTOR,
      HINTS_PENDING, HINTS_TARGET_PENDING, HINTS, WARMUP_KEYS, WARMUP_BYTES, WARMUP_RATE, WARMUP_ETA, WARMUP_STATUS,
      REPAIR_RUNS, REPAIR_RUNNING, REPAIR_KEYS, REPAIR_CONFLICTS, REPAIR_FAILED, READ_REPAIRS,
      READ_REPAIRS_IN_FLIGHT, READ_REPAIR_KEYS, READ_REPAIR_CONFLICTS);

  private MetricNames() {}
}
