package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.bulk;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import org.junit.jupiter.api.Test;

class ExpiryUnitTests {

  private final FakeTime time = new FakeTime(1_000_000);
  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.builder().clock(time).build(), time);

  @Test
  void keyIsAliveAtItsDeadlineAndGoneOneMillisecondLater() {
    call(store, "SET", "k", "v", "PX", "100");
    time.advance(100);
    assertThat(call(store, "GET", "k")).isEqualTo(bulk("v"));
    assertThat(call(store, "PTTL", "k")).isEqualTo(integer(0));
    time.advance(1);
    assertThat(call(store, "GET", "k")).isEqualTo("$-1\r\n");
    assertThat(store.expiredKeys()).isEqualTo(1);
  }

  @Test
  void ttlRoundsToNearestSecondAndReportsMissingAndPersistentKeys() {
    call(store, "SET", "k", "v", "PX", "1499");
    assertThat(call(store, "TTL", "k")).isEqualTo(integer(1));
    call(store, "PEXPIRE", "k", "1500");
    assertThat(call(store, "TTL", "k")).isEqualTo(integer(2));
    assertThat(call(store, "PEXPIRETIME", "k")).isEqualTo(integer(1_001_500));
    assertThat(call(store, "TTL", "missing")).isEqualTo(integer(-2));
    call(store, "SET", "p", "v");
    assertThat(call(store, "TTL", "p")).isEqualTo(integer(-1));
  }

  @Test
  void expireInThePastDeletesAtOnce() {
    call(store, "SET", "k", "v");
    assertThat(call(store, "EXPIREAT", "k", "999")).isEqualTo(integer(1));
    assertThat(call(store, "EXISTS", "k")).isEqualTo(integer(0));
    assertThat(store.dbSize()).isZero();
  }

  @Test
  void activeExpiryReclaimsKeysNobodyTouches() {
    for (int i = 0; i < 500; i++) {
      call(store, "SET", "k" + i, "v", "PX", "50");
    }
    call(store, "SET", "keep", "v");
    time.advance(51);
    assertThat(store.dbSize()).isEqualTo(501);
    for (int cycle = 0; cycle < 200 && store.dbSize() > 1; cycle++) {
      store.activeExpireCycle();
    }
    assertThat(store.dbSize()).isEqualTo(1);
    assertThat(call(store, "GET", "keep")).isEqualTo(bulk("v"));
  }

  @Test
  void activeExpiryStopsEarlyWhenFewSampledKeysHaveExpired() {
    for (int i = 0; i < 1000; i++) {
      call(store, "SET", "k" + i, "v", "PX", i < 10 ? "5" : "100000");
    }
    time.advance(10);
    int expired = store.activeExpireCycle();
    assertThat(expired).isLessThan(10);
    assertThat(store.dbSize()).isGreaterThan(990);
  }

  @Test
  void setKeepTtlKeepsAndPlainSetDropsTheTtl() {
    call(store, "SET", "k", "v", "EX", "10");
    call(store, "SET", "k", "w", "KEEPTTL");
    assertThat(call(store, "TTL", "k")).isEqualTo(integer(10));
    call(store, "SET", "k", "x");
    assertThat(call(store, "TTL", "k")).isEqualTo(integer(-1));
  }

  @Test
  void expireOptionsCompareWithTheCurrentDeadline() {
    call(store, "SET", "k", "v");
    assertThat(call(store, "EXPIRE", "k", "100", "XX")).isEqualTo(integer(0));
    assertThat(call(store, "EXPIRE", "k", "100", "GT")).isEqualTo(integer(0));
    assertThat(call(store, "EXPIRE", "k", "100", "LT")).isEqualTo(integer(1));
    assertThat(call(store, "EXPIRE", "k", "50", "GT")).isEqualTo(integer(0));
    assertThat(call(store, "EXPIRE", "k", "200", "GT")).isEqualTo(integer(1));
    assertThat(call(store, "EXPIRE", "k", "300", "NX")).isEqualTo(integer(0));
    assertThat(call(store, "TTL", "k")).isEqualTo(integer(200));
  }

  @Test
  void renameCarriesTheTtlAndPersistRemovesIt() {
    call(store, "SET", "a", "v", "EX", "30");
    call(store, "RENAME", "a", "b");
    assertThat(call(store, "TTL", "b")).isEqualTo(integer(30));
    assertThat(call(store, "PERSIST", "b")).isEqualTo(integer(1));
    assertThat(call(store, "PERSIST", "b")).isEqualTo(integer(0));
    assertThat(call(store, "TTL", "b")).isEqualTo(integer(-1));
  }
}
