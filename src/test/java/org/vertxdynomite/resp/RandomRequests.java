package org.vertxdynomite.resp;

import static org.vertxdynomite.resp.ParserHarness.bytes;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.vertxdynomite.testutil.RawRespClient;

/** Seeded random request streams: valid pipelines in every encoding, and mangled copies of them. */
final class RandomRequests {

  private static final byte[] INTERESTING = bytes("*$\r\n\0\"'\\ -09x\t");
  private static final String[] NOISE = {"\r\n", "\n", "  \t\n", "*0\r\n", "*-1\r\n", "*-42\r\n"};

  private RandomRequests() {}

  /** A generated input and the requests it encodes. */
  record Pipeline(byte[] bytes, List<RespRequest> requests) {}

  /**
   * 1 to 25 random requests, each {@code prefix} followed by 1 to 6 random arguments (with
   * {@code allowBig}, sometimes one over {@value RespRequestParser#BIG_BULK} bytes), encoded as
   * multibulk or inline, with blank lines and empty arrays in between.
   */
  static Pipeline pipeline(Random random, boolean allowBig, byte[]... prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<RespRequest> requests = new ArrayList<>();
    int n = 1 + random.nextInt(25);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(7) == 0) {
        out.writeBytes(bytes(NOISE[random.nextInt(NOISE.length)]));
      }
      byte[][] args = Arrays.copyOf(prefix, prefix.length + 1 + random.nextInt(6));
      boolean big = false;
      for (int a = prefix.length; a < args.length; a++) {
        args[a] = randomArg(random, allowBig);
        big |= args[a].length >= 1000;
      }
      requests.add(new RespRequest(args));
      out.writeBytes(big || random.nextBoolean() ? RawRespClient.encode(args) : inline(args, random));
    }
    return new Pipeline(out.toByteArray(), requests);
  }

  private static byte[] randomArg(Random random, boolean allowBig) {
    int kind = random.nextInt(60);
    if (kind == 0 && allowBig) {
      byte[] b = new byte[RespRequestParser.BIG_BULK + random.nextInt(90_000)];
      random.nextBytes(b);
      return b;
    }
    if (kind < 5) {
      return new byte[0];
    }
    byte[] b = new byte[1 + random.nextInt(kind < 30 ? 8 : 30)];
    for (int i = 0; i < b.length; i++) {
      int r = random.nextInt(10);
      b[i] = r < 5 ? (byte) ('a' + random.nextInt(26)) : r < 8 ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
    }
    return b;
  }

  /** One inline line encoding args, each unquoted, double-quoted or single-quoted where it can be. */
  private static byte[] inline(byte[][] args, Random random) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    if (random.nextInt(4) == 0) {
      line.writeBytes(bytes(random.nextBoolean() ? " " : " \t\u000b"));
    }
    for (int a = 0; a < args.length; a++) {
      byte[] arg = args[a];
      int form = random.nextInt(3);
      if (form == 0 && canBeUnquoted(arg, a == 0 && line.size() == 0)) {
        line.writeBytes(arg);
      } else if (form == 1 && canBeSingleQuoted(arg)) {
        singleQuoted(arg, line);
      } else {
        doubleQuoted(arg, line, random);
      }
      line.writeBytes(bytes(random.nextInt(4) == 0 ? " \t " : " "));
    }
    line.writeBytes(bytes(random.nextBoolean() ? "\r\n" : "\n"));
    return line.toByteArray();
  }

  private static boolean canBeUnquoted(byte[] arg, boolean startsLine) {
    if (arg.length == 0 || (startsLine && arg[0] == '*')) {
      return false;
    }
    for (byte b : arg) {
      if (b == ' ' || (b >= '\t' && b <= '\r') || b == 0 || b == '"' || b == '\'') {
        return false;
      }
    }
    return true;
  }

  private static boolean canBeSingleQuoted(byte[] arg) {
    for (byte b : arg) {
      if (b == 0 || b == '\n') {
        return false;
      }
    }
    return arg.length == 0 || arg[arg.length - 1] != '\\';
  }

  private static void singleQuoted(byte[] arg, ByteArrayOutputStream line) {
    line.write('\'');
    for (byte b : arg) {
      if (b == '\'') {
        line.write('\\');
      }
      line.write(b);
    }
    line.write('\'');
  }

  private static void doubleQuoted(byte[] arg, ByteArrayOutputStream line, Random random) {
    line.write('"');
    for (byte b : arg) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        line.write('\\');
        line.write(c);
      } else if (c == '\n' && random.nextBoolean()) {
        line.writeBytes(bytes("\\n"));
      } else if (c == '\t' && random.nextBoolean()) {
        line.writeBytes(bytes("\\t"));
      } else if (c == 0 || c == '\n' || random.nextInt(4) == 0) {
        line.writeBytes(bytes(String.format(random.nextBoolean() ? "\\x%02x" : "\\x%02X", c)));
      } else {
        line.write(c);
      }
    }
    line.write('"');
  }

  /** One to four random edits: a byte replaced or inserted, a range deleted or repeated, a cut end. */
  static byte[] mutate(byte[] input, Random random) {
    List<Byte> b = new ArrayList<>(input.length);
    for (byte x : input) {
      b.add(x);
    }
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !b.isEmpty(); e++) {
      int at = random.nextInt(b.size());
      byte any = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
      switch (random.nextInt(5)) {
        case 0 -> b.set(at, any);
        case 1 -> b.add(at, any);
        case 2 -> b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(6))).clear();
        case 3 -> b.addAll(at, new ArrayList<>(b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(20)))));
        default -> b.subList(at, b.size()).clear();
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }
}
