package org.vertxdynomite.datastore.embedded;

import java.util.Objects;

/**
 * Settings of the embedded store. Immutable; build with {@link #builder()}, change a copy with
 * {@link #mutate()}. {@link Builder#build()} validates.
 */
public final class EmbeddedOptions {

  /** No memory bound, as Redis's default {@code maxmemory 0}. */
  public static final long DEFAULT_MAXMEMORY = 0;
  /** Active expiry runs every 100 ms, Redis's default {@code hz 10}. */
  public static final long DEFAULT_ACTIVE_EXPIRE_PERIOD_MILLIS = 100;
  /** Keys sampled per round, Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP. */
  public static final int DEFAULT_ACTIVE_EXPIRE_SAMPLES = 20;
  /**
   * Longest a cycle may hold the store's lock. Redis allows 25 ms per cycle on its own thread;
   * here the lock is shared with every event loop, so a cycle stops after 1 ms and continues on
   * the next tick.
   */
  public static final long DEFAULT_ACTIVE_EXPIRE_BUDGET_MICROS = 1000;

  private final long maxmemory;
  private final long activeExpirePeriodMillis;
  private final int activeExpireSamples;
  private final long activeExpireBudgetMicros;
  private final StoreClock clock;

  private EmbeddedOptions(Builder b) {
    this.maxmemory = b.maxmemory;
    this.activeExpirePeriodMillis = b.activeExpirePeriodMillis;
    this.activeExpireSamples = b.activeExpireSamples;
    this.activeExpireBudgetMicros = b.activeExpireBudgetMicros;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults throughout. */
  public static EmbeddedOptions defaults() {
    return builder().build();
  }

  public Builder mutate() {
    Builder b = new Builder();
    b.maxmemory = maxmemory;
    b.activeExpirePeriodMillis = activeExpirePeriodMillis;
    b.activeExpireSamples = activeExpireSamples;
    b.activeExpireBudgetMicros = activeExpireBudgetMicros;
    b.clock = clock;
    return b;
  }

  /** Memory bound in bytes of the store's estimate; 0 means unlimited. */
  public long maxmemory() {
    return maxmemory;
  }

  /** Period of the active expiry timer in milliseconds; 0 disables active expiry. */
  public long activeExpirePeriodMillis() {
    return activeExpirePeriodMillis;
  }

  /** Keys with a TTL sampled per round of active expiry. */
  public int activeExpireSamples() {
    return activeExpireSamples;
  }

  /** Time budget of one active expiry cycle, in microseconds. */
  public long activeExpireBudgetMicros() {
    return activeExpireBudgetMicros;
  }

  /** The clock that decides expiry and TTLs. */
  public StoreClock clock() {
    return clock;
  }

  /** Collects settings for {@link EmbeddedOptions}. */
  public static final class Builder {
    private long maxmemory = DEFAULT_MAXMEMORY;
    private long activeExpirePeriodMillis = DEFAULT_ACTIVE_EXPIRE_PERIOD_MILLIS;
    private int activeExpireSamples = DEFAULT_ACTIVE_EXPIRE_SAMPLES;
    private long activeExpireBudgetMicros = DEFAULT_ACTIVE_EXPIRE_BUDGET_MICROS;
    private StoreClock clock = StoreClock.SYSTEM;

    private Builder() {}

    public Builder maxmemory(long bytes) {
      this.maxmemory = bytes;
      return this;
    }

    public Builder activeExpirePeriodMillis(long millis) {
      this.activeExpirePeriodMillis = millis;
      return this;
    }

    public Builder activeExpireSamples(int samples) {
      this.activeExpireSamples = samples;
      return this;
    }

    public Builder activeExpireBudgetMicros(long micros) {
      this.activeExpireBudgetMicros = micros;
      return this;
    }

    public Builder clock(StoreClock clock) {
      this.clock = clock;
      return this;
    }

    /** Validates and builds. */
    public EmbeddedOptions build() {
      if (maxmemory < 0) {
        throw new IllegalArgumentException("maxmemory must be >= 0 (0 = unlimited): " + maxmemory);
      }
      if (activeExpirePeriodMillis < 0) {
        throw new IllegalArgumentException("activeExpirePeriodMillis must be >= 0: " + activeExpirePeriodMillis);
      }
      if (activeExpireSamples < 1) {
        throw new IllegalArgumentException("activeExpireSamples must be >= 1: " + activeExpireSamples);
      }
      if (activeExpireBudgetMicros < 1) {
        throw new IllegalArgumentException("activeExpireBudgetMicros must be >= 1: " + activeExpireBudgetMicros);
      }
      Objects.requireNonNull(clock, "clock");
      return new EmbeddedOptions(this);
    }
  }
}
