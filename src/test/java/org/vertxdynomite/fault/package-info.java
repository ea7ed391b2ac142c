/**
 * The fault-injection suite (issue 5): node JVMs and real redis-servers on loopback, a bounded
 * DC_QUORUM write load and a DC_ONE / DC_QUORUM read load, and one fault at a time — a node killed
 * with SIGKILL and restarted, a redis-server killed and restarted with its data, a node paused with
 * SIGSTOP past the request timeout and resumed.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.fault.FaultPlan}: how long each part runs, short (CI) or long
 *       ({@code -Dfault.long=true}).
 *   <li>{@link org.vertxdynomite.fault.Phase}, {@link org.vertxdynomite.fault.Tally}: when an
 *       outcome happened (before, during, after the fault) and the outcome counts.
 *   <li>{@link org.vertxdynomite.fault.KeyLedger}: every write a writer issued, acknowledged or not,
 *       so the value each key must end with is known.
 *   <li>{@link org.vertxdynomite.fault.WriteLoad}, {@link org.vertxdynomite.fault.ReadLoad}: the
 *       client connections, plain RESP.
 *   <li>{@link org.vertxdynomite.fault.ReplicaSnapshot}: every replica's value of every key, read
 *       from the redis-servers directly.
 *   <li>{@link org.vertxdynomite.fault.FaultScenario}, {@link org.vertxdynomite.fault.ScenarioResult}:
 *       one fault under load, measured, and its figures.
 * </ul>
 */
package org.vertxdynomite.fault;
