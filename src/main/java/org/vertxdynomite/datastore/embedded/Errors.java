package org.vertxdynomite.datastore.embedded;

import org.vertxdynomite.resp.RespError;

/** Redis 7.0's error replies, word for word, shared as constants. */
final class Errors {

  static final RespError WRONGTYPE =
      new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
  static final RespError SYNTAX = RespError.err("syntax error");
  static final RespError NOT_INTEGER = RespError.err("value is not an integer or out of range");
  static final RespError NOT_FLOAT = RespError.err("value is not a valid float");
  static final RespError NOT_POSITIVE = RespError.err("value is out of range, must be positive");
  static final RespError NO_SUCH_KEY = RespError.err("no such key");
  static final RespError INDEX_OUT_OF_RANGE = RespError.err("index out of range");
  static final RespError OVERFLOW = RespError.err("increment or decrement would overflow");
  static final RespError NAN_OR_INFINITY = RespError.err("increment would produce NaN or Infinity");
  static final RespError MIN_MAX_NOT_FLOAT = RespError.err("min or max is not a float");
  static final RespError MIN_MAX_NOT_LEX = RespError.err("min or max not valid string range item");
  static final RespError STRING_TOO_LONG = RespError.err("string exceeds maximum allowed size (proto-max-bulk-len)");
  static final RespError BUSYKEY = new RespError("BUSYKEY Target key name already exists.");
  static final RespError OOM = new RespError("OOM command not allowed when used memory > 'maxmemory'.");
  static final RespError INVALID_CURSOR = RespError.err("invalid cursor");
  static final RespError TIMEOUT_NOT_FLOAT = RespError.err("timeout is not a float or out of range");
  static final RespError TIMEOUT_NEGATIVE = RespError.err("timeout is negative");
  static final RespError BAD_DUMP = RespError.err("DUMP payload version or checksum are wrong");
  static final RespError BAD_DATA_FORMAT = RespError.err("Bad data format");
  static final RespError NUMKEYS = RespError.err("numkeys should be greater than 0");
  static final RespError LIMIT_NEGATIVE = RespError.err("LIMIT can't be negative");

  /** Redis's proto-max-bulk-len default: the largest string a command may create. */
  static final long MAX_STRING = 512L * 1024 * 1024;

  private Errors() {}

  static RespError wrongArgs(String command) {
    return RespError.err("wrong number of arguments for '" + command + "' command");
  }

  static RespError invalidExpire(String command) {
    return RespError.err("invalid expire time in '" + command + "' command");
  }
}
