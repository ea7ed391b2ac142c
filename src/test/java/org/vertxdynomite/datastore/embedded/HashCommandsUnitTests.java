package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.bulk;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespRequest;

class HashCommandsUnitTests {

  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());

  private RespValue reply(String... args) {
    return RespValue.parse(store.execute(RespRequest.of(args)).toBuffer().getBytes());
  }

  @Test
  void deletingTheLastFieldDeletesTheKey() {
    call(store, "HSET", "h", "a", "1", "b", "2");
    assertThat(call(store, "HDEL", "h", "a", "b", "c")).isEqualTo(integer(2));
    assertThat(call(store, "EXISTS", "h")).isEqualTo(integer(0));
  }

  @Test
  void counterFieldsIncrementAsIntegersAndLongDoubles() {
    assertThat(call(store, "HINCRBY", "h", "n", "5")).isEqualTo(integer(5));
    assertThat(call(store, "HINCRBYFLOAT", "h", "n", "0.5")).isEqualTo(bulk("5.5"));
    assertThat(call(store, "HINCRBY", "h", "n", "1")).isEqualTo("-ERR hash value is not an integer\r\n");
    assertThat(call(store, "HINCRBYFLOAT", "h", "n", "inf")).isEqualTo("-ERR value is NaN or Infinity\r\n");
  }

  @Test
  void randomFieldsAreDistinctForPositiveCountsAndMayRepeatForNegativeOnes() {
    call(store, "HSET", "h", "a", "1", "b", "2", "c", "3");
    assertThat(reply("HRANDFIELD", "h", "10").items()).hasSize(3);
    assertThat(reply("HRANDFIELD", "h", "2").items()).extracting(RespValue::str).doesNotHaveDuplicates().hasSize(2);
    assertThat(reply("HRANDFIELD", "h", "-20").items()).hasSize(20)
        .extracting(RespValue::str).allMatch(f -> f.equals("a") || f.equals("b") || f.equals("c"));
    RespValue withValues = reply("HRANDFIELD", "h", "-4", "WITHVALUES");
    assertThat(withValues.items()).hasSize(8);
    for (int i = 0; i < 8; i += 2) {
      String f = withValues.items().get(i).str();
      assertThat(withValues.items().get(i + 1).str()).isEqualTo(Integer.toString(f.charAt(0) - 'a' + 1));
    }
  }

  @Test
  void hscanVisitsEveryFieldOfALargeHash() {
    for (int i = 0; i < 1000; i++) {
      call(store, "HSET", "h", "f" + i, "v" + i);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    String cursor = "0";
    int calls = 0;
    do {
      RespValue page = reply("HSCAN", "h", cursor, "COUNT", "50");
      cursor = page.items().get(0).str();
      for (int i = 0; i < page.items().get(1).items().size(); i += 2) {
        seen.add(page.items().get(1).items().get(i).str());
      }
      calls++;
    } while (!cursor.equals("0") && calls < 10_000);
    assertThat(seen).hasSize(1000);
    assertThat(calls).isGreaterThan(5);
  }
}
