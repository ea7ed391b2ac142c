/**
 * The operator's side of a node: the admin HTTP port on {@code stats_listen} and what INFO adds.
 * Paths, answers and metric names: docs/ADMIN.md.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.admin.AdminServer} — the HTTP server, GET only, errors as 4xx
 *       with a one-line message ({@link org.vertxdynomite.admin.AdminError}); {@code AdminRoutes}
 *       is the table of paths ({@code Route}: template, help line, action).
 *   <li>{@link org.vertxdynomite.admin.NodeControls} — what operators change at runtime: the node
 *       state ({@code LocalNodeState}), read/write consistency, the {@link
 *       org.vertxdynomite.admin.TimeoutFactor}, and {@link org.vertxdynomite.admin.PeerAdminStates}
 *       (administrative down marks, reported only).
 *   <li>{@link org.vertxdynomite.admin.ClusterView} — this node and every peer it knows (members of
 *       the topology, and {@code dyn_seeds} entries not seen), with their marks; peers are named by
 *       their {@code dyn_listen} address.
 *   <li>{@code ClusterDescriptions} — Dynomite's {@code /cluster_describe}, Dyno's token-map array
 *       and {@code get_seeds}; {@code InfoJson} — Dynomite's {@code /info}.
 *   <li>{@link org.vertxdynomite.admin.NodeInfoSections} — INFO's Memory, Keyspace and Dynomite
 *       sections; {@code DatastoreFacts} asks a Redis server or reads the embedded store.
 *   <li>{@link org.vertxdynomite.admin.NodeGauges} — the gauges read at scrape time (connections,
 *       peers, state, levels, timeout factor, embedded store).
 * </ul>
 *
 * <p>Dependencies: {@code config}, {@code topology}, {@code coordinator} (consistency settings),
 * {@code server} (INFO sections, client counters), {@code datastore}, {@code metrics}. Only {@code
 * app} depends on this package.
 */
package org.vertxdynomite.admin;
