package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/**
 * SCAN, HSCAN, SSCAN and ZSCAN: Redis's cursor iteration over a {@link ByteDict} with MATCH, COUNT
 * (at most COUNT×10 buckets per call) and, for SCAN, TYPE.
 */
final class ScanCommands {

  private static final Reply EMPTY_SCAN = Replies.array(Replies.bulk("0"), Replies.EMPTY_ARRAY);

  private ScanCommands() {}

  static void register(CommandTable.Builder t) {
    t.add("scan", -2, READONLY, ScanCommands::scan);
    t.add("hscan", -3, READONLY, c -> scanValue(c, ValueType.HASH));
    t.add("sscan", -3, READONLY, c -> scanValue(c, ValueType.SET));
    t.add("zscan", -3, READONLY, c -> scanValue(c, ValueType.ZSET));
  }

  private static Reply scan(Call c) {
    long cursor = parseCursor(c.arg(1));
    return scanGeneric(c, null, cursor, 2);
  }

  private static Reply scanValue(Call c, ValueType type) {
    long cursor = parseCursor(c.arg(2));
    Value v = c.ks.get(c.arg(1), type);
    if (v == null) {
      return EMPTY_SCAN;
    }
    return scanGeneric(c, v, cursor, 3);
  }

  /** Redis's parseScanCursorOrReply: strtoul, base 10, no leading space, whole string. */
  static long parseCursor(byte[] s) {
    if (s.length > 0 && CFloat.isSpace(s[0])) {
      throw Errors.INVALID_CURSOR;
    }
    int i = 0;
    boolean neg = false;
    if (i < s.length && (s[i] == '+' || s[i] == '-')) {
      neg = s[i] == '-';
      i++;
    }
    if (i == s.length) {
      // strtoul consumed nothing: fine only for the empty string (cursor 0).
      if (s.length == 0) {
        return 0;
      }
      throw Errors.INVALID_CURSOR;
    }
    long v = 0;
    for (; i < s.length; i++) {
      int d = s[i] - '0';
      if (d < 0 || d > 9) {
        throw Errors.INVALID_CURSOR;
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) {
        throw Errors.INVALID_CURSOR;
      }
      long next = v * 10 + d;
      if (Long.compareUnsigned(next, v * 10) < 0) {
        throw Errors.INVALID_CURSOR;
      }
      v = next;
    }
    return neg ? -v : v;
  }

  private static Reply scanGeneric(Call c, Value o, long cursor, int firstOption) {
    long count = 10;
    byte[] pattern = null;
    byte[] typeName = null;
    for (int i = firstOption; i < c.argc(); ) {
      int left = c.argc() - i;
      if (c.is(i, "count") && left >= 2) {
        count = c.longArg(i + 1);
        if (count < 1) {
          throw Errors.SYNTAX;
        }
        i += 2;
      } else if (c.is(i, "match") && left >= 2) {
        byte[] p = c.arg(i + 1);
        pattern = p.length == 1 && p[0] == '*' ? null : p;
        i += 2;
      } else if (c.is(i, "type") && o == null && left >= 2) {
        typeName = c.arg(i + 1);
        i += 2;
      } else {
        throw Errors.SYNTAX;
      }
    }
    List<byte[]> items = new ArrayList<>();
    boolean pairs = o instanceof HashValue || o instanceof ZSetValue;
    long maxIterations = count * 10;
    long perStep = pairs ? 2 : 1;
    do {
      cursor = step(c, o, cursor, items);
    } while (cursor != 0 && maxIterations-- > 0 && items.size() / perStep < count);

    List<Reply> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i += (int) perStep) {
      byte[] k = items.get(i);
      if (pattern != null && !Glob.matches(pattern, k)) {
        continue;
      }
      if (o == null) {
        Value v = c.ks.get(k);
        if (v == null || (typeName != null && !v.type().typeName().equalsIgnoreCase(Call.str(typeName)))) {
          continue;
        }
      }
      out.add(Replies.bulk(k));
      if (pairs) {
        out.add(Replies.bulk(items.get(i + 1)));
      }
    }
    return Replies.array(Replies.bulk(Long.toUnsignedString(cursor)), Replies.array(out));
  }

  private static long step(Call c, Value o, long cursor, List<byte[]> items) {
    if (o == null) {
      return c.ks.scan(cursor, items::add);
    }
    if (o instanceof HashValue h) {
      return h.fields.scan(cursor, n -> {
        items.add(n.key);
        items.add(n.value);
      });
    }
    if (o instanceof SetValue s) {
      return s.members.scan(cursor, n -> items.add(n.key));
    }
    ZSetValue z = (ZSetValue) o;
    return z.dict.scan(cursor, n -> {
      items.add(n.key);
      items.add(Numbers.formatDouble(n.value.score));
    });
  }
}
