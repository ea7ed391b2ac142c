package org.vertxdynomite.coordinator;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.RespRequest;

/**
 * The options of SET and GETEX read as Redis 7.0 reads them (parseExtendedStringArgumentsOrReply):
 * which are accepted together, and which relative expiry (EX or PX, the last one given) applies.
 *
 * @param kept the options other than expiries (NX, XX, GET, KEEPTTL, PERSIST, EXAT/PXAT with
 *     their values), in the client's order
 * @param relative the value of the EX or PX option in force, or null when there is none
 * @param seconds whether {@code relative} is EX (seconds) rather than PX (milliseconds)
 */
record StringExpiryOptions(List<byte[]> kept, byte[] relative, boolean seconds) {

  /** Which command's options are read. */
  enum Command { SET, GETEX }

  private static final int NX = 1;
  private static final int XX = 1 << 1;
  private static final int GET = 1 << 2;
  private static final int KEEPTTL = 1 << 3;
  private static final int PERSIST = 1 << 4;
  private static final int EX = 1 << 5;
  private static final int PX = 1 << 6;
  private static final int EXAT = 1 << 7;
  private static final int PXAT = 1 << 8;

  /** One option: the flags it cannot follow, the command it belongs to, whether it takes a value. */
  private record Option(String name, int flag, int conflicts, Command only, boolean takesValue) {}

  private static final List<Option> OPTIONS = List.of(
      new Option("NX", NX, XX, Command.SET, false),
      new Option("XX", XX, NX, Command.SET, false),
      new Option("GET", GET, 0, Command.SET, false),
      new Option("KEEPTTL", KEEPTTL, PERSIST | EX | EXAT | PX | PXAT, Command.SET, false),
      new Option("PERSIST", PERSIST, EX | EXAT | PX | PXAT | KEEPTTL, Command.GETEX, false),
      new Option("EX", EX, KEEPTTL | PERSIST | EXAT | PX | PXAT, null, true),
      new Option("PX", PX, KEEPTTL | PERSIST | EX | EXAT | PXAT, null, true),
      new Option("EXAT", EXAT, KEEPTTL | PERSIST | EX | PX | PXAT, null, true),
      new Option("PXAT", PXAT, KEEPTTL | PERSIST | EX | EXAT | PX, null, true));

  /** The options from argument {@code from} on, or null where Redis answers "syntax error". */
  static StringExpiryOptions parse(RespRequest r, int from, Command command) {
    int flags = 0;
    byte[] relative = null;
    List<byte[]> kept = new ArrayList<>();
    for (int j = from; j < r.argc(); j++) {
      Option option = match(r.arg(j), flags, command, j < r.argc() - 1);
      if (option == null) {
        return null;
      }
      flags |= option.flag();
      if (option.flag() == EX || option.flag() == PX) {
        // A repeated EX (or PX) is accepted, and the last one wins.
        relative = r.arg(++j);
      } else {
        kept.add(r.arg(j));
        if (option.takesValue()) {
          kept.add(r.arg(++j));
        }
      }
    }
    return new StringExpiryOptions(kept, relative, (flags & EX) != 0);
  }

  private static Option match(byte[] arg, int flags, Command command, boolean hasNext) {
    for (Option o : OPTIONS) {
      if (Args.is(arg, o.name())) {
        boolean allowed = (o.only() == null || o.only() == command) && (flags & o.conflicts()) == 0
            && (!o.takesValue() || hasNext);
        return allowed ? o : null;
      }
    }
    return null;
  }
}
