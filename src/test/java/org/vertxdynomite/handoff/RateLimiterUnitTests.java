package org.vertxdynomite.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterUnitTests {

  private static final long MS = 1_000_000;

  @Test
  void reservationsAreSpacedByTheirSizeAtTheRate() {
    RateLimiter limiter = new RateLimiter(1000); // 1 ms per permit
    assertThat(limiter.reserve(10, 0)).isZero();
    assertThat(limiter.reserve(10, 0)).isEqualTo(10 * MS);
    assertThat(limiter.reserve(5, 4 * MS)).isEqualTo(16 * MS);
  }

  @Test
  void idleTimeIsNotSavedUpAsABurst() {
    RateLimiter limiter = new RateLimiter(1000);
    limiter.reserve(10, 0);
    assertThat(limiter.reserve(10, 500 * MS)).isZero();
    assertThat(limiter.reserve(1, 500 * MS)).isEqualTo(10 * MS);
  }
}
