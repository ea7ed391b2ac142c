package org.vertxdynomite.datastore.embedded;

/**
 * Runs a command that may block (BLPOP, BZPOPMIN, …): it either answers at once or asks to wait
 * for keys with {@link Outcome.Wait}.
 */
@FunctionalInterface
interface BlockingHandler {
  Outcome handle(Call call);
}
