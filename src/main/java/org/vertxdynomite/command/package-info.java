/**
 * The Redis command table: what each command is, where its keys are, and whether this node serves
 * it. Everything here is data generated from a real redis-server, not hand-written branches.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.command.CommandTable} — every Redis 7.0 command and subcommand,
 *       loaded once; case-insensitive lookup from a request's raw bytes, container subcommands
 *       (CLIENT SETNAME, OBJECT ENCODING …) resolved, Redis's existence and arity checks.</li>
 *   <li>{@link org.vertxdynomite.command.CommandInfo} — the facts of one command: arity, flags
 *       (write, read-only, blocking, deny-OOM, movable keys …), ACL categories, tips, key specs, and
 *       {@code keyPositions(request)}, which finds keys as COMMAND GETKEYS does.</li>
 *   <li>{@link org.vertxdynomite.command.KeySpec} — one Redis 7 key specification (begin search by
 *       index or keyword; find keys by range or numkeys).</li>
 *   <li>{@link org.vertxdynomite.command.CommandFlag} — Redis's command flags.</li>
 *   <li>{@link org.vertxdynomite.command.CommandErrors} — Redis's exact error replies about commands
 *       (unknown command or subcommand, wrong arity, COMMAND GETKEYS errors) and this node's
 *       "not supported" error with its reason.</li>
 *   <li>{@link org.vertxdynomite.command.CommandTableDoc} — renders docs/COMMANDS.md.</li>
 *   <li>Package-private: the loader, the support policy, the case-insensitive byte-keyed map, and
 *       the Redis-style key parsers for SORT, SORT_RO and MIGRATE, whose key specs Redis leaves
 *       incomplete.</li>
 * </ul>
 *
 * <p>Data (resources of this package): {@code commands.json}, written by
 * {@code scripts/gen-command-table} from {@code COMMAND} and {@code COMMAND DOCS} of redis-server
 * 7.0.15 and committed; {@code command-support.tsv}, the hand-maintained support policy with a
 * reason for every refused command.
 */
package org.vertxdynomite.command;
