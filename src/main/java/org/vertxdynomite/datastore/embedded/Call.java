package org.vertxdynomite.datastore.embedded;

import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * One command being executed: its arguments, the keyspace, and argument parsing with Redis's
 * error replies (thrown as {@link RespError}, turned into the reply by the store).
 */
final class Call {

  final RespRequest request;
  final Keyspace ks;
  final EmbeddedStore store;

  Call(RespRequest request, Keyspace ks, EmbeddedStore store) {
    this.request = request;
    this.ks = ks;
    this.store = store;
  }

  int argc() {
    return request.argc();
  }

  byte[] arg(int i) {
    return request.arg(i);
  }

  /** The command name in lower case, as Redis quotes it in errors. */
  String name() {
    return request.commandName();
  }

  /** Whether argument {@code i} is the option {@code lower}, ignoring ASCII case. */
  boolean is(int i, String lower) {
    return Bytes.is(request.arg(i), lower);
  }

  long now() {
    return ks.now();
  }

  /** Argument {@code i} as a 64-bit integer, or "value is not an integer or out of range". */
  long longArg(int i) {
    return Numbers.parseLong(request.arg(i), Errors.NOT_INTEGER);
  }

  long longArg(int i, RespError error) {
    return Numbers.parseLong(request.arg(i), error);
  }

  /** Argument {@code i} as a double, or "value is not a valid float". */
  double doubleArg(int i) {
    return Numbers.parseDouble(request.arg(i), Errors.NOT_FLOAT);
  }

  /** Argument {@code i} as a count that must be ≥ 0: "value is out of range, must be positive". */
  long positiveLongArg(int i) {
    long v = Numbers.parseLong(request.arg(i), Errors.NOT_POSITIVE);
    if (v < 0) {
      throw Errors.NOT_POSITIVE;
    }
    return v;
  }

  /**
   * Redis's getRangeLongFromObjectOrReply: argument {@code i} within [min, max]. With a message,
   * both a parse failure and a range failure answer it; without, the generic errors are used.
   */
  long rangeLongArg(int i, long min, long max, RespError msg) {
    long v = Numbers.parseLong(request.arg(i), msg != null ? msg : Errors.NOT_INTEGER);
    if (v < min || v > max) {
      throw msg != null ? msg : RespError.err("value is out of range, value must between " + min + " and " + max);
    }
    return v;
  }

  /** Argument {@code i} as an int-range long ({@code getLongFromObject} bounded to int), else NOT_INTEGER. */
  int intArg(int i) {
    long v = longArg(i);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw Errors.NOT_INTEGER;
    }
    return (int) v;
  }

  /** Arguments [from, from + n) as an array, e.g. the keys of a multi-key pop. */
  byte[][] args(int from, int n) {
    byte[][] out = new byte[n][];
    for (int i = 0; i < n; i++) {
      out[i] = request.arg(from + i);
    }
    return out;
  }

  /**
   * Serves a multi-key pop from the first of {@code keys} that exists: WRONGTYPE unless it holds
   * {@code type}; null when none exists (the command may then block).
   */
  org.vertxdynomite.resp.Reply serveFirstExisting(byte[][] keys, ValueType type, Outcome.Server server) {
    for (byte[] k : keys) {
      Value v = ks.get(k, type);
      if (v != null) {
        return server.serve(this, k);
      }
    }
    return null;
  }

  /** An error naming this command, e.g. "ERR invalid expire time in 'set' command". */
  RespError invalidExpire() {
    return Errors.invalidExpire(name());
  }

  static RespError err(String message) {
    return RespError.err(message);
  }

  static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
