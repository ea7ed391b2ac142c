package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteDictUnitTests {

  private static byte[] k(int i) {
    return ("key:" + i).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void storesReplacesAndRemovesThroughGrowthAndShrinking() {
    ByteDict<Integer> d = new ByteDict<>(42);
    for (int i = 0; i < 10_000; i++) {
      assertThat(d.put(k(i), i)).isNull();
    }
    assertThat(d.put(k(7), 70)).isEqualTo(7);
    assertThat(d.size()).isEqualTo(10_000);
    for (int i = 0; i < 10_000; i++) {
      assertThat(d.get(k(i))).isEqualTo(i == 7 ? 70 : i);
    }
    for (int i = 0; i < 9_990; i++) {
      assertThat(d.remove(k(i))).isNotNull();
    }
    assertThat(d.remove(k(0))).isNull();
    assertThat(d.size()).isEqualTo(10);
    for (int i = 9_990; i < 10_000; i++) {
      assertThat(d.get(k(i))).isEqualTo(i);
    }
    for (int i = 0; i < 10_000; i++) {
      d.get(k(9_999));
    }
    assertThat(d.buckets()).isLessThanOrEqualTo(32);
  }

  @Test
  void scanReturnsEveryKeyPresentThroughoutEvenWhileTheTableResizes() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      ByteDict<Integer> d = new ByteDict<>(trial);
      Set<Integer> stable = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        d.put(k(i), i);
        stable.add(i);
      }
      Set<Integer> seen = new HashSet<>();
      long cursor = 0;
      int next = 1000;
      int steps = 0;
      do {
        cursor = d.scan(cursor, n -> seen.add(n.value));
        // Churn: add many keys (growth) or delete transient ones (shrinking) between calls.
        if (rnd.nextBoolean()) {
          for (int i = 0; i < 200; i++) {
            d.put(k(next++), -1);
          }
        } else {
          for (int i = 1000; i < next; i++) {
            d.remove(k(i));
          }
          next = 1000;
        }
        steps++;
      } while (cursor != 0 && steps < 100_000);
      assertThat(cursor).isZero();
      assertThat(seen).containsAll(stable);
    }
  }

  @Test
  void aTableOnlyEverInsertedIntoKeepsGrowing() {
    ByteDict<Integer> d = new ByteDict<>(5);
    for (int i = 0; i < 100_000; i++) {
      d.insertNew(k(i), i);
    }
    assertThat(d.buckets()).isGreaterThanOrEqualTo(65_536);
    assertThat(d.get(k(99_999))).isEqualTo(99_999);
  }

  @Test
  void randomNodeEventuallyPicksEveryKey() {
    ByteDict<Integer> d = new ByteDict<>(1);
    for (int i = 0; i < 20; i++) {
      d.put(k(i), i);
    }
    Set<Integer> picked = new HashSet<>();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      picked.add(d.randomNode(rnd).value);
    }
    assertThat(picked).hasSize(20);
    assertThat(new ByteDict<Integer>().randomNode(rnd)).isNull();
  }
}
