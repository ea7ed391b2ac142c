/**
 * The command line and the node's life: {@link org.vertxdynomite.app.Main} parses Dynomite's
 * options ({@link org.vertxdynomite.app.CliArgs}), loads and checks the configuration, sets up
 * logging, and starts a {@link org.vertxdynomite.app.Node} — datastore, coordinator and RESP server
 * verticles, in that order — which stops in reverse order on SIGTERM.
 */
package org.vertxdynomite.app;
