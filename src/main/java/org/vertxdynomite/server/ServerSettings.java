package org.vertxdynomite.server;

import org.vertxdynomite.resp.ParserLimits;

/**
 * How the RESP server listens and bounds each client.
 *
 * @param host address to bind ({@code listen})
 * @param port port to bind; 0 picks a free one
 * @param limits request parser limits (bulk length, argument count, inline length)
 * @param maxPendingPerClient requests of one client in progress before the node stops reading
 *     from it (resumed at half)
 * @param maxClients connections accepted at once ({@code client_connections}); 0 = no limit
 * @param backlog TCP accept backlog ({@code backlog})
 */
public record ServerSettings(
    String host, int port, ParserLimits limits, int maxPendingPerClient, int maxClients, int backlog) {

  public static final int DEFAULT_MAX_PENDING_PER_CLIENT = 1024;
  public static final int DEFAULT_BACKLOG = 512;

  /** Settings with the defaults for everything but the address. */
  public static ServerSettings of(String host, int port) {
    return new ServerSettings(host, port, ParserLimits.DEFAULT, DEFAULT_MAX_PENDING_PER_CLIENT, 0, DEFAULT_BACKLOG);
  }
}
