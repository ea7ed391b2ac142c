package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * HyperLogLogs large enough to leave the sparse encoding: the stored bytes, PFCOUNT and PFMERGE
 * results must equal redis-server's exactly.
 */
class EmbeddedHyperLogLogIntegrationTests {

  @Test
  void denseAndSparseHyperLogLogsAreByteIdenticalToRedis() throws Exception {
    try (RedisServerProcess redis = RedisServerProcess.start(); RawRespClient client = redis.client()) {
      EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());
      DiffRunner r = new DiffRunner("hll", 1, client, store);
      for (int batch = 0; batch < 40; batch++) {
        List<String> args = new ArrayList<>(List.of("PFADD", "big"));
        for (int i = 0; i < 1000; i++) {
          args.add("member:" + (batch * 1000 + i));
        }
        r.exact(args.toArray(String[]::new));
        r.exact("PFCOUNT", "big");
        r.exact("GET", "big");
      }
      r.exact("PFADD", "small", "a", "b", "c", "member:5");
      r.exact("GET", "small");
      r.exact("PFCOUNT", "small", "big");
      r.exact("PFMERGE", "merged", "small");
      r.exact("GET", "merged");
      r.exact("PFMERGE", "merged", "big");
      r.exact("GET", "merged");
      r.exact("PFCOUNT", "merged");
      r.exact("GET", "merged");
      byte[][] count = r.both(DiffRunner.bytes("PFCOUNT", "big"));
      long estimate = RespValue.parse(count[1]).asLong();
      // Redis's standard error is 0.81%; 40,000 distinct members.
      assertThat(estimate).isBetween(39_000L, 41_000L);
    }
  }
}
