package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.bulk;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import org.junit.jupiter.api.Test;

class StringCommandsUnitTests {

  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());

  @Test
  void incrByFloatFormatsLikeRedisLongDoubles() {
    assertThat(call(store, "INCRBYFLOAT", "f", "10.5")).isEqualTo(bulk("10.5"));
    assertThat(call(store, "INCRBYFLOAT", "f", "0.1")).isEqualTo(bulk("10.6"));
    assertThat(call(store, "INCRBYFLOAT", "f", "-10.6")).isEqualTo(bulk("0"));
    assertThat(call(store, "INCRBYFLOAT", "f", "1e-5")).isEqualTo(bulk("0.00001"));
    assertThat(call(store, "INCRBYFLOAT", "f", "inf")).isEqualTo("-ERR increment would produce NaN or Infinity\r\n");
    assertThat(call(store, "INCRBYFLOAT", "f", " 1")).isEqualTo("-ERR value is not a valid float\r\n");
  }

  @Test
  void counterOverflowIsRefused() {
    call(store, "SET", "n", "9223372036854775807");
    assertThat(call(store, "INCR", "n")).isEqualTo("-ERR increment or decrement would overflow\r\n");
    assertThat(call(store, "DECRBY", "n", "-9223372036854775808")).isEqualTo("-ERR decrement would overflow\r\n");
    assertThat(call(store, "GET", "n")).isEqualTo(bulk("9223372036854775807"));
  }

  @Test
  void setrangePadsWithZeroBytesAndAppendGrows() {
    assertThat(call(store, "SETRANGE", "s", "3", "ab")).isEqualTo(integer(5));
    assertThat(call(store, "GET", "s")).isEqualTo(bulk("\0\0\0ab"));
    for (int i = 0; i < 1000; i++) {
      call(store, "APPEND", "s", "x");
    }
    assertThat(call(store, "STRLEN", "s")).isEqualTo(integer(1005));
    assertThat(call(store, "GETRANGE", "s", "-3", "-1")).isEqualTo(bulk("xxx"));
  }

  @Test
  void getReturnsAStableCopyWhileTheValueKeepsChanging() {
    call(store, "SET", "s", "abc");
    var before = store.execute(org.vertxdynomite.resp.RespRequest.of("GET", "s"));
    call(store, "SETRANGE", "s", "0", "X");
    call(store, "APPEND", "s", "d");
    assertThat(before.toBuffer().toString()).isEqualTo(bulk("abc"));
  }

  @Test
  void bitfieldOverflowModesWrapSaturateOrFail() {
    assertThat(call(store, "BITFIELD", "b", "SET", "u8", "0", "250", "INCRBY", "u8", "0", "10"))
        .isEqualTo("*2\r\n:0\r\n:4\r\n");
    assertThat(call(store, "BITFIELD", "b", "OVERFLOW", "SAT", "INCRBY", "u8", "0", "300"))
        .isEqualTo("*1\r\n:255\r\n");
    assertThat(call(store, "BITFIELD", "b", "OVERFLOW", "FAIL", "INCRBY", "i8", "0", "-128"))
        .isEqualTo("*1\r\n$-1\r\n");
    assertThat(call(store, "BITFIELD_RO", "b", "GET", "i8", "0")).isEqualTo("*1\r\n:-1\r\n");
  }

  @Test
  void lcsReportsMatchesFromTheEnd() {
    call(store, "MSET", "a", "ohmytext", "b", "mynewtext");
    assertThat(call(store, "LCS", "a", "b")).isEqualTo(bulk("mytext"));
    assertThat(call(store, "LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"))
        .isEqualTo("*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n");
  }

  @Test
  void hyperLogLogEstimatesWithinRedisErrorBound() {
    for (int batch = 0; batch < 100; batch++) {
      String[] args = new String[1002];
      args[0] = "PFADD";
      args[1] = "h";
      for (int i = 0; i < 1000; i++) {
        args[i + 2] = "m" + (batch * 1000 + i);
      }
      store.execute(org.vertxdynomite.resp.RespRequest.of(args));
    }
    long n = Long.parseLong(call(store, "PFCOUNT", "h").substring(1).trim());
    assertThat(n).isBetween(97_000L, 103_000L);
    assertThat(call(store, "PFADD", "h", "m1")).isEqualTo(integer(0));
    assertThat(call(store, "GET", "h")).startsWith("$12304\r\nHYLL");
  }
}
