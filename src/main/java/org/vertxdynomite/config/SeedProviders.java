package org.vertxdynomite.config;

import java.util.Locale;

/**
 * Dynomite's {@code dyn_seed_provider}. Only {@code simple_provider}, which reads the peers from
 * {@code dyn_seeds}, is supported. Dynomite's other providers fetch peers from a service
 * ({@code florida_provider}) or DNS ({@code dns_provider}); ignoring them would start a node alone
 * without a word, so they are rejected.
 */
final class SeedProviders {

  static final String SIMPLE = "simple_provider";

  private SeedProviders() {}

  static void check(String provider) {
    String p = provider.toLowerCase(Locale.ROOT);
    if (p.equals(SIMPLE)) {
      return;
    }
    if (p.equals("florida_provider") || p.equals("dns_provider")) {
      throw new IllegalArgumentException(
          provider + " is not supported: use simple_provider and list the peers in dyn_seeds");
    }
    throw new IllegalArgumentException("must be simple_provider");
  }
}
