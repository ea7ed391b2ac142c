package org.vertxdynomite.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisServerProcessIntegrationTests {

  @Test
  void startsARealRedisOnLoopbackAndStopsIt() throws Exception {
    long pid;
    try (RedisServerProcess redis = RedisServerProcess.start(); RawRespClient c = redis.client()) {
      pid = redis.pid();
      assertThat(c.callString("SET", "k", "v")).isEqualTo("+OK\r\n");
      assertThat(c.callString("GET", "k")).isEqualTo("$1\r\nv\r\n");
      assertThat(c.callString("GET", "missing")).isEqualTo("$-1\r\n");
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
