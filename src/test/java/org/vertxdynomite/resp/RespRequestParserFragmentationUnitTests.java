package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.resp.ParserHarness.bytes;
import static org.vertxdynomite.resp.ParserHarness.escape;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.ParserHarness.Outcome;
import org.vertxdynomite.resp.ParserHarness.Splitter;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Property tests over seeded random inputs (the seed is in every failure message; rerun one with
 * {@code new Random(seed)}): a pipeline of random requests, in multibulk and every inline quoting,
 * parses to exactly those requests however it is fragmented; and any input, even a mangled one,
 * gives the same requests, error and state fed whole, one byte at a time or in random fragments.
 */
class RespRequestParserFragmentationUnitTests {

  private static final int SEEDS = 300;
  private static final byte[] INTERESTING = bytes("*$\r\n\0\"'\\ -09x\t");
  private static final String[] NOISE = {"\r\n", "\n", "  \t\n", "*0\r\n", "*-1\r\n", "*-42\r\n"};

  /** A generated input and the requests it encodes. */
  private record Pipeline(byte[] bytes, List<RespRequest> requests) {}

  @Test
  void randomPipelinesParseToTheirRequestsHoweverFragmented() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Pipeline p = randomPipeline(new Random(seed));
      Outcome expected = new Outcome(p.requests(), null, true);
      for (Map.Entry<String, Splitter> s : splitters(seed).entrySet()) {
        assertThat(ParserHarness.parse(p.bytes(), s.getValue(), ParserLimits.DEFAULT))
            .as("seed %d, fed %s, input %s", seed, s.getKey(), escape(p.bytes()))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void anyInputGivesTheSameOutcomeHoweverFragmented() {
    Map<String, Integer> errors = new TreeMap<>();
    int clean = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random random = new Random(seed);
      byte[] input = mutate(randomPipeline(random).bytes(), random);
      ParserLimits limits = random.nextBoolean() ? ParserLimits.DEFAULT : new ParserLimits(200, 5, 40);
      Outcome whole = ParserHarness.parse(input, ParserHarness.WHOLE, limits);
      for (Map.Entry<String, Splitter> s : splitters(seed).entrySet()) {
        assertThat(ParserHarness.parse(input, s.getValue(), limits))
            .as("seed %d, limits %s, fed %s, input %s", seed, limits, s.getKey(), escape(input))
            .isEqualTo(whole);
      }
      if (whole.error() == null) {
        clean++;
      } else {
        errors.merge(whole.error().replaceAll("(?s)got '.'", "got '?'").substring("ERR Protocol error: ".length()), 1, Integer::sum);
      }
    }
    // The mangled inputs must reach the error paths, or this property would prove little.
    assertThat(errors).as("errors seen").containsKeys("expected '$', got '?'", "invalid bulk length",
        "invalid multibulk length", "too big inline request", "unbalanced quotes in request");
    assertThat(clean).as("inputs parsed without error").isGreaterThan(SEEDS / 20);
  }

  private static Map<String, Splitter> splitters(long seed) {
    Map<String, Splitter> s = new TreeMap<>();
    s.put("whole", ParserHarness.WHOLE);
    s.put("byte by byte", ParserHarness.BYTE_BY_BYTE);
    s.put("random fragments " + seed, ParserHarness.randomFragments(seed));
    s.put("random fragments " + -seed, ParserHarness.randomFragments(-seed));
    return s;
  }

  private static Pipeline randomPipeline(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<RespRequest> requests = new ArrayList<>();
    int n = 1 + random.nextInt(25);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(7) == 0) {
        out.writeBytes(bytes(NOISE[random.nextInt(NOISE.length)]));
      }
      byte[][] args = new byte[1 + random.nextInt(6)][];
      boolean big = false;
      for (int a = 0; a < args.length; a++) {
        args[a] = randomArg(random);
        big |= args[a].length >= 1000;
      }
      requests.add(new RespRequest(args));
      out.writeBytes(big || random.nextBoolean() ? RawRespClient.encode(args) : inline(args, random));
    }
    return new Pipeline(out.toByteArray(), requests);
  }

  private static byte[] randomArg(Random random) {
    int kind = random.nextInt(60);
    if (kind == 0) {
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
  private static byte[] mutate(byte[] input, Random random) {
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
