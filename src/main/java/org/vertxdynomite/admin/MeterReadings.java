package org.vertxdynomite.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

/** Counts read back from the metrics registry, summed over every meter that matches. */
final class MeterReadings {

  private final MeterRegistry registry;

  MeterReadings(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The total count of the timers and counters named {@code name} whose tags include {@code tags}
   * (key, value, key, value…); 0 when none exists yet.
   */
  long count(String name, String... tags) {
    Search search = registry.find(name).tags(tags);
    double total = 0;
    for (Meter m : search.meters()) {
      if (m instanceof Timer t) {
        total += t.count();
      } else if (m instanceof Counter c) {
        total += c.count();
      } else if (m instanceof FunctionCounter f) {
        total += f.count();
      }
    }
    return (long) total;
  }

  /** {@link #count} of {@code name} minus those whose tag {@code key} is {@code excluded}. */
  long countExcept(String name, String key, String excluded, String... tags) {
    return count(name, tags) - count(name, concat(tags, key, excluded));
  }

  private static String[] concat(String[] tags, String key, String value) {
    String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
    all[tags.length] = key;
    all[tags.length + 1] = value;
    return all;
  }
}
