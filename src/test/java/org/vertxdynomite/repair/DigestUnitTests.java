package org.vertxdynomite.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vertxdynomite.ring.Token;

class DigestUnitTests {

  private static Digest of(String... keyValueToken) {
    Digest d = new Digest();
    for (int i = 0; i < keyValueToken.length; i += 3) {
      d.add(Long.parseLong(keyValueToken[i + 2]), keyValueToken[i].getBytes(), keyValueToken[i + 1].getBytes());
    }
    return d;
  }

  @Test
  void theSameKeysInAnotherOrderGiveTheSameDigest() {
    Digest a = of("k1", "v1", "10", "k2", "v2", "20", "k3", "v3", "4000000000");
    Digest b = of("k3", "v3", "4000000000", "k1", "v1", "10", "k2", "v2", "20");

    assertThat(a.differing(b)).isEmpty();
    assertThat(a.keys()).isEqualTo(3);
  }

  @Test
  void aMissingKeyOrAnotherValueShowsInItsBucketOnly() {
    Digest full = of("k1", "v1", "10", "k2", "v2", "4000000000");

    assertThat(full.differing(of("k1", "v1", "10"))).containsExactly(Digest.bucketOf(4_000_000_000L));
    assertThat(full.differing(of("k1", "other", "10", "k2", "v2", "4000000000"))).containsExactly(0);
  }

  @Test
  void aKeyAndValueSplitDifferentlyHashDifferently() {
    assertThat(Digest.entryHash("ab".getBytes(), "c".getBytes())).isNotEqualTo(
        Digest.entryHash("a".getBytes(), "bc".getBytes()));
  }

  @Test
  void bucketsAreTheTopBitsOfTheToken() {
    assertThat(Digest.bucketOf(0)).isZero();
    assertThat(Digest.bucketOf(Token.MAX_VALUE)).isEqualTo(Digest.BUCKETS - 1);
    assertThat(Digest.bucketOf(1L << 31)).isEqualTo(Digest.BUCKETS / 2);
    assertThatThrownBy(() -> Digest.bucketOf(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void partialDigestsAddUpAndSurviveTheirJson() {
    Digest whole = of("k1", "v1", "10", "k2", "v2", "4000000000");
    Digest merged = of("k1", "v1", "10");
    merged.merge(Digest.fromJson(of("k2", "v2", "4000000000").toJson()));

    assertThat(merged.differing(whole)).isEmpty();
    assertThat(whole.toJson().size()).as("only non-empty buckets travel").isEqualTo(2);
  }
}
