package org.vertxdynomite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamedChoicesUnitTests {

  @Test
  void consistencyNamesIgnoreCase() {
    assertThat(Consistency.parse("dc_quorum")).isEqualTo(Consistency.DC_QUORUM);
    assertThat(Consistency.parse("DC_EACH_SAFE_QUORUM")).isEqualTo(Consistency.DC_EACH_SAFE_QUORUM);
    assertThat(Consistency.parse(" Dc_One ")).isEqualTo(Consistency.DC_ONE);
  }

  @Test
  void unknownConsistencyListsTheValidNames() {
    assertThatThrownBy(() -> Consistency.parse("dc_two"))
        .hasMessage("must be one of DC_ONE, DC_QUORUM, DC_SAFE_QUORUM, DC_EACH_SAFE_QUORUM");
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void everyDynomiteHashNameParses(HashAlgorithm hash) {
    assertThat(HashAlgorithm.parse(hash.configName())).isEqualTo(hash);
  }

  @Test
  void hashNamesAreDynomitesSpellings() {
    assertThat(HashAlgorithm.parse("one_at_a_time")).isEqualTo(HashAlgorithm.ONE_AT_A_TIME);
    assertThat(HashAlgorithm.parse("fnv1a_64")).isEqualTo(HashAlgorithm.FNV1A_64);
    assertThat(HashAlgorithm.parse("murmur3")).isEqualTo(HashAlgorithm.MURMUR3);
    assertThatThrownBy(() -> HashAlgorithm.parse("sha1")).hasMessageStartingWith("must be one of one_at_a_time, md5,");
  }

  @Test
  void secureServerOptionsAreDynomitesFour() {
    assertThat(SecureServerOption.parse("datacenter")).isEqualTo(SecureServerOption.DATACENTER);
    assertThat(SecureServerOption.parse("NONE")).isEqualTo(SecureServerOption.NONE);
    assertThatThrownBy(() -> SecureServerOption.parse("dc")).hasMessage("must be one of none, rack, datacenter, all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "redis", "REDIS"})
  void dataStoreZeroOrRedisIsRedis(String text) {
    assertThat(DataStoreKind.parse(text)).isEqualTo(DataStoreKind.REDIS);
  }

  @Test
  void dataStoreEmbeddedIsOurs() {
    assertThat(DataStoreKind.parse("embedded")).isEqualTo(DataStoreKind.EMBEDDED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "memcache", "memcached"})
  void memcacheIsRejectedAsNotSupported(String text) {
    assertThatThrownBy(() -> DataStoreKind.parse(text))
        .hasMessage("memcache is not supported: vertx-dynomite speaks only the Redis protocol");
  }

  @Test
  void otherDataStoresListTheValidOnes() {
    assertThatThrownBy(() -> DataStoreKind.parse("2")).hasMessage("must be 0 (redis), redis or embedded");
  }
}
