/**
 * The command line and the node's life: {@link org.vertxdynomite.app.Main} parses Dynomite's
 * options ({@link org.vertxdynomite.app.CliArgs}), loads and checks the configuration, sets up
 * logging, and starts a {@link org.vertxdynomite.app.Node} — datastore, coordinator, RESP server
 * verticles and admin port, in that order, on a Vert.x whose metrics go to the node's own
 * Prometheus registry — which stops in reverse order on SIGTERM.
 */
package org.vertxdynomite.app;
