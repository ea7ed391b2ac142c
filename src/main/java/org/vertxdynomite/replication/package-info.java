/**
 * Node-to-node traffic on the clustered event bus: the peer transport the coordinator forwards
 * requests and replicates writes through, and the {@link
 * org.vertxdynomite.replication.ReplicatorVerticle}, which receives the writes other datacenters
 * replicate to this node. Also the pieces of last-write-wins every replica applies: {@link
 * org.vertxdynomite.replication.HybridClock} (the timestamp every write carries), {@link
 * org.vertxdynomite.replication.WriteFence} and {@link org.vertxdynomite.replication.LateWrites}
 * (which late writes are voided), and {@link org.vertxdynomite.replication.PeerFlags}. The hint
 * log itself is the {@code handoff} package's. {@link org.vertxdynomite.replication.BusOps}
 * answers the JSON event-bus services peers call (warm-up donors, anti-entropy).
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.replication.PeerRequest}: id, {@link
 *       org.vertxdynomite.replication.PeerKind} ({@code FORWARD}, {@code REPLICATE}, {@code CANCEL}), flags, the
 *       coordinator's hybrid logical timestamp, an order key, and the command.
 *   <li>{@link org.vertxdynomite.replication.PeerReply}: a reply value (error replies included) or
 *       a failure, the {@code Future<Reply>} contract of the datastore carried across nodes.
 *   <li>{@link org.vertxdynomite.replication.RequestBatch} and {@link
 *       org.vertxdynomite.replication.ReplyBatch}: the body of one event-bus message each way.
 * </ul>
 *
 * <h2>Wire format</h2>
 *
 * <p>{@link org.vertxdynomite.replication.RequestBatchCodec} and {@link
 * org.vertxdynomite.replication.ReplyBatchCodec} are Vert.x message codecs ({@link
 * org.vertxdynomite.replication.PeerCodecs} registers them): between nodes a batch is one buffer,
 * within a node the immutable batch object is handed over. Bodies, framed by the package-private
 * {@code BatchCodec}, start with a 4-byte length and a version byte; counts, lengths and ids are varints; replies are encoded structurally by the
 * package-private {@code ReplyEncoding} (a tag byte per RESP2 type, the two nils kept apart), so
 * they decode to the same {@code resp} types. {@code Wire} and {@code WireReader} hold the
 * primitives; every read is bounds-checked before allocating, and a malformed message is a {@link
 * org.vertxdynomite.replication.WireFormatException}.
 *
 * <h2>Transport</h2>
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.replication.PeerClient} (per event loop): coalesces the requests
 *       to one address issued in the same turn into one message with one explicit send timeout,
 *       bounds the requests in flight per address, and turns event-bus failures into {@link
 *       org.vertxdynomite.replication.PeerError}s ({@code ERR Peer: Connection timed out}, {@code
 *       no route to …}, {@code Too many requests in flight}). {@link
 *       org.vertxdynomite.replication.PeerClientOptions} holds its limits; the package-private
 *       {@code Destination} its per-address state.
 *   <li>{@link org.vertxdynomite.replication.PeerServer}: one consumer per address; starts a
 *       batch's requests in order and answers with one reply batch when all are done.
 *   <li>{@link org.vertxdynomite.replication.RemoteError}: a failure raised on the other node
 *       (datastore, further peer, other), with its exact text and origin.
 * </ul>
 */
package org.vertxdynomite.replication;
