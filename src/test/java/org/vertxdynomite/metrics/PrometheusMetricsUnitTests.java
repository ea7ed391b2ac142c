package org.vertxdynomite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.config.Consistency;
import org.vertxdynomite.metrics.NodeMetrics.Outcome;
import org.vertxdynomite.metrics.NodeMetrics.PeerTarget;
import org.vertxdynomite.metrics.NodeMetrics.QuorumOutcome;
import org.vertxdynomite.testutil.PrometheusText;

class PrometheusMetricsUnitTests {

  private final PrometheusMetrics metrics = PrometheusMetrics.standalone();

  @Test
  void clientRequestsAreTimedByCommandKindAndOutcomeInLatencyBuckets() {
    metrics.clientRequest("get", false, Outcome.OK, 300_000, 5);
    metrics.clientRequest("get", false, Outcome.OK, 3_000_000, 5);
    metrics.clientRequest("set", true, Outcome.FAILED, 1_000, 9);

    PrometheusText t = PrometheusText.parse(metrics.scrape());
    assertThat(t.sum("dynomite_client_requests_seconds_count", "command", "get", "kind", "read", "outcome", "ok"))
        .isEqualTo(2);
    assertThat(t.sum("dynomite_client_requests_seconds_bucket", "command", "get", "le", "5.0E-4")).isEqualTo(1);
    assertThat(t.sum("dynomite_client_requests_seconds_bucket", "command", "get", "le", "0.005")).isEqualTo(2);
    assertThat(t.sum("dynomite_client_requests_seconds_count", "kind", "write", "outcome", "failed")).isEqualTo(1);
    assertThat(t.sum("dynomite_client_request_size_bytes_sum")).isEqualTo(19);
    assertThat(metrics.windows().figures(InfoWindows.Kind.LATENCY).max()).isBetween(2_900L, 3_100L);
    assertThat(metrics.windows().figures(InfoWindows.Kind.PAYLOAD_SIZE).max()).isEqualTo(9);
  }

  @Test
  void aFailedQuorumLevelIsAQuorumFailureButAFailedDcOneIsNot() {
    metrics.coordinated("get", false, Consistency.DC_SAFE_QUORUM, QuorumOutcome.NO_AGREEMENT, null, 1_000);
    metrics.coordinated("set", true, Consistency.DC_QUORUM, QuorumOutcome.TOO_FEW, null, 1_000);
    metrics.coordinated("get", false, Consistency.DC_ONE, QuorumOutcome.TOO_FEW, null, 1_000);
    metrics.coordinated("get", false, Consistency.DC_ONE, QuorumOutcome.OK, "rack2", 1_000);

    PrometheusText t = PrometheusText.parse(metrics.scrape());
    assertThat(t.sum("dynomite_quorum_failures_total", "kind", "read", "reason", "no_agreement")).isEqualTo(1);
    assertThat(t.sum("dynomite_quorum_failures_total", "kind", "write", "reason", "too_few")).isEqualTo(1);
    assertThat(t.sum("dynomite_quorum_failures_total")).isEqualTo(2);
    assertThat(t.sum("dynomite_consistency_requests_total", "consistency", "DC_ONE", "outcome", "too_few"))
        .isEqualTo(1);
    assertThat(t.sum("dynomite_replica_requests_seconds_count", "command", "get", "rack", "rack2")).isEqualTo(1);
    assertThat(t.has("dynomite_replica_requests_seconds_count", "command", "set")).as("no replica answered").isFalse();
  }

  @Test
  void peerAndDatastoreRequestsFeedTheirHistogramsAndTheInfoFigures() {
    metrics.peerRequest(PeerTarget.CROSS_RACK, true, 2_000_000);
    metrics.peerRequest(PeerTarget.CROSS_DC, false, 9_000_000);
    metrics.peerBatchSent(3);
    metrics.datastoreRequest(true, null, 500_000);
    metrics.datastoreRequest(false, "TIMEOUT", 300_000_000);
    metrics.datastoreReconnect();

    PrometheusText t = PrometheusText.parse(metrics.scrape());
    assertThat(t.sum("dynomite_peer_requests_seconds_count", "target", "cross_rack", "outcome", "ok")).isEqualTo(1);
    assertThat(t.sum("dynomite_peer_requests_seconds_count", "target", "cross_dc", "outcome", "failed")).isEqualTo(1);
    assertThat(t.sum("dynomite_peer_batch_requests_bucket", "le", "4.0")).isEqualTo(1);
    assertThat(t.sum("dynomite_datastore_requests_seconds_count", "kind", "read", "outcome", "timeout")).isEqualTo(1);
    assertThat(t.sum("dynomite_datastore_errors_total", "reason", "timeout")).isEqualTo(1);
    assertThat(t.sum("dynomite_datastore_reconnects_total")).isEqualTo(1);
    assertThat(metrics.windows().figures(InfoWindows.Kind.CROSS_ZONE_LATENCY).mean()).isEqualTo(2_000);
    assertThat(metrics.windows().figures(InfoWindows.Kind.CROSS_REGION_LATENCY).mean())
        .as("failed requests are no round trip").isZero();
    assertThat(metrics.windows().figures(InfoWindows.Kind.SERVER_LATENCY).mean()).isEqualTo(500);
  }

  @Test
  void gaugesAreReadAtScrapeTimeAfterTheBeforeScrapeTasks() {
    int[] value = {1};
    metrics.gauge("test.gauge", "a gauge", "bytes", io.micrometer.core.instrument.Tags.empty(), () -> value[0]);
    metrics.beforeScrape(() -> value[0] = 42);

    assertThat(PrometheusText.parse(metrics.scrape()).sum("test_gauge_bytes")).isEqualTo(42);
  }
}
