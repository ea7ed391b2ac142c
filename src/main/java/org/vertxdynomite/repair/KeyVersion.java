package org.vertxdynomite.repair;

import io.vertx.core.json.JsonArray;

/**
 * What one replica holds of one key, and what its write fence remembers of it.
 *
 * @param present whether the key exists there
 * @param payload its DUMP (null when absent)
 * @param expireAt its absolute expiry in epoch ms, 0 for none (or absent)
 * @param newest the newest write timestamp the replica's fence remembers for it, 0 for none
 * @param newestOverwrite the newest whole-value write (SET, DEL…) it remembers, 0 for none
 */
public record KeyVersion(boolean present, byte[] payload, long expireAt, long newest, long newestOverwrite) {

  /** A key absent from a replica whose fence remembers {@code newest} / {@code newestOverwrite}. */
  public static KeyVersion absent(long newest, long newestOverwrite) {
    return new KeyVersion(false, null, 0, newest, newestOverwrite);
  }

  /** A key present with {@code payload}. */
  public static KeyVersion present(byte[] payload, long expireAt, long newest, long newestOverwrite) {
    return new KeyVersion(true, payload, expireAt, newest, newestOverwrite);
  }

  /** {@code [key, payload, expireAt, newest, newestOverwrite]} for the event bus. */
  JsonArray toJson(byte[] key) {
    return new JsonArray().add(key).add(payload).add(expireAt).add(newest).add(newestOverwrite);
  }

  /** The version {@link #toJson} wrote (the key is element 0). */
  static KeyVersion fromJson(JsonArray e) {
    return present(e.getBinary(1), e.getLong(2), e.getLong(3), e.getLong(4));
  }
}
