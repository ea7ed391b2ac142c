/**
 * RESP2, the Redis wire protocol, as bytes in and bytes out: nothing here knows what a command
 * means.
 *
 * <h2>Requests in</h2>
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.resp.RespRequestParser}: a {@code Handler<Buffer>} fed a client's
 *       byte stream in any fragments; parses multibulk arrays and inline commands exactly as Redis
 *       7.0 does and hands each complete {@link org.vertxdynomite.resp.RespRequest} to a {@link
 *       org.vertxdynomite.resp.RequestHandler}, or reports one {@link
 *       org.vertxdynomite.resp.ProtocolError}.
 *   <li>{@link org.vertxdynomite.resp.ParserLimits}: bulk length, argument count and line length
 *       limits (Redis's defaults), checked before anything is allocated.
 *   <li>{@code InlineSplitter} (Redis's {@code sdssplitargs} quoting), {@code RespDecimal} (Redis's
 *       {@code string2ll} for counts and lengths), {@code ProtocolErrors} (Redis's error texts):
 *       the parser's package-private parts.
 *   <li>{@link org.vertxdynomite.resp.RespRequest}: one request, arguments as raw {@code byte[]}.
 * </ul>
 *
 * <h2>Replies out</h2>
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.resp.Reply}: an immutable value that appends its RESP2 encoding to
 *       a buffer; {@link org.vertxdynomite.resp.SimpleReply}, {@link
 *       org.vertxdynomite.resp.IntegerReply}, {@link org.vertxdynomite.resp.BulkReply}, {@link
 *       org.vertxdynomite.resp.ArrayReply} and the constants and factories of {@link
 *       org.vertxdynomite.resp.Replies}.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.resp.RespError}: a failure that is also a reply ({@code -CODE
 *       message}), without stack trace, written back once at the edge.
 *   <li>{@link org.vertxdynomite.resp.ProtocolError}: a broken request stream; replied as {@code
 *       -ERR Protocol error: ...}, after which the connection is closed, as Redis does.
 * </ul>
 */
package org.vertxdynomite.resp;
