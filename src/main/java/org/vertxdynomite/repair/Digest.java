package org.vertxdynomite.repair;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.ring.Token;

/**
 * A compact summary of the keys a replica holds in some hash ranges: {@value #BUCKETS} buckets by
 * key token (the top {@value #BUCKET_BITS} bits of the 32-bit hash, so two replicas bucket every
 * key alike whatever their rings look like), each holding the number of keys and the sum (mod
 * 2^64) of a 64-bit hash of each key with its DUMP payload ({@link #entryHash}).
 *
 * <p>Why a sum: it does not depend on the order keys are met in (SCAN order differs between
 * replicas), it can be built batch by batch and added up ({@link #merge}), and it costs two words
 * per bucket. Two replicas holding the same keys with the same values have equal buckets; a key
 * missing, extra or with another value changes its bucket's count or sum (two differences that
 * cancel out need a 64-bit hash collision). TTLs are not part of it: a key whose replicas differ
 * only in their expiry counts as equal.
 */
public final class Digest {

  /** Bits of the token that select a bucket. */
  public static final int BUCKET_BITS = 12;
  /** Number of buckets. */
  public static final int BUCKETS = 1 << BUCKET_BITS;

  private final long[] sums = new long[BUCKETS];
  private final int[] counts = new int[BUCKETS];

  /** The bucket of a key whose token (hash) is {@code token}. */
  public static int bucketOf(long token) {
    if (token < 0 || token > Token.MAX_VALUE) {
      throw new IllegalArgumentException("not a token: " + token);
    }
    return (int) (token >>> (32 - BUCKET_BITS));
  }

  /** Counts a key of token {@code token} holding {@code payload} (its DUMP). */
  public void add(long token, byte[] key, byte[] payload) {
    int b = bucketOf(token);
    sums[b] += entryHash(key, payload);
    counts[b]++;
  }

  /** Adds another digest's buckets (a later batch of the same scan) to this one. */
  public void merge(Digest other) {
    for (int b = 0; b < BUCKETS; b++) {
      sums[b] += other.sums[b];
      counts[b] += other.counts[b];
    }
  }

  /** Keys counted. */
  public long keys() {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    return n;
  }

  /** The buckets where this digest and {@code other} differ, ascending. */
  public List<Integer> differing(Digest other) {
    List<Integer> out = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (sums[b] != other.sums[b] || counts[b] != other.counts[b]) {
        out.add(b);
      }
    }
    return out;
  }

  /** The non-empty buckets as {@code [[bucket, sum, count], …]}, for the event bus. */
  public JsonArray toJson() {
    JsonArray out = new JsonArray();
    for (int b = 0; b < BUCKETS; b++) {
      if (counts[b] != 0) {
        out.add(new JsonArray().add(b).add(sums[b]).add(counts[b]));
      }
    }
    return out;
  }

  /** The digest {@link #toJson()} wrote. */
  public static Digest fromJson(JsonArray json) {
    Digest d = new Digest();
    for (int i = 0; i < json.size(); i++) {
      JsonArray e = json.getJsonArray(i);
      int b = e.getInteger(0);
      d.sums[b] += e.getLong(1);
      d.counts[b] += e.getInteger(2);
    }
    return d;
  }

  /**
   * A 64-bit hash of a key and its value: FNV-1a over the key's length, the key and the payload,
   * then MurmurHash3's finaliser so that the bits mix well before they are summed.
   */
  public static long entryHash(byte[] key, byte[] payload) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, new byte[] {(byte) (key.length >>> 24), (byte) (key.length >>> 16), (byte) (key.length >>> 8),
        (byte) key.length});
    h = fnv(h, key);
    h = fnv(h, payload);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
