/**
 * The embedded datastore: an in-JVM keyspace whose replies are byte-identical to redis-server
 * 7.0.15's, so that one {@code java -jar} runs a working node with nothing else installed.
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>{@link org.vertxdynomite.datastore.embedded.EmbeddedDatastore} — the {@code Datastore}
 *       adapter for Vert.x: completed futures for ordinary commands, context-bound completion and
 *       cancellation for blocked ones, active expiry on a periodic timer.</li>
 *   <li>{@link org.vertxdynomite.datastore.embedded.EmbeddedStore} — the core: one lock around one
 *       keyspace, dispatch through the command table, blocked-command serving, active expiry.</li>
 *   <li>{@link org.vertxdynomite.datastore.embedded.EmbeddedOptions},
 *       {@link org.vertxdynomite.datastore.embedded.StoreClock},
 *       {@link org.vertxdynomite.datastore.embedded.StoreTimers},
 *       {@link org.vertxdynomite.datastore.embedded.Submission} — settings, injectable time,
 *       timeout scheduling and the handle of a possibly blocked command.</li>
 *   <li>Dispatch: {@code CommandTable} (name → {@code CommandSpec}: arity, WRITE/DENYOOM flags,
 *       handler), {@code Call} (one execution: arguments, parsing with Redis's errors),
 *       {@code Handler}/{@code BlockingHandler}/{@code Outcome}, {@code Errors} (Redis's texts).</li>
 *   <li>Keyspace: {@code Keyspace} (entries, lazy and sampled active expiry, memory estimate),
 *       {@code ByteDict} (Redis-style hash table: incremental rehash, reverse-binary scan cursor,
 *       random pick), {@code BlockedClients} (FIFO waiters per key, ready keys).</li>
 *   <li>Values: {@code StringValue}, {@code ListValue}, {@code HashValue}, {@code SetValue},
 *       {@code ZSetValue} over {@code ZSkipList} and {@code ZRange}; {@code Memory} overheads.</li>
 *   <li>Numbers and text: {@code Numbers} (string2ll, strtod, %.17g), {@code CFloat} (C float
 *       syntax), {@code LongDouble} (x87 80-bit arithmetic for INCRBYFLOAT and timeouts),
 *       {@code Glob} (stringmatchlen), {@code Bytes}.</li>
 *   <li>Command groups, one file each: {@code KeyCommands}, {@code ExpireCommands},
 *       {@code ScanCommands}, {@code DumpCommands} with {@code DumpFormat}, {@code StringCommands}
 *       with {@code SetOptions}, {@code CounterCommands}, {@code BitCommands}, {@code HashCommands}, {@code RandomPicks}, {@code SetCommands}, {@code SetAlgebraCommands},
 *       {@code ListCommands}, {@code ListMoveCommands} (with the blocking pops) and {@code Timeouts},
 *       {@code ZSetCommands}, {@code ZRangeCommands} with {@code ZRanges}, {@code ZSetAlgebraCommands},
 *       {@code ZPopCommands} (with the blocking pops), {@code MultiPop} (shared *MPOP arguments), {@code Ranges} (index normalisation),
 *       {@code BitfieldCommand}, {@code HllCommands} with {@code HyperLogLog} (Redis's exact
 *       sparse/dense encoding) and {@code HllMath} (hash and estimator), {@code LcsCommand}.</li>
 * </ul>
 */
package org.vertxdynomite.datastore.embedded;
