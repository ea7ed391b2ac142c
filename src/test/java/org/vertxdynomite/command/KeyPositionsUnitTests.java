package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vertxdynomite.resp.RespRequest;

class KeyPositionsUnitTests {

  private final CommandTable table = CommandTable.get();

  /** Key positions of a request written as space-separated words ("" for an empty argument). */
  private int[] keys(String request) {
    String[] words = request.split(" ");
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].equals("\"\"") ? "" : words[i];
    }
    RespRequest r = RespRequest.of(words);
    CommandInfo c = table.lookup(r);
    assertThat(c).as(request).isNotNull();
    return c.keyPositions(r);
  }

  private static int[] positions(String csv) {
    return csv == null || csv.isBlank() ? new int[0] : Arrays.stream(csv.split(" ")).mapToInt(Integer::parseInt).toArray();
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      // index + range: one key, all-but-none, every other argument
      "get k | 1",
      "set k v EX 10 GET | 1",
      "mset a 1 b 2 c 3 | 1 3 5",
      "del a b c | 1 2 3",
      "rename a b | 1 2",
      "smove src dst m | 1 2",
      "blpop a b 0 | 1 2",
      "brpoplpush src dst 0 | 1 2",
      "blmove src dst LEFT RIGHT 0 | 1 2",
      "bzpopmax a b 0 | 1 2",
      "msetnx a 1 b 2 | 1 3",
      "bitop AND dest a b | 2 3 4",
      "bitfield k GET u8 0 | 1",
      "pfmerge dest a b | 1 2 3",
      "copy a b DB 0 | 1 2",
      "object encoding k | 2",
      "memory usage k | 2",
      "ping | ",
      "client setname n | ",
      "ssubscribe ch | ",
      "spublish ch m | ",
      // numkeys after a destination, and numkeys first
      "zunionstore d 2 a b WEIGHTS 1 2 | 1 3 4",
      "zinterstore d 1 a | 1 3",
      "zdiffstore d 3 a b c | 1 3 4 5",
      "zunion 2 a b WITHSCORES | 2 3",
      "lmpop 2 a b LEFT COUNT 3 | 2 3",
      "blmpop 0 2 a b LEFT | 3 4",
      "zmpop 1 z MIN | 2",
      "bzmpop 1.5 2 a b MAX | 3 4",
      "sintercard 2 a b LIMIT 1 | 2 3",
      "zintercard 3 a b c | 2 3 4",
      "eval script 2 k1 k2 arg | 3 4",
      "evalsha sha 1 k | 3",
      "fcall fn 1 k a | 3",
      "eval script 0 | ",
      // keywords
      "sort k | 1",
      "sort k STORE d | 1 3",
      "sort k LIMIT 0 10 BY w_* GET # STORE d ALPHA | 1 10",
      "sort k GET store STORE d | 1 5",
      "sort k STORE d STORE e | 1 5",
      "sort k STORE | 1",
      "sort_ro k BY x GET y | 1",
      "xread COUNT 2 STREAMS a b 0 0 | 4 5",
      "xread streams a 0 | 2",
      "xreadgroup GROUP g c STREAMS a b > > | 5 6",
      "migrate h 6379 k 0 5000 | 3",
      "migrate h 6379 \"\" 0 5000 KEYS | 3",
      "migrate h 6379 \"\" 0 5000 COPY AUTH pw KEYS a b | 10 11",
      "migrate h 6379 \"\" 0 5000 AUTH2 u keys KEYS a | 10",
      "georadius g 0 0 1 km STORE d | 1 7",
      "georadius g 0 0 1 km STOREDIST d | 1 7",
      "georadiusbymember g m 1 km | 1",
  })
  void findsKeysForEveryKeySpecShape(String request, String expected) {
    assertThat(keys(request)).containsExactly(positions(expected));
  }

  @ParameterizedTest(name = "{0} has no findable keys")
  @CsvSource(delimiter = '|', value = {
      "zunionstore d 5 a", "zunionstore d 0 a", "zunionstore d -1 a", "zunionstore d x a", "zunionstore d 1x a",
      "zunionstore d 01 a", "zunionstore d +1 a", "zunionstore d 99999999999999999999 a",
      "zunionstore d 9223372036854775807 a", "zunionstore d -9223372036854775808 a",
      "eval s 5 a", "eval s -1 a", "lmpop 5 a LEFT", "lmpop 0 a LEFT", "blmpop 0 9 a LEFT", "sintercard 3 a",
      "zintercard 2 a", "xread COUNT 1 STREAMS", "xread COUNT 1 a b", "xread COUNT 1 STREAMS a",
      "migrate h 6379 k 0 5000 KEYS a b",
      "get", "set", "zunionstore d", "sort", "sort_ro", "migrate h",
  })
  void malformedRequestsHaveNoKeysAndNeverThrow(String request) {
    assertThat(keys(request)).isEmpty();
  }

  /** Arbitrary argument lists for every command: key finding never throws nor leaves the arguments. */
  @Test
  void keyPositionsStayInsideTheRequestForArbitraryArguments() {
    List<String> pool = List.of("k", "0", "1", "2", "3", "-1", "x", "", "STORE", "STREAMS", "KEYS", "BY", "GET",
        "LIMIT", "AUTH", "AUTH2", "99999999999999999999", "1x");
    Random random = new Random(20240601);
    for (CommandInfo c : table.commands()) {
      for (int round = 0; round < 40; round++) {
        int argc = 1 + random.nextInt(9);
        String[] words = new String[argc];
        words[0] = c.name().replace('|', ' ').split(" ")[0];
        for (int i = 1; i < argc; i++) {
          words[i] = pool.get(random.nextInt(pool.size()));
        }
        if (c.isSubcommand() && argc > 1) {
          words[1] = c.subcommandName();
        }
        RespRequest r = RespRequest.of(words);
        for (int p : c.keyPositions(r)) {
          assertThat(p).as(r.toString()).isBetween(1, argc - 1);
        }
      }
    }
  }
}
