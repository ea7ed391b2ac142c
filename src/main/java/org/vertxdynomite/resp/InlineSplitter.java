package org.vertxdynomite.resp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one inline command line into arguments by the rules of Redis's {@code sdssplitargs}.
 *
 * <ul>
 *   <li>Arguments are separated by blanks; blanks before an argument are C's {@code isspace} set
 *       (space, \t, \n, \v, \f, \r), but an unquoted argument ends only at a space, \t, \n or \r.
 *   <li>{@code "double quotes"} may start anywhere in an argument and understand {@code \n \r \t \b
 *       \a}, {@code \xHH} (two hex digits, either case) and a backslash before any other character
 *       standing for that character.
 *   <li>{@code 'single quotes'} understand only {@code \'}.
 *   <li>A closing quote must be followed by a blank or the end of the line, and a quote must be
 *       closed: otherwise the line is {@code unbalanced quotes in request}.
 * </ul>
 *
 * <p>The line never contains a NUL byte: the parser never finds the end of a line past one, as Redis
 * does not.
 */
final class InlineSplitter {

  private static final byte[][] NONE = new byte[0][];

  private InlineSplitter() {}

  /** The arguments of {@code line[from, to)}, none for a blank line, or null on unbalanced quotes. */
  static byte[][] split(byte[] line, int from, int to) {
    List<byte[]> args = null;
    byte[] token = null; // scratch for the argument being built, as long as the rest of the line
    int p = from;
    while (true) {
      while (p < to && isSpace(line[p])) {
        p++;
      }
      if (p == to) {
        return args == null ? NONE : args.toArray(NONE);
      }
      if (token == null) {
        token = new byte[to - p];
      }
      int n = 0;
      boolean inDouble = false;
      boolean inSingle = false;
      boolean done = false;
      while (!done) {
        int c = at(line, p, to);
        if (inDouble) {
          if (c == '\\' && at(line, p + 1, to) == 'x'
              && isHex(at(line, p + 2, to)) && isHex(at(line, p + 3, to))) {
            token[n++] = (byte) (hex(at(line, p + 2, to)) * 16 + hex(at(line, p + 3, to)));
            p += 3;
          } else if (c == '\\' && at(line, p + 1, to) != 0) {
            p++;
            token[n++] = unescape(at(line, p, to));
          } else if (c == '"') {
            if (!endsArgument(line, p + 1, to)) {
              return null;
            }
            done = true;
          } else if (c == 0) {
            return null;
          } else {
            token[n++] = (byte) c;
          }
        } else if (inSingle) {
          if (c == '\\' && at(line, p + 1, to) == '\'') {
            p++;
            token[n++] = '\'';
          } else if (c == '\'') {
            if (!endsArgument(line, p + 1, to)) {
              return null;
            }
            done = true;
          } else if (c == 0) {
            return null;
          } else {
            token[n++] = (byte) c;
          }
        } else {
          switch (c) {
            case ' ', '\n', '\r', '\t', 0 -> done = true;
            case '"' -> inDouble = true;
            case '\'' -> inSingle = true;
            default -> token[n++] = (byte) c;
          }
        }
        if (p < to) {
          p++;
        }
      }
      if (args == null) {
        args = new ArrayList<>(4);
      }
      args.add(Arrays.copyOf(token, n));
    }
  }

  /** The byte at {@code i} as 0..255, or 0 past the end, as a C string reads its terminator. */
  private static int at(byte[] line, int i, int to) {
    return i < to ? line[i] & 0xff : 0;
  }

  private static boolean endsArgument(byte[] line, int next, int to) {
    return next >= to || isSpace(line[next]);
  }

  private static boolean isSpace(int b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int hex(int c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }

  private static byte unescape(int c) {
    return switch (c) {
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'b' -> '\b';
      case 'a' -> 7;
      default -> (byte) c;
    };
  }
}
