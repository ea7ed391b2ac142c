package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.resp.ParserHarness.bytes;
import static org.vertxdynomite.resp.ParserHarness.concat;
import static org.vertxdynomite.resp.ParserHarness.escape;
import static org.vertxdynomite.resp.ParserHarness.repeat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.resp.ParserHarness.Outcome;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Sends each input's raw bytes to a real redis-server 7.0 and checks that our parser finds what
 * Redis found: the same commands with the same argument bytes (as Redis's MONITOR reports what it
 * ran), one reply per request we parsed, and the same protocol error bytes and closed connection,
 * or the same silent wait for more input.
 *
 * <p>How each case runs: our parser parses the input (whole, byte by byte and in random fragments,
 * which must agree). If it ends between requests, a sentinel {@code ECHO} is appended so that the
 * end of Redis's replies is known. Redis's replies are read: one per request we found, then the
 * protocol error and EOF if we found one, or silence for 300 ms if we wait for more input. Then the
 * commands Redis ran for this connection are read from a MONITOR connection, between two markers.
 */
class RespParserRedisParityIntegrationTests {

  private static final byte[] SENTINEL = RawRespClient.encode(bytes("ECHO"), bytes("parity-end"));
  private static final byte[] RPUSH = bytes("RPUSH");
  private static final byte[] Q = bytes("q");

  private static RedisServerProcess redis;
  private static RawRespClient monitor;
  private static RawRespClient control;
  private static int markers;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start();
    monitor = redis.client();
    assertThat(monitor.callString("MONITOR")).isEqualTo("+OK\r\n");
    control = redis.client();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (control != null) {
      control.close();
    }
    if (monitor != null) {
      monitor.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** An input; {@code strict}: every request in it must run on Redis without an error reply. */
  record Case(String name, byte[] input, boolean strict) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case ok(String name, String input) {
    return new Case(name, bytes(input), true);
  }

  private static Case ok(String name, byte[] input) {
    return new Case(name, input, true);
  }

  private static Case rpush(String name, String args) {
    return ok(name, "RPUSH q " + args + "\r\n");
  }

  static Stream<Case> handWritten() {
    byte[] bigValue = new byte[100_000];
    new Random(3).nextBytes(bigValue);
    return Stream.of(
        // inline
        ok("inline PING", "PING\r\n"),
        ok("inline lines ended by LF alone", "PING\nECHO a\n"),
        ok("blank inline lines are skipped", "\r\n\n   \t\n\u000b\r\nPING\n"),
        rpush("double and single quotes", "\"a b\" 'c d'"),
        ok("extra blanks", "  RPUSH   q  a  \r\n"),
        rpush("quotes inside an argument", "a\"b c\""),
        rpush("double-quote escapes", "\"\\n\\r\\t\\b\\a\\z\\\"\""),
        rpush("hex escapes", "\"\\x4a\\x4A\\xff\\x00\""),
        rpush("incomplete hex escapes", "\"\\x4G\" \"\\x4\" \"\\X4a\""),
        rpush("escaped backslash before the closing quote", "\"a\\\\\""),
        rpush("single-quote escapes", "'it\\'s' 'a\\nb' 'a\\\\b'"),
        rpush("empty quoted arguments", "\"\" '' \"\""),
        rpush("vertical tab inside an unquoted argument", "a\u000bb"),
        ok("vertical tab before the command", "\u000bRPUSH q a\r\n"),
        rpush("closing quote followed by a vertical tab or a tab", "\"a\"\u000bb \"c\"\td"),
        rpush("CR inside a line splits unquoted arguments", "a\rb"),
        rpush("CR inside quotes is kept", "\"a\rb\" x"),
        rpush("quote followed by CR CR LF", "\"a\"\r"),
        rpush("bytes of 0x80 and above", "caf\u00c3\u00a9 \u00ff"),
        ok("quoted command name", "\"RPUSH\" 'q' x\r\n"),
        ok("command name made of quoted parts", "rp\"ush\" q x\r\n"),
        rpush("RESP markers as inline arguments", "$3 *1 :1"),
        ok("inline line of exactly 64 KiB", concat(bytes("ECHO "), repeat('a', 65_531), bytes("\n"))),
        // multibulk
        ok("multibulk SET", "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\n"),
        ok("binary arguments", RawRespClient.encode(RPUSH, Q, bytes("a\r\nb\0c\r\n\u00ff*$"), new byte[0])),
        ok("big bulk", RawRespClient.encode(RPUSH, Q, bigValue)),
        ok("empty and negative arrays are skipped", "*0\r\n*-1\r\n*-10\r\n*-9223372036854775808\r\nPING\r\n"),
        ok("the byte after a header CR is not checked", "*1\rX$4\r\nPING\r\n"),
        ok("the two bytes after a bulk are not checked", "*1\r\n$4\r\nPINGxy*1\r\n$4\rzPING\r\n"),
        ok("inline then multibulk then inline", "PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nECHO there\n"),
        // waiting for more input
        ok("a huge declared argument count waits", "*2147483647\r\n$4\r\nPING\r\n"),
        ok("twenty million arguments are allowed", "*20000000\r\n"),
        ok("a bulk of proto-max-bulk-len waits", "*1\r\n$536870912\r\nabc"),
        ok("a partial request waits", "PING\r\n*2\r\n$4\r\nECHO\r\n$5\r\nhel"),
        ok("a partial inline line waits", "PING\r\nECHO hel"),
        ok("a multibulk header is not ended by LF alone", "*1\n$4\nPING\n"),
        ok("a multibulk header runs to the next CR", "*1\n$4\nPING\n\r\n"),
        ok("a NUL hides an inline line end", "\0PING\r\nPING\r\n"),
        ok("a NUL inside an inline line hides its end", "PING\r\nECHO a\0b\r\n"),
        ok("a NUL hides a header end", "*1\0\r\n$4\r\nPING\r\n"),
        ok("a NUL-blocked line waits up to 64 KiB", concat(bytes("PING\r\nECHO a\0b\r\n"), repeat('x', 65_526))),
        // protocol errors
        ok("unbalanced double quote", "PING\r\nECHO \"abc\r\n"),
        ok("closing quote not followed by a blank", "PING\r\nECHO \"a\"b\r\n"),
        ok("closing single quote not followed by a blank", "ECHO 'a'b\r\n"),
        ok("escaped closing quote", "ECHO \"a\\\"\r\n"),
        ok("backslash at the end of a double-quoted argument", "ECHO \"a\\\r\n"),
        ok("escaped closing single quote", "ECHO 'a\\'\r\n"),
        ok("backslashes before a closing single quote", "ECHO 'a\\\\'\r\n"),
        ok("inline line over 64 KiB", repeat('a', 70_000)),
        ok("NUL-blocked line over 64 KiB", concat(bytes("PING\r\nECHO a\0b\r\n"), repeat('x', 65_527))),
        ok("count not a number", "PING\r\n*abc\r\n"),
        ok("empty count", "*\r\n"),
        ok("count with a space", "* 1\r\n"),
        ok("count with a leading zero", "*01\r\n"),
        ok("count with a plus sign", "*+1\r\n"),
        ok("count minus zero", "*-0\r\n"),
        ok("count above INT_MAX", "*2147483648\r\n"),
        ok("count below LLONG_MIN", "*-9223372036854775809\r\n"),
        ok("count line over 64 KiB", concat(bytes("*"), repeat('1', 70_000))),
        ok("NUL-blocked count line over 64 KiB", concat(bytes("*1\0\r\n"), repeat('x', 70_000))),
        ok("element not a bulk", "*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n"),
        ok("element an integer", "*1\r\n:1\r\n"),
        ok("CR where a dollar belongs", "*1\r\n\r\n"),
        ok("negative bulk length", "PING\r\n*1\r\n$-1\r\nPING\r\n"),
        ok("bulk length minus zero", "*1\r\n$-0\r\n"),
        ok("bulk length with a leading zero", "*1\r\n$01\r\n"),
        ok("bulk length with a space", "*1\r\n$1 \r\n"),
        ok("bulk length not a number", "*1\r\n$abc\r\n"),
        ok("empty bulk length", "*1\r\n$\r\n"),
        ok("bulk length over proto-max-bulk-len", "*1\r\n$536870913\r\n"),
        ok("bulk length line over 64 KiB", concat(bytes("*1\r\n$"), repeat('1', 70_000))),
        ok("NUL-blocked bulk length line over 64 KiB", concat(bytes("*1\r\n$4\0\r\n"), repeat('x', 70_000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handWritten")
  void parsesHandWrittenInputsAsRedis(Case c) throws IOException {
    assertParsesAsRedis(c);
  }

  static Stream<Case> randomPipelines() {
    return IntStream.rangeClosed(1, 30).mapToObj(seed ->
        new Case("seed " + seed, RandomRequests.pipeline(new Random(seed), seed % 5 == 0, RPUSH, Q).bytes(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("randomPipelines")
  void parsesRandomPipelinesAsRedis(Case c) throws IOException {
    assertParsesAsRedis(c);
  }

  static Stream<Case> mangledPipelines() {
    return IntStream.rangeClosed(1, 150).mapToObj(seed -> {
      Random random = new Random(1000 + seed);
      byte[] valid = RandomRequests.pipeline(random, false, RPUSH, Q).bytes();
      return new Case("seed " + (1000 + seed), RandomRequests.mutate(valid, random), false);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mangledPipelines")
  void parsesMangledPipelinesAsRedis(Case c) throws IOException {
    assertParsesAsRedis(c);
  }

  private static void assertParsesAsRedis(Case c) throws IOException {
    Outcome ours = ParserHarness.parse(c.input());
    assertThat(ParserHarness.parse(c.input(), ParserHarness.BYTE_BY_BYTE, ParserLimits.DEFAULT)).isEqualTo(ours);
    assertThat(ParserHarness.parse(c.input(), ParserHarness.randomFragments(c.name().hashCode()), ParserLimits.DEFAULT))
        .isEqualTo(ours);
    boolean withSentinel = ours.error() == null && ours.idle();
    byte[] sent = withSentinel ? concat(c.input(), SENTINEL) : c.input();
    if (withSentinel) {
      ours = ParserHarness.parse(sent);
    }
    String what = c.name() + ": " + escape(sent) + " parsed as " + ours;

    control.call("FLUSHALL");
    commandsRunUntilMarker();
    List<byte[]> replies = new ArrayList<>();
    try (RawRespClient client = redis.client()) {
      client.setReadTimeoutMillis(5_000);
      client.sendRaw(sent);
      for (int i = 0; i < ours.requests().size(); i++) {
        replies.add(client.readReply());
      }
      if (ours.error() != null) {
        assertThat(client.readReply()).as(what).isEqualTo(ParserHarness.errorReply(sent));
        assertThat(client.isClosedByPeer()).as(what + ": closed after the error").isTrue();
      } else if (withSentinel) {
        assertThat(replies.get(replies.size() - 1)).as(what).isEqualTo(bytes("$10\r\nparity-end\r\n"));
      } else {
        client.setReadTimeoutMillis(300);
        assertThatThrownBy(client::readReply).as(what + ": Redis must wait for more input")
            .isInstanceOf(SocketTimeoutException.class);
      }
    }
    List<RespRequest> ran = commandsRunUntilMarker();
    if (c.strict()) {
      assertThat(replies).as(what + ": error replies").noneMatch(r -> r[0] == '-');
      assertThat(ran).as(what + ": commands Redis ran").isEqualTo(ours.requests());
    } else {
      assertRanAreOursExceptRejected(ours.requests(), replies, ran, what);
    }
  }

  /** Each request we parsed either ran on Redis (in order) or got an error reply. */
  private static void assertRanAreOursExceptRejected(List<RespRequest> ours, List<byte[]> replies, List<RespRequest> ran, String what) {
    int next = 0;
    for (int i = 0; i < ours.size(); i++) {
      if (next < ran.size() && ran.get(next).equals(ours.get(i))) {
        next++;
      } else {
        assertThat(replies.get(i)[0]).as(what + ": request " + i + " did not run, so Redis must have refused it").isEqualTo((byte) '-');
      }
    }
    assertThat(ran.subList(next, ran.size())).as(what + ": commands Redis ran that we did not parse").isEmpty();
  }

  /** Runs ECHO marker on the control connection and returns what MONITOR showed before it. */
  private static List<RespRequest> commandsRunUntilMarker() throws IOException {
    String marker = "marker-" + (++markers);
    control.call("ECHO", marker);
    RespRequest markerRequest = RespRequest.of("ECHO", marker);
    List<RespRequest> ran = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      RespRequest r = fromMonitorLine(monitor.readReply());
      if (r.equals(markerRequest)) {
        return ran;
      }
      ran.add(r);
    }
    throw new AssertionError("MONITOR never showed " + marker);
  }

  /**
   * Decodes {@code +<time> [<db> <client>] "arg" "arg"...}: each argument is quoted as Redis's
   * sdscatrepr quotes ({@code \\ \" \n \r \t \a \b \xHH}).
   */
  static RespRequest fromMonitorLine(byte[] line) {
    String s = new String(line, java.nio.charset.StandardCharsets.ISO_8859_1);
    int p = s.indexOf("] ") + 2;
    int end = s.length() - 2;
    List<byte[]> args = new ArrayList<>();
    java.io.ByteArrayOutputStream arg = new java.io.ByteArrayOutputStream();
    while (p < end) {
      if (s.charAt(p) != '"') {
        throw new UncheckedIOException(new IOException("unexpected MONITOR line: " + s));
      }
      p++;
      arg.reset();
      while (s.charAt(p) != '"') {
        char ch = s.charAt(p++);
        if (ch != '\\') {
          arg.write(ch);
          continue;
        }
        char e = s.charAt(p++);
        switch (e) {
          case 'n' -> arg.write('\n');
          case 'r' -> arg.write('\r');
          case 't' -> arg.write('\t');
          case 'a' -> arg.write(7);
          case 'b' -> arg.write('\b');
          case 'x' -> {
            arg.write(Integer.parseInt(s.substring(p, p + 2), 16));
            p += 2;
          }
          default -> arg.write(e);
        }
      }
      args.add(arg.toByteArray());
      p += 2; // closing quote and the space after it
    }
    return new RespRequest(args.toArray(byte[][]::new));
  }
}
