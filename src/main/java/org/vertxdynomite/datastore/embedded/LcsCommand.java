package org.vertxdynomite.datastore.embedded;

import static org.vertxdynomite.datastore.embedded.CommandSpec.READONLY;

import java.util.ArrayList;
import java.util.List;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.resp.RespError;

/** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN], with Redis's dynamic programming and range walk. */
final class LcsCommand {

  private static final RespError NOT_STRINGS = RespError.err("The specified keys must contain string values");
  private static final RespError LEN_AND_IDX =
      RespError.err("If you want both the length and indexes, please just use IDX.");
  private static final RespError TOO_BIG =
      RespError.err("Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
  private static final RespError NO_MEMORY =
      RespError.err("Insufficient memory, failed allocating transient memory for LCS");

  private LcsCommand() {}

  static void register(CommandTable.Builder t) {
    t.add("lcs", -3, READONLY, LcsCommand::lcs);
  }

  private static Reply lcs(Call c) {
    Value va = c.ks.get(c.arg(1));
    Value vb = c.ks.get(c.arg(2));
    if ((va != null && !(va instanceof StringValue)) || (vb != null && !(vb instanceof StringValue))) {
      throw NOT_STRINGS;
    }
    byte[] a = va == null ? Bytes.EMPTY : ((StringValue) va).bytes();
    byte[] b = vb == null ? Bytes.EMPTY : ((StringValue) vb).bytes();
    boolean getLen = false;
    boolean getIdx = false;
    boolean withMatchLen = false;
    long minMatchLen = 0;
    for (int j = 3; j < c.argc(); j++) {
      boolean more = j < c.argc() - 1;
      if (c.is(j, "idx")) {
        getIdx = true;
      } else if (c.is(j, "len")) {
        getLen = true;
      } else if (c.is(j, "withmatchlen")) {
        withMatchLen = true;
      } else if (c.is(j, "minmatchlen") && more) {
        minMatchLen = Math.max(0, c.longArg(++j));
      } else {
        throw Errors.SYNTAX;
      }
    }
    if (getIdx && getLen) {
      throw LEN_AND_IDX;
    }
    int alen = a.length;
    int blen = b.length;
    long cells = (long) (alen + 1) * (blen + 1);
    if (cells * 4 > Errors.MAX_STRING) {
      throw TOO_BIG;
    }
    int[] t;
    try {
      t = new int[(int) cells];
    } catch (OutOfMemoryError e) {
      throw NO_MEMORY;
    }
    int w = blen + 1;
    for (int i = 1; i <= alen; i++) {
      for (int j = 1; j <= blen; j++) {
        t[i * w + j] = a[i - 1] == b[j - 1] ? t[(i - 1) * w + j - 1] + 1 : Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
      }
    }
    int total = t[alen * w + blen];
    boolean compute = getIdx || !getLen;
    byte[] result = new byte[total];
    List<Reply> matches = new ArrayList<>();
    int idx = total;
    int aStart = alen;
    int aEnd = 0;
    int bStart = 0;
    int bEnd = 0;
    int i = alen;
    int j = blen;
    while (compute && i > 0 && j > 0) {
      boolean emit = false;
      if (a[i - 1] == b[j - 1]) {
        result[idx - 1] = a[i - 1];
        if (aStart == alen) {
          aStart = i - 1;
          aEnd = i - 1;
          bStart = j - 1;
          bEnd = j - 1;
        } else if (aStart == i && bStart == j) {
          aStart--;
          bStart--;
        } else {
          emit = true;
        }
        if (aStart == 0 || bStart == 0) {
          emit = true;
        }
        idx--;
        i--;
        j--;
      } else {
        if (t[(i - 1) * w + j] > t[i * w + j - 1]) {
          i--;
        } else {
          j--;
        }
        if (aStart != alen) {
          emit = true;
        }
      }
      int matchLen = aEnd - aStart + 1;
      if (emit) {
        if (getIdx && (minMatchLen == 0 || matchLen >= minMatchLen)) {
          List<Reply> m = new ArrayList<>(3);
          m.add(Replies.array(Replies.integer(aStart), Replies.integer(aEnd)));
          m.add(Replies.array(Replies.integer(bStart), Replies.integer(bEnd)));
          if (withMatchLen) {
            m.add(Replies.integer(matchLen));
          }
          matches.add(Replies.array(m));
        }
        aStart = alen;
      }
    }
    if (getIdx) {
      return Replies.array(Replies.bulk("matches"), Replies.array(matches), Replies.bulk("len"),
          Replies.integer(total));
    }
    if (getLen) {
      return Replies.integer(total);
    }
    return Replies.bulk(result);
  }
}
