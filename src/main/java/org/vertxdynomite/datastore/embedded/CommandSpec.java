package org.vertxdynomite.datastore.embedded;

/**
 * One row of the dispatch table: a command, its Redis arity and flags, and its handler (exactly
 * one of {@code handler} and {@code blocking} is set).
 */
record CommandSpec(String name, int arity, int flags, Handler handler, BlockingHandler blocking) {

  /** Modifies the keyspace. */
  static final int WRITE = 1;
  /**
   * May grow memory: refused when used memory exceeds maxmemory. Mirrors Redis's {@code denyoom}
   * flag (taken from redis-server 7.0.15's COMMAND INFO).
   */
  static final int DENYOOM = 2;
  static final int READONLY = 0;

  boolean arityOk(int argc) {
    return arity >= 0 ? argc == arity : argc >= -arity;
  }

  boolean isWrite() {
    return (flags & WRITE) != 0;
  }

  boolean isDenyOom() {
    return (flags & DENYOOM) != 0;
  }
}
