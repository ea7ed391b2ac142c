package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** DUMP and RESTORE (REPLACE, ABSTTL, IDLETIME, FREQ) over {@link DumpFormat}. */
final class DumpCommands {

  private DumpCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("dump", 2, READONLY, DumpCommands::dump);
    t.add("restore", -4, WRITE | DENYOOM, DumpCommands::restore);
  }

  private static Reply dump(Call c) {
    Value v = c.ks.get(c.arg(1));
    return v == null ? Replies.NULL_BULK : Replies.bulk(DumpFormat.dump(v));
  }

  private static Reply restore(Call c) {
    boolean replace = false;
    boolean absTtl = false;
    long idle = -1;
    long freq = -1;
    for (int j = 4; j < c.argc(); j++) {
      boolean more = j + 1 < c.argc();
      if (c.is(j, "replace")) {
        replace = true;
      } else if (c.is(j, "absttl")) {
        absTtl = true;
      } else if (c.is(j, "idletime") && more && freq == -1) {
        idle = c.longArg(++j);
        if (idle < 0) {
          throw RespError.err("Invalid IDLETIME value, must be >= 0");
        }
      } else if (c.is(j, "freq") && more && idle == -1) {
        freq = c.longArg(++j);
        if (freq < 0 || freq > 255) {
          throw RespError.err("Invalid FREQ value, must be >= 0 and <= 255");
        }
      } else {
        throw Errors.SYNTAX;
      }
    }
    byte[] key = c.arg(1);
    if (!replace && c.ks.exists(key)) {
      throw Errors.BUSYKEY;
    }
    long ttl = c.longArg(2);
    if (ttl < 0) {
      throw RespError.err("Invalid TTL value, must be >= 0");
    }
    byte[] payload = c.arg(3);
    if (!DumpFormat.verify(payload)) {
      throw Errors.BAD_DUMP;
    }
    Value v = DumpFormat.restore(payload);
    if (v == null) {
      throw Errors.BAD_DATA_FORMAT;
    }
    if (replace) {
      c.ks.delete(key);
    }
    if (ttl != 0 && !absTtl) {
      ttl += c.now();
    }
    if (ttl != 0 && ttl <= c.now()) {
      return Replies.OK;
    }
    Keyspace.Entry e = c.ks.add(key, v);
    if (ttl != 0) {
      c.ks.setExpire(e, ttl);
    }
    return Replies.OK;
  }
}
