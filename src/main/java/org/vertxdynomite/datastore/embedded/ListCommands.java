package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.DENYOOM;
import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;
import static org.vertxdynomite.datastore.embedded.CommandSpec.WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** List commands without moves between keys: pushes, pops, ranges, LINDEX, LSET, LTRIM, LREM, LINSERT, LPOS. */
final class ListCommands {

  private static final RespError RANK_ZERO = RespError.err("RANK can't be zero: use 1 to start from the first "
      + "match, 2 from the second ... or use negative to start from the end of the list");
  private static final RespError COUNT_NEGATIVE = RespError.err("COUNT can't be negative");
  private static final RespError MAXLEN_NEGATIVE = RespError.err("MAXLEN can't be negative");

  private ListCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("lpush", -3, WRITE | DENYOOM, c -> push(c, true, false));
    t.add("rpush", -3, WRITE | DENYOOM, c -> push(c, false, false));
    t.add("lpushx", -3, WRITE | DENYOOM, c -> push(c, true, true));
    t.add("rpushx", -3, WRITE | DENYOOM, c -> push(c, false, true));
    t.add("lpop", -2, WRITE, c -> pop(c, true));
    t.add("rpop", -2, WRITE, c -> pop(c, false));
    t.add("lrange", 4, READONLY, ListCommands::lrange);
    t.add("lindex", 3, READONLY, ListCommands::lindex);
    t.add("llen", 2, READONLY, c -> {
      ListValue l = c.ks.get(c.arg(1), ValueType.LIST);
      return Replies.integer(l == null ? 0 : l.size());
    });
    t.add("lset", 4, WRITE | DENYOOM, ListCommands::lset);
    t.add("ltrim", 4, WRITE, ListCommands::ltrim);
    t.add("lrem", 4, WRITE, ListCommands::lrem);
    t.add("linsert", 5, WRITE | DENYOOM, ListCommands::linsert);
    t.add("lpos", -3, READONLY, ListCommands::lpos);
  }

  static ListValue asList(Keyspace.Entry e) {
    if (!(e.value instanceof ListValue l)) {
      throw Errors.WRONGTYPE;
    }
    return l;
  }

  /** The list at {@code key}, created (and added, signalling blocked clients) if absent. */
  static ListValue getOrCreate(Call c, byte[] key) {
    ListValue l = c.ks.get(key, ValueType.LIST);
    if (l == null) {
      l = new ListValue();
      c.ks.add(key, l);
    }
    return l;
  }

  private static Reply push(Call c, boolean left, boolean onlyIfExists) {
    ListValue l = c.ks.get(c.arg(1), ValueType.LIST);
    if (l == null) {
      if (onlyIfExists) {
        return Replies.ZERO;
      }
      l = new ListValue();
      // Fill before adding so that blocked clients woken by the new key find the elements.
      for (int j = 2; j < c.argc(); j++) {
        l.push(c.arg(j), left);
      }
      c.ks.add(c.arg(1), l);
      return Replies.integer(l.size());
    }
    for (int j = 2; j < c.argc(); j++) {
      l.push(c.arg(j), left);
    }
    return Replies.integer(l.size());
  }

  private static Reply pop(Call c, boolean left) {
    boolean hasCount = c.argc() == 3;
    if (c.argc() > 3) {
      throw Errors.wrongArgs(c.name());
    }
    long count = hasCount ? c.positiveLongArg(2) : 0;
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return hasCount ? Replies.NULL_ARRAY : Replies.NULL_BULK;
    }
    ListValue l = asList(e);
    if (hasCount && count == 0) {
      return Replies.EMPTY_ARRAY;
    }
    if (!hasCount) {
      byte[] v = l.pop(left);
      c.ks.deleteIfEmpty(e);
      return Replies.bulk(v);
    }
    Reply r = popMany(l, left, count);
    c.ks.deleteIfEmpty(e);
    return r;
  }

  /** Pops up to {@code count} elements from one end, replying them in pop order. */
  static Reply popMany(ListValue l, boolean left, long count) {
    int n = (int) Math.min(count, l.size());
    List<Reply> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Replies.bulk(l.pop(left)));
    }
    return Replies.array(out);
  }

  private static Reply lrange(Call c) {
    long start = c.longArg(2);
    long end = c.longArg(3);
    ListValue l = c.ks.get(c.arg(1), ValueType.LIST);
    if (l == null) {
      return Replies.EMPTY_ARRAY;
    }
    long[] r = Ranges.inclusive(start, end, l.size());
    if (r == null) {
      return Replies.EMPTY_ARRAY;
    }
    List<Reply> out = new ArrayList<>((int) (r[1] - r[0] + 1));
    for (long i = r[0]; i <= r[1]; i++) {
      out.add(Replies.bulk(l.get((int) i)));
    }
    return Replies.array(out);
  }

  /** Index {@code index} (negative from the tail) as a position, or -1 when out of range. */
  private static int position(ListValue l, long index) {
    long i = index < 0 ? l.size() + index : index;
    return i < 0 || i >= l.size() ? -1 : (int) i;
  }

  private static Reply lindex(Call c) {
    ListValue l = c.ks.get(c.arg(1), ValueType.LIST);
    if (l == null) {
      return Replies.NULL_BULK;
    }
    int i = position(l, c.longArg(2));
    return i < 0 ? Replies.NULL_BULK : Replies.bulk(l.get(i));
  }

  private static Reply lset(Call c) {
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      throw Errors.NO_SUCH_KEY;
    }
    ListValue l = asList(e);
    int i = position(l, c.longArg(2));
    if (i < 0) {
      throw Errors.INDEX_OUT_OF_RANGE;
    }
    l.set(i, c.arg(3));
    return Replies.OK;
  }

  private static Reply ltrim(Call c) {
    long start = c.longArg(2);
    long end = c.longArg(3);
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.OK;
    }
    ListValue l = asList(e);
    long[] r = Ranges.inclusive(start, end, l.size());
    if (r == null) {
      l.retain(1, 0);
    } else {
      l.retain((int) r[0], (int) r[1]);
    }
    c.ks.deleteIfEmpty(e);
    return Replies.OK;
  }

  private static Reply lrem(Call c) {
    long toRemove = c.longArg(2);
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    ListValue l = asList(e);
    byte[] v = c.arg(3);
    long removed = 0;
    if (toRemove >= 0) {
      for (int i = 0; i < l.size() && (toRemove == 0 || removed < toRemove); ) {
        if (Arrays.equals(l.get(i), v)) {
          l.removeAt(i);
          removed++;
        } else {
          i++;
        }
      }
    } else {
      for (int i = l.size() - 1; i >= 0 && removed < -toRemove; i--) {
        if (Arrays.equals(l.get(i), v)) {
          l.removeAt(i);
          removed++;
        }
      }
    }
    c.ks.deleteIfEmpty(e);
    return Replies.integer(removed);
  }

  private static Reply linsert(Call c) {
    boolean after;
    if (c.is(2, "after")) {
      after = true;
    } else if (c.is(2, "before")) {
      after = false;
    } else {
      throw Errors.SYNTAX;
    }
    Keyspace.Entry e = c.ks.entry(c.arg(1));
    if (e == null) {
      return Replies.ZERO;
    }
    ListValue l = asList(e);
    for (int i = 0; i < l.size(); i++) {
      if (Arrays.equals(l.get(i), c.arg(3))) {
        l.insert(after ? i + 1 : i, c.arg(4));
        return Replies.integer(l.size());
      }
    }
    return Replies.integer(-1);
  }

  private static Reply lpos(Call c) {
    long rank = 1;
    long count = -1;
    long maxlen = 0;
    for (int j = 3; j < c.argc(); j++) {
      boolean more = j < c.argc() - 1;
      if (c.is(j, "rank") && more) {
        rank = c.longArg(++j);
        if (rank == 0) {
          throw RANK_ZERO;
        }
      } else if (c.is(j, "count") && more) {
        count = c.rangeLongArg(++j, 0, Long.MAX_VALUE, COUNT_NEGATIVE);
      } else if (c.is(j, "maxlen") && more) {
        maxlen = c.rangeLongArg(++j, 0, Long.MAX_VALUE, MAXLEN_NEGATIVE);
      } else {
        throw Errors.SYNTAX;
      }
    }
    boolean fromTail = rank < 0;
    if (fromTail) {
      // Negation wraps for Long.MIN_VALUE, exactly like the C code (every match then qualifies).
      rank = -rank;
    }
    ListValue l = c.ks.get(c.arg(1), ValueType.LIST);
    if (l == null) {
      return count != -1 ? Replies.EMPTY_ARRAY : Replies.NULL_BULK;
    }
    List<Reply> out = new ArrayList<>();
    int len = l.size();
    long matches = 0;
    long found = -1;
    for (int index = 0; index < len && (maxlen == 0 || index < maxlen); index++) {
      int pos = fromTail ? len - index - 1 : index;
      if (Arrays.equals(l.get(pos), c.arg(2))) {
        matches++;
        if (matches >= rank) {
          if (count != -1) {
            out.add(Replies.integer(pos));
            if (count != 0 && matches - rank + 1 >= count) {
              break;
            }
          } else {
            found = pos;
            break;
          }
        }
      }
    }
    if (count != -1) {
      return Replies.array(out);
    }
    return found >= 0 ? Replies.integer(found) : Replies.NULL_BULK;
  }
}
