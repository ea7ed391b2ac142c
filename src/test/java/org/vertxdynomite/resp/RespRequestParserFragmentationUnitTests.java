package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.resp.ParserHarness.escape;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.ParserHarness.Outcome;
import org.vertxdynomite.resp.ParserHarness.Splitter;
import org.vertxdynomite.resp.RandomRequests.Pipeline;

/**
 * Property tests over seeded random inputs (the seed is in every failure message; rerun one with
 * {@code new Random(seed)}): a pipeline of random requests, in multibulk and every inline quoting,
 * parses to exactly those requests however it is fragmented; and any input, even a mangled one,
 * gives the same requests, error and state fed whole, one byte at a time or in random fragments.
 */
class RespRequestParserFragmentationUnitTests {

  private static final int SEEDS = 300;

  @Test
  void randomPipelinesParseToTheirRequestsHoweverFragmented() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Pipeline p = RandomRequests.pipeline(new Random(seed), true);
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
      byte[] input = RandomRequests.mutate(RandomRequests.pipeline(random, true).bytes(), random);
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
}
