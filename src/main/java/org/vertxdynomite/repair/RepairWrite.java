package org.vertxdynomite.repair;

import io.vertx.core.json.JsonArray;

/**
 * One repair write for a replica: what to do to {@code key}, and what its fence must still say for
 * it to be done (nothing written to the key nor flushed since the repair looked).
 *
 * @param action copy, replace or delete ({@link Decision.Action#NONE} is never sent)
 * @param key the key
 * @param payload the DUMP to restore (null for a delete)
 * @param expireAt absolute expiry in epoch ms, 0 for none
 * @param expectNewest the newest write the receiver's fence remembered for the key, 0 for none
 * @param expectFlushedAt the receiver's last flush as the repair saw it
 * @param stamp the timestamp the receiver's fence remembers the repair under (0: none)
 */
public record RepairWrite(Decision.Action action, byte[] key, byte[] payload, long expireAt, long expectNewest,
    long expectFlushedAt, long stamp) {

  /** For the event bus. */
  JsonArray toJson() {
    return new JsonArray().add(action.name()).add(key).add(payload).add(expireAt).add(expectNewest)
        .add(expectFlushedAt).add(stamp);
  }

  static RepairWrite fromJson(JsonArray e) {
    return new RepairWrite(Decision.Action.valueOf(e.getString(0)), e.getBinary(1), e.getBinary(2), e.getLong(3),
        e.getLong(4), e.getLong(5), e.getLong(6));
  }
}
