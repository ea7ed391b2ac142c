package org.vertxdynomite.datastore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.impl.types.ErrorType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedisErrorsUnitTests {

  @Test
  void anErrorReplyOfTheServerIsAnAnswer() {
    assertThat(RedisErrors.isServerReply(ErrorType.create("WRONGTYPE Operation against a key holding the wrong kind of value")))
        .isTrue();
  }

  @Test
  void theClientsConnectionClosedErrorIsAStorageFailureNotAReply() {
    assertThat(RedisErrors.isServerReply(ErrorType.create("CONNECTION_CLOSED"))).isFalse();
  }

  @Test
  void otherExceptionsAreNotReplies() {
    assertThat(RedisErrors.isServerReply(new IOException("Connection refused"))).isFalse();
  }
}
