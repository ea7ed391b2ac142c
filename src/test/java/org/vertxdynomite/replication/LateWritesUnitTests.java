package org.vertxdynomite.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.RespRequest;

class LateWritesUnitTests {

  @Test
  void plainSetAndDelReplaceTheWholeValue() {
    assertThat(LateWrites.overwrites("set", RespRequest.of("SET", "k", "v", "PX", "100"))).isTrue();
    assertThat(LateWrites.overwrites("del", RespRequest.of("DEL", "k"))).isTrue();
  }

  @Test
  void conditionalSetDependsOnWhatIsThereSoItIsNotAnOverwrite() {
    assertThat(LateWrites.overwrites("set", RespRequest.of("SET", "k", "v", "nx"))).isFalse();
    assertThat(LateWrites.overwrites("set", RespRequest.of("SET", "k", "v", "EX", "5", "XX"))).isFalse();
  }

  @Test
  void mergingWritesAreNotOverwrites() {
    assertThat(LateWrites.overwrites("lpush", RespRequest.of("LPUSH", "k", "v"))).isFalse();
    assertThat(LateWrites.overwrites("hset", RespRequest.of("HSET", "k", "f", "v"))).isFalse();
  }

  @Test
  void aVoidedWriteAnswersOkWhereTheCommandAlwaysDoesAndZeroOtherwise() {
    assertThat(LateWrites.voidedReply("set")).isEqualTo(Replies.OK);
    assertThat(LateWrites.voidedReply("lpush").toBuffer().toString()).isEqualTo(":0\r\n");
  }
}
