package org.vertxdynomite.repair;

/**
 * What became of a replica's repair writes.
 *
 * @param applied written
 * @param raced not written: the key was written or flushed since the repair looked (its fence
 *     moved on), or a copy found the key already there; the next run looks again
 * @param failed the datastore refused or could not answer
 */
public record ApplyResult(int applied, int raced, int failed) {

  /** Both counts added. */
  public ApplyResult plus(ApplyResult o) {
    return new ApplyResult(applied + o.applied, raced + o.raced, failed + o.failed);
  }
}
