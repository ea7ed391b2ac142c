package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** Generic key commands: DEL, EXISTS, TYPE, RENAME, COPY, KEYS, RANDOMKEY, DBSIZE, FLUSH*. */
final class KeyCommands {

  private static final Reply NONE = Replies.simple("none");
  private static final RespError SAME_OBJECT = RespError.err("source and destination objects are the same");
  private static final RespError DB_OUT_OF_RANGE = RespError.err("DB index is out of range");

  private KeyCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("del", -2, WRITE, KeyCommands::del);
    t.add("unlink", -2, WRITE, KeyCommands::del);
    t.add("exists", -2, READONLY, KeyCommands::exists);
    t.add("touch", -2, READONLY, KeyCommands::exists);
    t.add("type", 2, READONLY, KeyCommands::type);
    t.add("rename", 3, WRITE, c -> rename(c, false));
    t.add("renamenx", 3, WRITE, c -> rename(c, true));
    t.add("copy", -3, WRITE | DENYOOM, KeyCommands::copy);
    t.add("keys", 2, READONLY, KeyCommands::keys);
    t.add("randomkey", 1, READONLY, KeyCommands::randomKey);
    t.add("dbsize", 1, READONLY, c -> Replies.integer(c.ks.size()));
    t.add("flushdb", -1, WRITE, KeyCommands::flush);
    t.add("flushall", -1, WRITE, KeyCommands::flush);
  }

  private static Reply del(Call c) {
    long n = 0;
    for (int i = 1; i < c.argc(); i++) {
      if (c.ks.delete(c.arg(i))) {
        n++;
      }
    }
    return Replies.integer(n);
  }

  private static Reply exists(Call c) {
    long n = 0;
    for (int i = 1; i < c.argc(); i++) {
      if (c.ks.exists(c.arg(i))) {
        n++;
      }
    }
    return Replies.integer(n);
  }

  private static Reply type(Call c) {
    Value v = c.ks.get(c.arg(1));
    return v == null ? NONE : v.type().typeReply();
  }

  private static Reply rename(Call c, boolean nx) {
    byte[] src = c.arg(1);
    byte[] dst = c.arg(2);
    Keyspace.Entry e = c.ks.entry(src);
    if (e == null) {
      throw Errors.NO_SUCH_KEY;
    }
    if (java.util.Arrays.equals(src, dst)) {
      return nx ? Replies.ZERO : Replies.OK;
    }
    long expire = e.expireAt;
    if (c.ks.exists(dst)) {
      if (nx) {
        return Replies.ZERO;
      }
      c.ks.delete(dst);
    }
    c.ks.remove(e);
    Keyspace.Entry moved = c.ks.add(dst, e.value);
    if (expire >= 0) {
      c.ks.setExpire(moved, expire);
    }
    return nx ? Replies.ONE : Replies.OK;
  }

  private static Reply copy(Call c) {
    byte[] src = c.arg(1);
    byte[] dst = c.arg(2);
    boolean replace = false;
    for (int j = 3; j < c.argc(); j++) {
      if (c.is(j, "replace")) {
        replace = true;
      } else if (c.is(j, "db") && j + 1 < c.argc()) {
        // One keyspace: database 0 is the only one (as with databases=1).
        if (c.intArg(j + 1) != 0) {
          throw DB_OUT_OF_RANGE;
        }
        j++;
      } else {
        throw Errors.SYNTAX;
      }
    }
    if (java.util.Arrays.equals(src, dst)) {
      throw SAME_OBJECT;
    }
    Keyspace.Entry e = c.ks.entry(src);
    if (e == null) {
      return Replies.ZERO;
    }
    long expire = e.expireAt;
    if (c.ks.exists(dst)) {
      if (!replace) {
        return Replies.ZERO;
      }
      c.ks.delete(dst);
    }
    Keyspace.Entry added = c.ks.add(dst, e.value.copy());
    if (expire >= 0) {
      c.ks.setExpire(added, expire);
    }
    return Replies.ONE;
  }

  private static Reply keys(Call c) {
    byte[] pattern = c.arg(1);
    boolean all = pattern.length == 1 && pattern[0] == '*';
    List<Reply> out = new ArrayList<>();
    c.ks.forEachKey(e -> {
      if (all || Glob.matches(pattern, e.key)) {
        out.add(Replies.bulk(e.key));
      }
    });
    return Replies.array(out);
  }

  private static Reply randomKey(Call c) {
    byte[] k = c.ks.randomKey();
    return k == null ? Replies.NULL_BULK : Replies.bulk(k);
  }

  private static Reply flush(Call c) {
    if (c.argc() > 2 || (c.argc() == 2 && !c.is(1, "sync") && !c.is(1, "async"))) {
      throw Errors.SYNTAX;
    }
    c.ks.flush();
    return Replies.OK;
  }
}
