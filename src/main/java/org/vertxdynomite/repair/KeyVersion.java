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
 * @param forgottenBefore when the fence remembers nothing ({@code newest} 0): a timestamp every
 *     write to the key applied there is older than ({@link
 *     org.vertxdynomite.replication.WriteFence#forgottenBefore}); else 0
 * @param settling whether the replica admitted a write of the key within the settle time: its
 *     datastore may still be applying it (a replayed hint with an old timestamp, say), so what it
 *     holds cannot be judged yet, whatever the timestamps say
 */
public record KeyVersion(boolean present, byte[] payload, long expireAt, long newest, long newestOverwrite,
    long forgottenBefore, boolean settling) {

  /** A key absent from a replica whose fence remembers this much of it. */
  public static KeyVersion absent(long newest, long newestOverwrite, long forgottenBefore, boolean settling) {
    return new KeyVersion(false, null, 0, newest, newestOverwrite, forgottenBefore, settling);
  }

  /** A key present with {@code payload}. */
  public static KeyVersion present(byte[] payload, long expireAt, long newest, long newestOverwrite,
      long forgottenBefore, boolean settling) {
    return new KeyVersion(true, payload, expireAt, newest, newestOverwrite, forgottenBefore, settling);
  }

  /**
   * The latest timestamp this replica's last write to the key can have: the remembered one, else
   * the bound on forgotten ones.
   */
  long latestPossible() {
    return newest > 0 ? newest : forgottenBefore;
  }

  /** Whether both hold the same: absent on both, or the same payload. */
  boolean sameState(KeyVersion o) {
    return present == o.present && (!present || java.util.Arrays.equals(payload, o.payload));
  }

  /** {@code [key, payload, expireAt, newest, newestOverwrite, forgottenBefore, settling]} for the event bus. */
  JsonArray toJson(byte[] key) {
    return new JsonArray().add(key).add(payload).add(expireAt).add(newest).add(newestOverwrite).add(forgottenBefore)
        .add(settling);
  }

  /** The version {@link #toJson} wrote (the key is element 0); absent when the payload is null. */
  static KeyVersion fromJson(JsonArray e) {
    byte[] payload = e.getBinary(1);
    return new KeyVersion(payload != null, payload, e.getLong(2), e.getLong(3), e.getLong(4), e.getLong(5),
        e.getBoolean(6));
  }
}
