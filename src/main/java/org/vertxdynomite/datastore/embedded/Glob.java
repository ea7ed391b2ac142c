package org.vertxdynomite.datastore.embedded;

/**
 * Redis's glob matching (util.c stringmatchlen) for KEYS and the SCAN family: {@code *}, {@code ?},
 * {@code [abc]}, {@code [^a-z]} (reversed ranges allowed), and backslash escapes, on raw bytes
 * compared as C's signed chars. Reading past the pattern's end sees the C string's NUL.
 */
final class Glob {

  private Glob() {}

  static boolean matches(byte[] pattern, byte[] string) {
    boolean[] skipLonger = new boolean[1];
    return match(pattern, 0, string, 0, skipLonger);
  }

  private static byte at(byte[] a, int i) {
    return i < a.length ? a[i] : 0;
  }

  private static boolean match(byte[] pat, int p, byte[] str, int s, boolean[] skipLonger) {
    int plen = pat.length - p;
    int slen = str.length - s;
    while (plen > 0 && slen > 0) {
      switch (pat[p]) {
        case '*' -> {
          while (plen > 0 && at(pat, p + 1) == '*') {
            p++;
            plen--;
          }
          if (plen == 1) {
            return true;
          }
          while (slen > 0) {
            if (match(pat, p + 1, str, s, skipLonger)) {
              return true;
            }
            if (skipLonger[0]) {
              return false;
            }
            s++;
            slen--;
          }
          // No match of the rest anywhere: longer matches of earlier stars cannot help either.
          skipLonger[0] = true;
          return false;
        }
        case '?' -> {
          s++;
          slen--;
        }
        case '[' -> {
          p++;
          plen--;
          boolean not = at(pat, p) == '^';
          if (not) {
            p++;
            plen--;
          }
          boolean matched = false;
          while (true) {
            if (at(pat, p) == '\\' && plen >= 2) {
              p++;
              plen--;
              if (at(pat, p) == str[s]) {
                matched = true;
              }
            } else if (at(pat, p) == ']') {
              break;
            } else if (plen == 0) {
              p--;
              plen++;
              break;
            } else if (plen >= 3 && at(pat, p + 1) == '-') {
              int start = at(pat, p);
              int end = at(pat, p + 2);
              int c = str[s];
              if (start > end) {
                int t = start;
                start = end;
                end = t;
              }
              p += 2;
              plen -= 2;
              if (c >= start && c <= end) {
                matched = true;
              }
            } else if (at(pat, p) == str[s]) {
              matched = true;
            }
            p++;
            plen--;
          }
          if (not) {
            matched = !matched;
          }
          if (!matched) {
            return false;
          }
          s++;
          slen--;
        }
        default -> {
          if (pat[p] == '\\' && plen >= 2) {
            p++;
            plen--;
          }
          if (at(pat, p) != str[s]) {
            return false;
          }
          s++;
          slen--;
        }
      }
      p++;
      plen--;
      if (slen == 0) {
        while (at(pat, p) == '*') {
          p++;
          plen--;
        }
        break;
      }
    }
    return plen == 0 && slen == 0;
  }
}
