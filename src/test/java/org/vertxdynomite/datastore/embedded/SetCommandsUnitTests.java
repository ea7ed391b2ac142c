package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespRequest;

class SetCommandsUnitTests {

  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());

  private RespValue reply(String... args) {
    return RespValue.parse(store.execute(RespRequest.of(args)).toBuffer().getBytes());
  }

  @Test
  void spopWithCountRemovesDistinctMembersAndDeletesTheEmptiedKey() {
    call(store, "SADD", "s", "a", "b", "c", "d");
    RespValue popped = reply("SPOP", "s", "3");
    assertThat(popped.items()).extracting(RespValue::str).doesNotHaveDuplicates().hasSize(3);
    assertThat(call(store, "SCARD", "s")).isEqualTo(integer(1));
    assertThat(reply("SPOP", "s", "5").items()).hasSize(1);
    assertThat(call(store, "EXISTS", "s")).isEqualTo(integer(0));
  }

  @Test
  void storeVariantsReplaceTheDestinationAndDeleteItForAnEmptyResult() {
    call(store, "SADD", "a", "1", "2", "3");
    call(store, "SADD", "b", "2", "3", "4");
    call(store, "SET", "dst", "x", "EX", "100");
    assertThat(call(store, "SINTERSTORE", "dst", "a", "b")).isEqualTo(integer(2));
    assertThat(call(store, "TTL", "dst")).isEqualTo(integer(-1));
    assertThat(call(store, "SDIFFSTORE", "dst", "a", "b")).isEqualTo(integer(1));
    assertThat(call(store, "SINTERSTORE", "dst", "a", "missing")).isEqualTo(integer(0));
    assertThat(call(store, "EXISTS", "dst")).isEqualTo(integer(0));
  }

  @Test
  void sintercardStopsAtTheLimit() {
    call(store, "SADD", "a", "1", "2", "3", "4");
    call(store, "SADD", "b", "1", "2", "3", "5");
    assertThat(call(store, "SINTERCARD", "2", "a", "b")).isEqualTo(integer(3));
    assertThat(call(store, "SINTERCARD", "2", "a", "b", "LIMIT", "2")).isEqualTo(integer(2));
    assertThat(call(store, "SINTERCARD", "3", "a", "b")).isEqualTo("-ERR Number of keys can't be greater than number of args\r\n");
  }

  @Test
  void smoveToAWrongTypeDestinationFailsWithoutRemoving() {
    call(store, "SADD", "s", "m");
    call(store, "SET", "str", "x");
    assertThat(call(store, "SMOVE", "s", "str", "m")).startsWith("-WRONGTYPE");
    assertThat(call(store, "SISMEMBER", "s", "m")).isEqualTo(integer(1));
    assertThat(call(store, "SMOVE", "s", "t", "m")).isEqualTo(integer(1));
    assertThat(call(store, "EXISTS", "s")).isEqualTo(integer(0));
  }
}
