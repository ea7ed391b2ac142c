package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertxdynomite.resp.ParserHarness.bytes;
import static org.vertxdynomite.resp.ParserHarness.concat;
import static org.vertxdynomite.resp.ParserHarness.repeat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.resp.ParserHarness.Outcome;
import org.vertxdynomite.resp.ParserHarness.Recorder;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Request shapes, errors and limits. Every input is fed whole, one byte at a time and in random
 * fragments (seeds 1..5), and must give the same outcome each way. Expectations marked "as Redis"
 * were observed on redis-server 7.0.15; {@code RespParserRedisParityIntegrationTests} re-checks
 * them against a live server.
 */
class RespRequestParserUnitTests {

  private static final String PREFIX = "ERR Protocol error: ";

  /** Parses the input every way, asserts the outcomes agree, and returns it. */
  private static Outcome everySplit(byte[] input, ParserLimits limits) {
    Outcome whole = ParserHarness.parse(input, ParserHarness.WHOLE, limits);
    assertThat(ParserHarness.parse(input, ParserHarness.BYTE_BY_BYTE, limits)).as("byte by byte").isEqualTo(whole);
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(ParserHarness.parse(input, ParserHarness.randomFragments(seed), limits))
          .as("random fragments, seed %d", seed).isEqualTo(whole);
    }
    return whole;
  }

  private static Outcome everySplit(byte[] input) {
    return everySplit(input, ParserLimits.DEFAULT);
  }

  private static Outcome everySplit(String input) {
    return everySplit(bytes(input));
  }

  private static Outcome requests(RespRequest... expected) {
    return new Outcome(List.of(expected), null, true);
  }

  private static RespRequest req(String... args) {
    byte[][] a = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      a[i] = bytes(args[i]);
    }
    return new RespRequest(a);
  }

  // --- multibulk --------------------------------------------------------------------------------

  @Test
  void parsesAMultibulkRequest() {
    assertThat(everySplit("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n")).isEqualTo(requests(req("SET", "key", "value")));
  }

  @Test
  void parsesPipelinedRequestsInOrder() {
    List<RespRequest> expected = new ArrayList<>();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      RespRequest r = i % 3 == 0 ? req("GET", "k" + i) : req("SET", "k" + i, "v".repeat(i % 40));
      expected.add(r);
      in.append(new String(RawRespClient.encode(argsArray(r)), java.nio.charset.StandardCharsets.ISO_8859_1));
      if (i % 7 == 0) {
        in.append("PING\r\n");
        expected.add(req("PING"));
      }
    }
    assertThat(everySplit(in.toString())).isEqualTo(new Outcome(expected, null, true));
  }

  @Test
  void keepsBinaryArgumentsWithCrLfAndNulInside() {
    byte[] value = bytes("a\r\nb\0c\r\n\u00ff*$");
    assertThat(everySplit(RawRespClient.encode(bytes("SET"), bytes("k\0"), value)))
        .isEqualTo(requests(new RespRequest(new byte[][] {bytes("SET"), bytes("k\0"), value})));
  }

  @Test
  void acceptsEmptyBulksIncludingAnEmptyCommandName() {
    assertThat(everySplit("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n*1\r\n$0\r\n\r\n")).isEqualTo(requests(req("ECHO", ""), req("")));
  }

  @Test
  void skipsArraysOfZeroOrNegativeCountSilently() {
    assertThat(everySplit("*0\r\n*-1\r\n*-10\r\n*-9223372036854775808\r\n*1\r\n$4\r\nPING\r\n"))
        .isEqualTo(requests(req("PING")));
  }

  @Test
  void skipsTheByteAfterAHeaderCrAndTheTwoBytesAfterABulkUncheckedAsRedis() {
    assertThat(everySplit("*1\rX$4\r\nPING\r\n")).isEqualTo(requests(req("PING")));
    assertThat(everySplit("*1\r\n$4\r\nPINGxy*1\r\n$4\rzPING\r\n")).isEqualTo(requests(req("PING"), req("PING")));
  }

  @Test
  void waitsForARequestSplitInsideItsCrLf() {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder);
    parser.handle(Buffer.buffer("*1\r\n$4\r\nPING\r"));
    assertThat(recorder.requests).isEmpty();
    parser.handle(Buffer.buffer("\nPING\r"));
    assertThat(recorder.requests).containsExactly(req("PING"));
    parser.handle(Buffer.buffer("\n"));
    assertThat(recorder.requests).containsExactly(req("PING"), req("PING"));
    assertThat(parser.isIdle()).isTrue();
  }

  @Test
  void waitsForTheCrLfAfterABulkBeforeDeliveringAsRedis() {
    for (int length : new int[] {5, RespRequestParser.BIG_BULK + 7}) {
      Recorder recorder = new Recorder();
      RespRequestParser parser = new RespRequestParser(recorder);
      parser.handle(Buffer.buffer(concat(bytes("*2\r\n$4\r\nECHO\r\n$" + length + "\r\n"), repeat('v', length))));
      parser.handle(Buffer.buffer("\r"));
      assertThat(recorder.requests).as("length %d", length).isEmpty();
      parser.handle(Buffer.buffer("\n"));
      assertThat(recorder.requests).as("length %d", length).hasSize(1);
      assertThat(recorder.requests.get(0).arg(1)).hasSize(length);
    }
  }

  @Test
  void aMultibulkHeaderRunsToTheNextCrNotToALoneLf() {
    assertThat(everySplit("*1\n$4\nPING\n")).isEqualTo(new Outcome(List.of(), null, false));
    assertThat(everySplit("*1\n$4\nPING\n\r\n").error()).isEqualTo(PREFIX + "invalid multibulk length");
  }

  // --- inline -----------------------------------------------------------------------------------

  @Test
  void parsesInlineCommandsEndedByCrLfOrLfAlone() {
    assertThat(everySplit("SET k v\r\nGET k\nPING\r\n")).isEqualTo(requests(req("SET", "k", "v"), req("GET", "k"), req("PING")));
  }

  @Test
  void skipsBlankInlineLinesSilently() {
    assertThat(everySplit("\r\n\n   \t\n\u000b\r\nPING\n")).isEqualTo(requests(req("PING")));
  }

  static Stream<Arguments> inlineQuoting() {
    return Stream.of(
        Arguments.of("SET \"a b\" 'c d'", List.of("SET", "a b", "c d")),
        Arguments.of("  ECHO   a  ", List.of("ECHO", "a")),
        Arguments.of("ECHO a\"b c\"", List.of("ECHO", "ab c")),
        Arguments.of("ECHO \"\\n\\r\\t\\b\\a\\z\\\"\"", List.of("ECHO", "\n\r\t\b\u0007z\"")),
        Arguments.of("ECHO \"\\x4a\\x4A\\xff\"", List.of("ECHO", "JJ\u00ff")),
        Arguments.of("ECHO \"\\x4G\"", List.of("ECHO", "x4G")),
        Arguments.of("ECHO \"\\x4\"", List.of("ECHO", "x4")),
        Arguments.of("ECHO \"\\X4a\"", List.of("ECHO", "X4a")),
        Arguments.of("ECHO \"a\\\\\"", List.of("ECHO", "a\\")),
        Arguments.of("ECHO 'it\\'s'", List.of("ECHO", "it's")),
        Arguments.of("ECHO 'a\\nb'", List.of("ECHO", "a\\nb")),
        Arguments.of("ECHO 'a\\\\b'", List.of("ECHO", "a\\\\b")),
        Arguments.of("ECHO \"\" '' \"\"", List.of("ECHO", "", "", "")),
        Arguments.of("ECHO a\u000bb", List.of("ECHO", "a\u000bb")),
        Arguments.of("\u000bECHO a", List.of("ECHO", "a")),
        Arguments.of("ECHO \"a\"\u000bb", List.of("ECHO", "a", "b")),
        Arguments.of("ECHO \"a\"\tb", List.of("ECHO", "a", "b")),
        Arguments.of("ECHO a\rb", List.of("ECHO", "a", "b")),
        Arguments.of("ECHO \"a\rb\"", List.of("ECHO", "a\rb")),
        Arguments.of("ECHO \"a\"\r", List.of("ECHO", "a")),
        Arguments.of("ECHO caf\u00c3\u00a9 \u00ff", List.of("ECHO", "caf\u00c3\u00a9", "\u00ff")),
        Arguments.of("$3 *1 foo", List.of("$3", "*1", "foo")));
  }

  @ParameterizedTest
  @MethodSource("inlineQuoting")
  void splitsInlineArgumentsWithRedisQuotingRules(String line, List<String> expected) {
    assertThat(everySplit(line + "\r\n")).isEqualTo(requests(req(expected.toArray(String[]::new))));
  }

  @ParameterizedTest
  @MethodSource("inlineQuoting")
  void inlineLineEndedByLfAloneSplitsTheSame(String line, List<String> expected) {
    assertThat(everySplit(line + "\n")).isEqualTo(requests(req(expected.toArray(String[]::new))));
  }

  // --- errors -----------------------------------------------------------------------------------

  static Stream<Arguments> protocolErrors() {
    return Stream.of(
        Arguments.of("ECHO \"abc\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO \"a\"b\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO 'a'b\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO \"a\\\"\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO \"a\\\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO 'a\\'\r\n", "unbalanced quotes in request"),
        Arguments.of("ECHO 'a\\\\'\r\n", "unbalanced quotes in request"),
        Arguments.of("*abc\r\n", "invalid multibulk length"),
        Arguments.of("*\r\n", "invalid multibulk length"),
        Arguments.of("* 1\r\n", "invalid multibulk length"),
        Arguments.of("*1 \r\n", "invalid multibulk length"),
        Arguments.of("*01\r\n", "invalid multibulk length"),
        Arguments.of("*+1\r\n", "invalid multibulk length"),
        Arguments.of("*-0\r\n", "invalid multibulk length"),
        Arguments.of("*-\r\n", "invalid multibulk length"),
        Arguments.of("*2147483648\r\n", "invalid multibulk length"),
        Arguments.of("*9223372036854775808\r\n", "invalid multibulk length"),
        Arguments.of("*-9223372036854775809\r\n", "invalid multibulk length"),
        Arguments.of("*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n", "expected '$', got 'f'"),
        Arguments.of("*1\r\n:1\r\n", "expected '$', got ':'"),
        Arguments.of("*1\r\n$-1\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$-0\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$01\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$1 \r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$abc\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$536870913\r\n", "invalid bulk length"),
        Arguments.of("*1\r\n$9223372036854775808\r\n", "invalid bulk length"));
  }

  @ParameterizedTest
  @MethodSource("protocolErrors")
  void reportsProtocolErrorsWithRedisWording(String input, String detail) {
    assertThat(everySplit(input)).isEqualTo(new Outcome(List.of(), PREFIX + detail, true));
  }

  @Test
  void aCrWhereADollarBelongsIsWrittenBackAsASpaceAsRedis() {
    Recorder recorder = new Recorder();
    new RespRequestParser(recorder).handle(Buffer.buffer("*1\r\n\r\n"));
    assertThat(recorder.error.toBuffer().toString(java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("-ERR Protocol error: expected '$', got ' '\r\n");
  }

  @Test
  void aHighByteWhereADollarBelongsIsEchoedRawAsRedis() {
    Recorder recorder = new Recorder();
    new RespRequestParser(recorder).handle(Buffer.buffer(bytes("*1\r\n\u00c3x\r\n")));
    assertThat(recorder.error.toBuffer().getBytes())
        .isEqualTo(concat(bytes("-ERR Protocol error: expected '$', got '"), new byte[] {(byte) 0xc3}, bytes("'\r\n")));
  }

  @Test
  void anInlineLineOfMoreThan64KibWithoutNewlineIsTooBig() {
    assertThat(everySplit(repeat('a', 65_537))).isEqualTo(new Outcome(List.of(), PREFIX + "too big inline request", true));
    assertThat(everySplit(repeat('a', 65_536))).isEqualTo(new Outcome(List.of(), null, false));
  }

  @Test
  void anInlineLineOfExactly64KibIsAccepted() {
    byte[] line = concat(bytes("ECHO "), repeat('a', 65_531), bytes("\n"));
    Outcome outcome = everySplit(line);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.requests()).hasSize(1);
    assertThat(outcome.requests().get(0).arg(1)).hasSize(65_531);
  }

  @Test
  void theInlineLimitCountsTheCrBeforeTheNewline() {
    // Redis's limit is on the bytes before \n: reading byte by byte, it fails at the 65537th.
    byte[] line = concat(bytes("ECHO "), repeat('a', 65_531), bytes("\r\n"));
    assertThat(everySplit(line).error()).isEqualTo(PREFIX + "too big inline request");
  }

  @Test
  void aLongHeaderLineIsTooBigWhateverTheSplit() {
    assertThat(everySplit(concat(bytes("*"), repeat('1', 65_537))).error()).isEqualTo(PREFIX + "too big mbulk count string");
    assertThat(everySplit(concat(bytes("*1\r\n$"), repeat('1', 65_537))).error()).isEqualTo(PREFIX + "too big bulk count string");
    // Redis answers "invalid multibulk length" when these bytes come in one read; the line is as
    // long either way, and this parser's answer does not depend on reads.
    assertThat(everySplit(concat(bytes("*1"), repeat('x', 70_000), bytes("\r\n"))).error())
        .isEqualTo(PREFIX + "too big mbulk count string");
  }

  @Test
  void aNulHidesTheLineEndUntil64KibAreBufferedAsRedisStrchr() {
    assertThat(everySplit("\0PING\r\nPING\r\n")).isEqualTo(new Outcome(List.of(), null, false));
    assertThat(everySplit("ECHO a\0b\r\n")).isEqualTo(new Outcome(List.of(), null, false));
    assertThat(everySplit(concat(bytes("PING\r\nECHO a\0b\r\n"), repeat('x', 65_526))))
        .isEqualTo(new Outcome(List.of(req("PING")), null, false));
    assertThat(everySplit(concat(bytes("PING\r\nECHO a\0b\r\n"), repeat('x', 65_527))))
        .isEqualTo(new Outcome(List.of(req("PING")), PREFIX + "too big inline request", true));
    assertThat(everySplit(concat(bytes("*1\0\r\n"), repeat('x', 70_000))).error()).isEqualTo(PREFIX + "too big mbulk count string");
    assertThat(everySplit(concat(bytes("*1\r\n$4\0\r\n"), repeat('x', 70_000))).error()).isEqualTo(PREFIX + "too big bulk count string");
  }

  @Test
  void deliversTheRequestsBeforeAnErrorThenIgnoresAllInput() {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder);
    parser.handle(Buffer.buffer("PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n$-1\r\nPING\r\n"));
    parser.handle(Buffer.buffer("PING\r\n*1\r\n$4\r\nPING\r\n"));
    assertThat(recorder.requests).containsExactly(req("PING"), req("PING"));
    assertThat(recorder.error.getMessage()).isEqualTo(PREFIX + "invalid bulk length");
    assertThat(parser.hasFailed()).isTrue();
    assertThat(recorder.error.closesConnection()).isTrue();
  }

  // --- limits and memory ------------------------------------------------------------------------

  @Test
  void acceptsABulkOfExactlyProtoMaxBulkLenAndWaitsForIt() {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder);
    parser.handle(Buffer.buffer("*1\r\n$536870912\r\nabc"));
    assertThat(recorder.error).isNull();
    assertThat(parser.isIdle()).isFalse();
    assertThat(parser.retainedBytes()).isLessThan(32 * 1024);
  }

  @Test
  void aHugeDeclaredArgumentCountJustWaitsAndCostsLittle() {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder);
    parser.handle(Buffer.buffer("*2147483647\r\n$4\r\nPING\r\n$3\r\nfoo\r\n"));
    assertThat(recorder.requests).isEmpty();
    assertThat(recorder.error).isNull();
    assertThat(parser.isIdle()).isFalse();
    assertThat(parser.retainedBytes()).isLessThan(8 * 1024);
  }

  @Test
  void aHugeDeclaredBulkGrowsOnlyWithTheDataReceived() {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder);
    parser.handle(Buffer.buffer("*2\r\n$3\r\nSET\r\n$500000000\r\nsome bytes"));
    assertThat(parser.retainedBytes()).isLessThan(32 * 1024);
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 16; i++) {
      parser.handle(Buffer.buffer(chunk));
    }
    // 1 MiB received: the bulk's array at most doubles what arrived.
    assertThat(parser.retainedBytes()).isLessThan(3L * 1024 * 1024);
    assertThat(recorder.requests).isEmpty();
    assertThat(recorder.error).isNull();
  }

  @Test
  void aBigBulkArrivingInPiecesIsDeliveredWhole() {
    byte[] value = new byte[300_000];
    new java.util.Random(7).nextBytes(value);
    byte[] input = RawRespClient.encode(bytes("SET"), bytes("k"), value);
    Outcome outcome = everySplit(concat(input, bytes("PING\r\n")));
    assertThat(outcome.requests()).containsExactly(new RespRequest(new byte[][] {bytes("SET"), bytes("k"), value}), req("PING"));
  }

  @Test
  void manyArgumentsGrowTheirSlotsToExactlyTheCount() {
    int n = 10_000;
    byte[][] args = new byte[n][];
    for (int i = 0; i < n; i++) {
      args[i] = bytes(Integer.toString(i));
    }
    assertThat(everySplit(RawRespClient.encode(args))).isEqualTo(requests(new RespRequest(args)));
  }

  @Test
  void enforcesCustomLimits() {
    ParserLimits small = new ParserLimits(10, 3, 16);
    assertThat(everySplit(bytes("*1\r\n$10\r\n0123456789\r\n"), small).requests()).hasSize(1);
    assertThat(everySplit(bytes("*1\r\n$11\r\n"), small).error()).isEqualTo(PREFIX + "invalid bulk length");
    assertThat(everySplit(bytes("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"), small).requests()).hasSize(1);
    assertThat(everySplit(bytes("*4\r\n"), small).error()).isEqualTo(PREFIX + "invalid multibulk length");
    // The argument limit is for multibulk requests; an inline line is bounded by its length.
    assertThat(everySplit(bytes("a b c d e f g h\n"), small).requests()).hasSize(1);
    assertThat(everySplit(bytes("0123456789abcdef\n"), small).requests()).hasSize(1);
    assertThat(everySplit(bytes("0123456789abcdefg"), small).error()).isEqualTo(PREFIX + "too big inline request");
    assertThat(everySplit(bytes("*00000000000000000"), small).error()).isEqualTo(PREFIX + "too big mbulk count string");
  }

  @Test
  void defaultLimitsAreRedis70s() {
    assertThat(ParserLimits.DEFAULT).isEqualTo(new ParserLimits(512 * 1024 * 1024, Integer.MAX_VALUE, 64 * 1024));
  }

  @Test
  void limitsRejectValuesTheParserCannotHonour() {
    assertThatThrownBy(() -> new ParserLimits(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParserLimits(Integer.MAX_VALUE, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParserLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParserLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParserLimits.DEFAULT.withMaxInlineLength((1 << 30) + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ParserLimits.DEFAULT.withMaxArgs(5).withMaxBulkLength(6).withMaxInlineLength(7)).isEqualTo(new ParserLimits(6, 5, 7));
  }

  private static byte[][] argsArray(RespRequest r) {
    return ParserHarness.argsOf(r).toArray(byte[][]::new);
  }
}
