/**
 * Where a key lives: Dynomite-compatible key hashing and the per-rack token ring. Pure functions
 * and immutable values; nothing here knows about Vert.x, connections or membership.
 *
 * <p>Parts:
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.ring.KeyHasher} — the strategy: bytes of a key (read in place) to
 *       an unsigned 32-bit token carried in a {@code long}.
 *   <li>{@link org.vertxdynomite.ring.HashAlgorithms} — the functions by the names of Dynomite's
 *       {@code hash:} option ({@code murmur}, the default, and twelve others); one small
 *       package-private class per family: {@code MurmurHasher}, {@code Murmur3Hasher}, {@code
 *       OneAtATimeHasher}, {@code Md5Hasher}, {@code Crc16Hasher}, {@code Crc32Hasher} ({@code
 *       crc32}, {@code crc32a}), {@code FnvHasher} (four variants), {@code HsiehHasher}, {@code
 *       JenkinsHasher}, with {@code Bytes} for their little-endian reads.
 *   <li>{@link org.vertxdynomite.ring.HashTag} — Dynomite's {@code hash_tag:} option, picking the
 *       part of a key that is hashed.
 *   <li>{@link org.vertxdynomite.ring.Partitioner} — hash tag plus hash function: key to token.
 *   <li>{@link org.vertxdynomite.ring.Token} — a ring position, parsed from Dynomite's decimal
 *       {@code tokens:} syntax; evenly spaced tokens for a rack of n nodes.
 *   <li>{@link org.vertxdynomite.ring.TokenRing} — one rack's ring over any node type: the owner of
 *       a hash (smallest token {@code >=} hash, wrapping), the nodes in ring order, and the
 *       preference list of distinct nodes after the owner.
 * </ul>
 *
 * <p>Compatibility with Dynomite (x86 builds), function by function: every function gives
 * Dynomite's tokens, including its quirks — {@code crc16} keeps an unmasked 32-bit register,
 * {@code crc32} is libmemcached's 15-bit truncation ({@code crc32a} is the standard CRC-32),
 * {@code md5} takes digest bytes 0..3 little-endian, the 64-bit FNVs keep their low 32 bits, and
 * {@code one_at_a_time} sign-extends bytes {@code >= 0x80} as Dynomite's signed {@code char} does.
 * Two deliberate differences: {@code murmur3} is really computed (Dynomite's never is, and sends
 * every key to the node with the rack's smallest token), and the empty key gets the reference
 * functions' value under {@code hsieh} and {@code jenkins}, where Dynomite leaves its token unset.
 * Dynomite routes a zero-length key of a single-key command to its local node without hashing;
 * that choice belongs to the caller, not to this package.
 */
package org.vertxdynomite.ring;
