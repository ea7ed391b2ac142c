package org.vertxdynomite.command;

import org.vertxdynomite.resp.RespRequest;

/**
 * Key finding for the commands whose key specs Redis itself marks unknown or incomplete, following
 * the parsing rules of Redis's own per-command key functions: SORT and SORT_RO (a STORE keyword that
 * may appear anywhere among options) and MIGRATE (a KEYS list that replaces the single key).
 */
final class KeyFallbacks {

  /** Finds the keys of one command by parsing its arguments. */
  interface Finder {
    /** Appends the key positions to {@code out}; false if the request has none that can be found. */
    boolean appendKeys(RespRequest request, IntList out);
  }

  private KeyFallbacks() {}

  /** The finder for {@code name}, or null when its key specs suffice. */
  static Finder forCommand(String name) {
    return switch (name) {
      case "sort" -> KeyFallbacks::sort;
      case "sort_ro" -> KeyFallbacks::sortRo;
      case "migrate" -> KeyFallbacks::migrate;
      default -> null;
    };
  }

  /** SORT_RO key: the sorted key only (BY/GET patterns name keys that depend on the data). */
  private static boolean sortRo(RespRequest request, IntList out) {
    if (request.argc() < 2) {
      return false;
    }
    out.add(1);
    return true;
  }

  /**
   * SORT key [BY p] [LIMIT o c] [GET p ...] [ASC|DESC] [ALPHA] [STORE dest]: the sorted key and the
   * last STORE destination. Options are skipped with their arguments so that a pattern or count
   * spelled "store" is not taken for the keyword.
   */
  private static boolean sort(RespRequest request, IntList out) {
    if (!sortRo(request, out)) {
      return false;
    }
    int argc = request.argc();
    int store = -1;
    for (int i = 2; i < argc; i++) {
      byte[] arg = request.arg(i);
      if (Ascii.equalsIgnoreCase(arg, "limit")) {
        i += 2;
      } else if (Ascii.equalsIgnoreCase(arg, "get") || Ascii.equalsIgnoreCase(arg, "by")) {
        i += 1;
      } else if (Ascii.equalsIgnoreCase(arg, "store") && i + 1 < argc) {
        // Redis does not skip the destination here: "STORE store x" stores into x.
        store = i + 1;
      }
    }
    if (store > 0) {
      out.add(store);
    }
    return true;
  }

  /**
   * MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS k ...]:
   * argument 3, or with KEYS (only valid when argument 3 is empty) the keys after it.
   */
  private static boolean migrate(RespRequest request, IntList out) {
    int argc = request.argc();
    if (argc < 4) {
      return false;
    }
    int first = 3;
    int count = 1;
    for (int i = 6; i < argc; i++) {
      byte[] arg = request.arg(i);
      if (Ascii.equalsIgnoreCase(arg, "keys")) {
        // KEYS with a key in argument 3 is a syntax error, which finds no keys.
        count = request.arg(3).length > 0 ? 0 : argc - i - 1;
        first = i + 1;
        break;
      } else if (Ascii.equalsIgnoreCase(arg, "auth")) {
        i += 1;
      } else if (Ascii.equalsIgnoreCase(arg, "auth2")) {
        i += 2;
      }
    }
    for (int k = 0; k < count; k++) {
      out.add(first + k);
    }
    return count > 0;
  }
}
