package org.vertxdynomite.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextUnitTests {

  private static final String VALID = """
      # HELP requests_total Requests \\\\ served\\n so far
      # TYPE requests_total counter
      requests_total{path="/a",code="200"} 3.0
      requests_total{path="q\\"x\\\\y\\nz",code="500",} 1 1700000000000
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 1
      latency_seconds_bucket{le="1.0"} 4
      latency_seconds_bucket{le="+Inf"} 5
      latency_seconds_count 5
      latency_seconds_sum 2.5E-1
      # TYPE up gauge
      up NaN
      """;

  @Test
  void readsNamesLabelsEscapesAndValues() {
    PrometheusText t = PrometheusText.parse(VALID);

    assertThat(t.type("requests_total")).isEqualTo("counter");
    assertThat(t.sum("requests_total")).isEqualTo(4.0);
    assertThat(t.sum("requests_total", "code", "500")).isEqualTo(1.0);
    assertThat(t.has("requests_total", "path", "q\"x\\y\nz")).isTrue();
    assertThat(t.sum("latency_seconds_sum")).isEqualTo(0.25);
    assertThat(t.samples()).hasSize(8);
  }

  @Test
  void refusesWhatPrometheusWouldRefuse() {
    assertRefused("bad-name 1\n", "bad metric name");
    assertRefused("x{1a=\"v\"} 1\n", "bad label name");
    assertRefused("x{a=v} 1\n", "not quoted");
    assertRefused("x{a=\"\\t\"} 1\n", "bad escape");
    assertRefused("x 1,5\n", "is not a number");
    assertRefused("x\n", "no value");
    assertRefused("x 1", "line feed");
    assertRefused("x{a=\"1\"} 1\nx{a=\"1\"} 2\n", "duplicate series");
    assertRefused("x 1\n# TYPE x gauge\n", "after its samples");
    assertRefused("# TYPE x gauge\n# TYPE x gauge\n", "second TYPE");
    assertRefused("# TYPE x meter\n", "unknown type");
    assertRefused("x 1\ny 1\nx{a=\"b\"} 1\n", "not together");
    assertRefused("x{a=\"b\" 1\n", "expected ',' or '}'");
  }

  @Test
  void checksHistogramsBucketsAndCount() {
    assertRefused("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
        + "h_count 2\n", "buckets decrease");
    assertRefused("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n",
        "is not the count");
    assertRefused("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_count 2\n", "is not the count");
  }

  private static void assertRefused(String text, String why) {
    assertThatThrownBy(() -> PrometheusText.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }
}
