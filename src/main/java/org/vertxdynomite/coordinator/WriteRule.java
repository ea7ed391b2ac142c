package org.vertxdynomite.coordinator;

/**
 * How a write reaches every replica so that they all end up holding the same data, the way
 * Redis's own replication makes writes deterministic. {@link WriteRules} gives each write its rule.
 */
public enum WriteRule {
  /** Deterministic as it is: the same request is sent to every replica (SET k v, LPUSH, DEL …). */
  PASS,
  /**
   * Depends on the time it runs (relative expiries): the coordinator rewrites it once with
   * {@link WriteRules#rewriteBefore} (EXPIRE → PEXPIREAT, SET EX → SET PXAT …) and sends the
   * rewritten request to every replica.
   */
  REWRITE_BEFORE,
  /**
   * Has an outcome the replicas could not reproduce (a random pick, a float computed in another
   * precision, a blocking pop that depends on when data arrives): it runs on one replica, the
   * primary, first; {@link WriteRules#effectAfter} turns its reply into deterministic requests for
   * the other replicas (SPOP → SREM of the members popped …). The client gets the primary's reply.
   */
  EFFECT_AFTER,
  /**
   * Has no key and concerns the whole dataset (FLUSHALL, FLUSHDB): sent unchanged to every node of
   * every rack instead of to one key's replicas.
   */
  FAN_OUT,
  /** Cannot be made deterministic: refused with {@link WriteRules#refusal}, never run. */
  REFUSE
}
