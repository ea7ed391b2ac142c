/**
 * Where a client's data command runs and what the client gets back.
 *
 * <p>{@link org.vertxdynomite.coordinator.Coordinator} is the one entry point from the server;
 * {@link org.vertxdynomite.coordinator.LocalCoordinator} serves a node alone (every key is its own).
 * {@link org.vertxdynomite.coordinator.Session} is what routing may need to know about a client
 * connection (its id for ordering, its close for blocking commands). The cluster coordinator,
 * quorum combinators and multi-key split/stitch join here with issue 4.
 */
package org.vertxdynomite.coordinator;
