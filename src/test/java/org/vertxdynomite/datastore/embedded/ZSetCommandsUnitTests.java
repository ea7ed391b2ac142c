package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.bulk;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import org.junit.jupiter.api.Test;

class ZSetCommandsUnitTests {

  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());

  @Test
  void membersWithEqualScoresAreOrderedByTheirBytes() {
    call(store, "ZADD", "z", "1", "b", "1", "a", "0", "c", "1", "B");
    assertThat(call(store, "ZRANGE", "z", "0", "-1"))
        .isEqualTo("*4\r\n$1\r\nc\r\n$1\r\nB\r\n$1\r\na\r\n$1\r\nb\r\n");
    assertThat(call(store, "ZRANK", "z", "a")).isEqualTo(integer(2));
    assertThat(call(store, "ZREVRANK", "z", "a")).isEqualTo(integer(1));
  }

  @Test
  void scoresAreRepliedAsPercentSeventeenG() {
    call(store, "ZADD", "z", "0.1", "a", "inf", "b", "1e17", "c");
    assertThat(call(store, "ZSCORE", "z", "a")).isEqualTo(bulk("0.10000000000000001"));
    assertThat(call(store, "ZSCORE", "z", "b")).isEqualTo(bulk("inf"));
    assertThat(call(store, "ZINCRBY", "z", "-inf", "b")).isEqualTo("-ERR resulting score is not a number (NaN)\r\n");
    assertThat(call(store, "ZMSCORE", "z", "c", "x")).isEqualTo("*2\r\n$5\r\n1e+17\r\n$-1\r\n");
  }

  @Test
  void negativeZeroLosesItsSignOnlyInSmallSets() {
    call(store, "ZADD", "small", "-0", "a");
    assertThat(call(store, "ZSCORE", "small", "a")).isEqualTo(bulk("0"));
    for (int i = 0; i < 130; i++) {
      call(store, "ZADD", "big", Integer.toString(i), "m" + i);
    }
    call(store, "ZADD", "big", "-0", "a");
    assertThat(call(store, "ZSCORE", "big", "a")).isEqualTo(bulk("-0"));
  }

  @Test
  void gtAndLtOnlyMoveScoresInTheirDirection() {
    call(store, "ZADD", "z", "5", "m");
    assertThat(call(store, "ZADD", "z", "GT", "CH", "3", "m")).isEqualTo(integer(0));
    assertThat(call(store, "ZADD", "z", "GT", "CH", "7", "m")).isEqualTo(integer(1));
    assertThat(call(store, "ZADD", "z", "LT", "INCR", "1", "m")).isEqualTo("$-1\r\n");
    assertThat(call(store, "ZADD", "z", "LT", "INCR", "-1", "m")).isEqualTo(bulk("6"));
  }

  @Test
  void scoreAndLexRangesHonourExclusiveEndsAndLimits() {
    call(store, "ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
    assertThat(call(store, "ZRANGE", "z", "(1", "3", "BYSCORE")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
    assertThat(call(store, "ZRANGE", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "1", "2"))
        .isEqualTo("*2\r\n$1\r\nc\r\n$1\r\nb\r\n");
    call(store, "ZADD", "lex", "0", "a", "0", "b", "0", "c");
    assertThat(call(store, "ZRANGEBYLEX", "lex", "(a", "+")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
    assertThat(call(store, "ZLEXCOUNT", "lex", "-", "[b")).isEqualTo(integer(2));
    assertThat(call(store, "ZCOUNT", "z", "-inf", "(3")).isEqualTo(integer(2));
  }

  @Test
  void unionAddsWeightedScoresAndTreatsPlainSetsAsScoreOne() {
    call(store, "ZADD", "z", "1", "a", "2", "b");
    call(store, "SADD", "s", "b", "c");
    assertThat(call(store, "ZUNION", "2", "z", "s", "WEIGHTS", "10", "1", "WITHSCORES"))
        .isEqualTo("*6\r\n$1\r\nc\r\n$1\r\n1\r\n$1\r\na\r\n$2\r\n10\r\n$1\r\nb\r\n$2\r\n21\r\n");
    assertThat(call(store, "ZINTERSTORE", "dst", "2", "z", "s", "AGGREGATE", "MAX")).isEqualTo(integer(1));
    assertThat(call(store, "ZSCORE", "dst", "b")).isEqualTo(bulk("2"));
    assertThat(call(store, "ZDIFF", "2", "z", "s")).isEqualTo("*1\r\n$1\r\na\r\n");
    assertThat(call(store, "ZINTERCARD", "2", "z", "s", "LIMIT", "5")).isEqualTo(integer(1));
  }

  @Test
  void popsReplyInRedisShapes() {
    call(store, "ZADD", "z", "1", "a", "2", "b", "3", "c");
    assertThat(call(store, "ZPOPMIN", "z")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
    assertThat(call(store, "ZMPOP", "1", "z", "MAX", "COUNT", "5"))
        .isEqualTo("*2\r\n$1\r\nz\r\n*2\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
    assertThat(call(store, "EXISTS", "z")).isEqualTo(integer(0));
    assertThat(call(store, "BZPOPMAX", "z", "0")).isEqualTo("*-1\r\n");
  }
}
