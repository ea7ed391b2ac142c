package org.vertxdynomite.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.metrics.InfoWindows.Kind;

/**
 * The node's {@link NodeMetrics} in Micrometer, in the very Prometheus registry Vert.x's own
 * metrics go to, so that one scrape ({@link #scrape()}) shows Vert.x's, the JVM's and the node's
 * meters together. Meter names are in {@link MetricNames}.
 *
 * <p>Timers publish fixed latency buckets ({@link #LATENCY_BUCKETS}) rather than client-side
 * percentiles, so Prometheus can aggregate them across nodes. Meters used on every request are
 * looked up once and cached.
 */
public final class PrometheusMetrics implements NodeMetrics {

  /** The bucket bounds of every latency histogram: 100 µs to 10 s. */
  public static final List<Duration> LATENCY_BUCKETS = List.of(
      Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
      Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

  /** The bucket bounds of the event-bus batch size histogram. */
  public static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

  private static final String OK = "ok";

  private final PrometheusMeterRegistry registry;
  private final InfoWindows windows = new InfoWindows();
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Timer[]> clientTimers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer>> replicaTimers = new ConcurrentHashMap<>();
  /** By kind (read 0, write 1), then outcome: no key built per request. */
  private final List<ConcurrentHashMap<String, Timer>> datastoreTimers =
      List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  private final ConcurrentHashMap<String, Counter> datastoreErrors = new ConcurrentHashMap<>();
  private final Counter[][][] consistency;
  private final Counter[][] quorumFailures;
  private final Timer[][] peerTimers;
  private final DistributionSummary requestSize;
  private final DistributionSummary batchSize;
  private final Counter reconnects;

  private PrometheusMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.consistency = new Counter[2][Consistency.values().length][QuorumOutcome.values().length];
    this.quorumFailures = new Counter[2][2];
    for (int w = 0; w < 2; w++) {
      for (Consistency level : Consistency.values()) {
        for (QuorumOutcome o : QuorumOutcome.values()) {
          consistency[w][level.ordinal()][o.ordinal()] = Counter.builder(MetricNames.CONSISTENCY_REQUESTS)
              .description("Keyed requests decided by a consistency level")
              .tags("kind", kind(w == 1), "consistency", level.name(), "outcome", lower(o))
              .register(registry);
        }
      }
      quorumFailures[w][0] = quorumFailure(w == 1, "no_agreement");
      quorumFailures[w][1] = quorumFailure(w == 1, "too_few");
    }
    this.peerTimers = new Timer[PeerTarget.values().length][2];
    for (PeerTarget t : PeerTarget.values()) {
      peerTimers[t.ordinal()][0] = latency(MetricNames.PEER_REQUESTS, "Requests to other nodes",
          Tags.of("target", lower(t), "outcome", OK));
      peerTimers[t.ordinal()][1] = latency(MetricNames.PEER_REQUESTS, "Requests to other nodes",
          Tags.of("target", lower(t), "outcome", "failed"));
    }
    this.requestSize = DistributionSummary.builder(MetricNames.CLIENT_REQUEST_SIZE)
        .description("Client request sizes (sum of argument lengths)").baseUnit("bytes").register(registry);
    this.batchSize = DistributionSummary.builder(MetricNames.PEER_BATCH_REQUESTS)
        .description("Requests per event-bus message to another node")
        .serviceLevelObjectives(BATCH_BUCKETS).register(registry);
    this.reconnects = Counter.builder(MetricNames.DATASTORE_RECONNECTS)
        .description("Datastore connections opened again after being lost").register(registry);
  }

  /**
   * Vert.x registers its connection gauges again for every new server connection and expects the
   * registry to keep the first; Micrometer 1.15 then logs a one-time warning through this logger,
   * which is about nothing wrong. Held here so the level set on it is not lost to garbage collection.
   */
  private static final Logger DOUBLE_REGISTRATION = Logger.getLogger(MeterRegistry.class.getName());

  /**
   * Vert.x options whose metrics go to a Prometheus registry named {@code registryName}, with JVM
   * metrics. One name per node: nodes sharing a JVM (tests) must not share a registry.
   */
  public static VertxOptions vertxOptions(String registryName) {
    DOUBLE_REGISTRATION.setLevel(Level.SEVERE);
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setRegistryName(registryName)
        .setEnabled(true));
  }

  /**
   * The metrics of the Vert.x started with {@link #vertxOptions(String) vertxOptions(registryName)};
   * a registry of its own when that Vert.x has none (metrics disabled on it).
   */
  public static PrometheusMetrics forRegistry(String registryName) {
    MeterRegistry r = BackendRegistries.getNow(registryName);
    return new PrometheusMetrics(r instanceof PrometheusMeterRegistry p ? p
        : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** A registry of its own, for tests. */
  public static PrometheusMetrics standalone() {
    return new PrometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The figures {@code /info} reports. */
  public InfoWindows windows() {
    return windows;
  }

  /** Runs {@code task} before each scrape (to refresh gauges whose set of series changes). */
  public void beforeScrape(Runnable task) {
    beforeScrape.add(task);
  }

  /** Everything, in the Prometheus text format 0.0.4. */
  public String scrape() {
    beforeScrape.forEach(Runnable::run);
    return registry.scrape();
  }

  /** A gauge reading {@code value} at each scrape; {@code baseUnit} (such as {@code bytes}) may be null. */
  public void gauge(String name, String description, String baseUnit, Tags tags, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).baseUnit(baseUnit).tags(tags).strongReference(true)
        .register(registry);
  }

  /** A counter reading a monotonic count from {@code source} at each scrape. */
  public <T> void functionCounter(String name, String description, T source, ToDoubleFunction<T> count) {
    FunctionCounter.builder(name, source, count).description(description).register(registry);
  }

  /** A gauge family whose series are replaced as a whole with {@link MultiGauge#register}. */
  public MultiGauge multiGauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public void clientRequest(String command, boolean write, Outcome outcome, long nanos, long requestBytes) {
    Timer[] byOutcome = clientTimers.computeIfAbsent(command, c -> new Timer[Outcome.values().length]);
    Timer t = byOutcome[outcome.ordinal()];
    if (t == null) {
      t = latency(MetricNames.CLIENT_REQUESTS, "Client requests, from parse to reply",
          Tags.of("command", command, "kind", kind(write), "outcome", lower(outcome)));
      byOutcome[outcome.ordinal()] = t;
    }
    t.record(nanos, TimeUnit.NANOSECONDS);
    requestSize.record(requestBytes);
    windows.recordNanos(Kind.LATENCY, nanos);
    windows.record(Kind.PAYLOAD_SIZE, requestBytes);
  }

  @Override
  public void coordinated(String command, boolean write, Consistency level, QuorumOutcome outcome,
      String replicaRack, long nanos) {
    int w = write ? 1 : 0;
    consistency[w][level.ordinal()][outcome.ordinal()].increment();
    if (outcome != QuorumOutcome.OK && level != Consistency.DC_ONE) {
      quorumFailures[w][outcome == QuorumOutcome.NO_AGREEMENT ? 0 : 1].increment();
    }
    if (replicaRack != null) {
      replicaTimers.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
          .computeIfAbsent(replicaRack, r -> latency(MetricNames.REPLICA_REQUESTS,
              "Coordinated requests by the rack of the replica whose reply the client got",
              Tags.of("command", command, "rack", r)))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void peerRequest(PeerTarget target, boolean ok, long nanos) {
    peerTimers[target.ordinal()][ok ? 0 : 1].record(nanos, TimeUnit.NANOSECONDS);
    if (ok && target == PeerTarget.CROSS_RACK) {
      windows.recordNanos(Kind.CROSS_ZONE_LATENCY, nanos);
    } else if (ok && target == PeerTarget.CROSS_DC) {
      windows.recordNanos(Kind.CROSS_REGION_LATENCY, nanos);
    }
  }

  @Override
  public void peerBatchSent(int requests) {
    batchSize.record(requests);
  }

  @Override
  public void datastoreRequest(boolean write, String failure, long nanos) {
    String outcome = failure == null ? OK : failure.toLowerCase(Locale.ROOT);
    ConcurrentHashMap<String, Timer> byOutcome = datastoreTimers.get(write ? 1 : 0);
    Timer timer = byOutcome.get(outcome);
    if (timer == null) {
      timer = byOutcome.computeIfAbsent(outcome, o -> latency(MetricNames.DATASTORE_REQUESTS,
          "Requests to this node's datastore", Tags.of("kind", kind(write), "outcome", o)));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
    if (failure != null) {
      datastoreErrors.computeIfAbsent(outcome, r -> Counter.builder(MetricNames.DATASTORE_ERRORS)
          .description("Datastore requests that got no answer").tag("reason", r).register(registry)).increment();
    } else {
      windows.recordNanos(Kind.SERVER_LATENCY, nanos);
    }
  }

  @Override
  public void datastoreReconnect() {
    reconnects.increment();
  }

  private Counter quorumFailure(boolean write, String reason) {
    return Counter.builder(MetricNames.QUORUM_FAILURES)
        .description("Requests that failed for want of a quorum")
        .tags("kind", kind(write), "reason", reason)
        .register(registry);
  }

  private Timer latency(String name, String description, Tags tags) {
    return Timer.builder(name).description(description).tags(tags)
        .serviceLevelObjectives(LATENCY_BUCKETS.toArray(Duration[]::new))
        .register(registry);
  }

  private static String kind(boolean write) {
    return write ? "write" : "read";
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
