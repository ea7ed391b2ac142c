/**
 * The RESP front door.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.server.RespServer} deploys one
 *       {@link org.vertxdynomite.server.RespServerVerticle} per event loop on {@code listen}.
 *   <li>{@code ClientConnection}: one client — parser in, requests started at once, replies written
 *       in request order, reading paused while too much is pending or unwritten, closed after QUIT
 *       or a protocol error once the replies before it are out.
 *   <li>{@code RequestDispatcher}: the command table's checks in Redis's order (unknown command,
 *       unknown subcommand, arity), then "not supported, because …", then either a command the node
 *       answers itself or the coordinator; each request's time and outcome go to {@code
 *       NodeMetrics}.
 *   <li>Commands answered here: {@code ConnectionCommands} (PING, ECHO, QUIT, RESET, SELECT, HELLO),
 *       {@code ClientCommand}, {@code CommandCommand}, {@code InfoCommand} (its own sections plus the
 *       node's {@link org.vertxdynomite.server.InfoSection}s), {@code DynoConfigCommand}.
 *   <li>{@link org.vertxdynomite.server.NodeStats}: client counters shared by every instance.
 * </ul>
 */
package org.vertxdynomite.server;
