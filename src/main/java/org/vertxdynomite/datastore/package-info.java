/**
 * The one datastore each node fronts, behind the {@link org.vertxdynomite.datastore.Datastore} SPI.
 *
 * <p>An error reply of a data command (WRONGTYPE, syntax…) is a successful result; a failed future
 * means the datastore could not answer and carries a {@link org.vertxdynomite.datastore.StorageError}
 * ({@code -ERR Storage: …}). Implementations: {@code redis} (a redis-server through
 * vertx-redis-client) and {@code embedded} (the in-JVM store).
 */
package org.vertxdynomite.datastore;
