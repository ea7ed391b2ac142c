/**
 * What the node counts and times, exported to Prometheus.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.metrics.NodeMetrics} — the hooks the server, coordinator,
 *       transport and datastore call; {@code NONE} records nothing, the default everywhere.
 *   <li>{@link org.vertxdynomite.metrics.PrometheusMetrics} — the Micrometer implementation, in the
 *       Prometheus registry Vert.x's own metrics (and the JVM's) use; gauges for values read at
 *       scrape time; the scrape itself.
 *   <li>{@link org.vertxdynomite.metrics.InfoWindows} — the recent distributions Dynomite's {@code
 *       /info} reports as percentiles (latency, payload size, cross-rack and cross-datacenter
 *       latency), kept out of Prometheus.
 *   <li>{@link org.vertxdynomite.metrics.MeasuredDatastore} — times every datastore request and
 *       counts its failures, whatever the backend.
 *   <li>{@link org.vertxdynomite.metrics.MetricNames} — the meter names (docs/ADMIN.md lists them
 *       with their Prometheus names and tags).
 * </ul>
 *
 * <p>Dependencies: {@code config}, {@code datastore} (the SPI), {@code command}, {@code resp},
 * Micrometer and vertx-micrometer-metrics. The packages that report depend on this one, never the
 * other way round.
 */
package org.vertxdynomite.metrics;
