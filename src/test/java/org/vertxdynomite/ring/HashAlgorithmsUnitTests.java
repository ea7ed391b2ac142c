package org.vertxdynomite.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashAlgorithmsUnitTests {

  static Iterable<String> names() {
    return HashAlgorithms.names();
  }

  @Test
  void acceptsExactlyDynomitesHashNamesInItsOrder() {
    assertThat(HashAlgorithms.names())
        .containsExactly(
            "one_at_a_time", "md5", "crc16", "crc32", "crc32a", "fnv1_64", "fnv1a_64", "fnv1_32",
            "fnv1a_32", "hsieh", "murmur", "jenkins", "murmur3");
  }

  @ParameterizedTest
  @MethodSource("names")
  void byNameReturnsTheFunctionOfThatName(String name) {
    assertThat(HashAlgorithms.byName(name).name()).isEqualTo(name);
  }

  @Test
  void defaultIsMurmur() {
    assertThat(HashAlgorithms.DEFAULT_NAME).isEqualTo("murmur");
    assertThat(HashAlgorithms.defaultHasher()).isSameAs(HashAlgorithms.byName("murmur"));
  }

  @Test
  void unknownNameIsRejectedListingTheValidOnes() {
    assertThatThrownBy(() -> HashAlgorithms.byName("sha1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sha1'")
        .hasMessageContaining("murmur")
        .hasMessageContaining("one_at_a_time")
        .hasMessageContaining("murmur3");
  }

  @Test
  void namesAreCaseSensitiveLikeDynomite() {
    assertThatThrownBy(() -> HashAlgorithms.byName("MURMUR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("names")
  void hashReadsOnlyItsRangeOfALargerArray(String name) {
    KeyHasher hasher = HashAlgorithms.byName(name);
    Random random = new Random(name.hashCode());
    for (int length = 0; length <= 40; length++) {
      byte[] key = new byte[length];
      random.nextBytes(key);
      byte[] padded = new byte[length + 7];
      random.nextBytes(padded);
      System.arraycopy(key, 0, padded, 3, length);
      assertThat(hasher.hash(padded, 3, length))
          .as("length %d", length)
          .isEqualTo(hasher.hash(key));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void tokensAreUnsigned32BitValues(String name) {
    KeyHasher hasher = HashAlgorithms.byName(name);
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] key = new byte[random.nextInt(64)];
      random.nextBytes(key);
      assertThat(hasher.hash(key)).isBetween(0L, Token.MAX_VALUE);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void rangeOutsideTheArrayIsRejected(String name) {
    KeyHasher hasher = HashAlgorithms.byName(name);
    assertThatThrownBy(() -> hasher.hash(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> hasher.hash(new byte[4], -1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void md5GivesTheSameTokenFromManyThreads() throws InterruptedException {
    KeyHasher md5 = HashAlgorithms.byName("md5");
    byte[] key = "apple".getBytes(StandardCharsets.US_ASCII);
    long expected = md5.hash(key);
    AtomicInteger mismatches = new AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  if (md5.hash(key) != expected) {
                    mismatches.incrementAndGet();
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(mismatches).hasValue(0);
  }
}
