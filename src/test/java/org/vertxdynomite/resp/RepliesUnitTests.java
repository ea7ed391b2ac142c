package org.vertxdynomite.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesUnitTests {

  private static String encode(Reply r) {
    return r.toBuffer().toString();
  }

  @Test
  void integersEncodeWithSignAndExtremes() {
    assertThat(encode(Replies.integer(0))).isEqualTo(":0\r\n");
    assertThat(encode(Replies.integer(-42))).isEqualTo(":-42\r\n");
    assertThat(encode(Replies.integer(Long.MAX_VALUE))).isEqualTo(":9223372036854775807\r\n");
    assertThat(encode(Replies.integer(Long.MIN_VALUE))).isEqualTo(":-9223372036854775808\r\n");
  }

  @Test
  void bulkStringsAreBinarySafeAndNullIsDollarMinusOne() {
    assertThat(encode(Replies.bulk(new byte[] {'a', '\r', '\n', 0}))).isEqualTo("$4\r\na\r\n\0\r\n");
    assertThat(encode(Replies.bulk((byte[]) null))).isEqualTo("$-1\r\n");
    assertThat(encode(Replies.NULL_ARRAY)).isEqualTo("*-1\r\n");
  }

  @Test
  void nestedArraysEncodeDepthFirst() {
    Reply r = Replies.array(Replies.integer(1), Replies.array(List.of(Replies.bulk("x"))), Replies.NULL_BULK);
    assertThat(encode(r)).isEqualTo("*3\r\n:1\r\n*1\r\n$1\r\nx\r\n$-1\r\n");
    assertThat(encode(Replies.array(List.of()))).isEqualTo("*0\r\n");
  }

  @Test
  void errorsAreOneLineWithTheirCode() {
    RespError e = new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
    assertThat(e.code()).isEqualTo("WRONGTYPE");
    assertThat(encode(RespError.err("bad\r\nthing"))).isEqualTo("-ERR bad  thing\r\n");
    assertThat(new ProtocolError("invalid bulk length").closesConnection()).isTrue();
    assertThat(encode(new ProtocolError("invalid bulk length"))).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
  }
}
