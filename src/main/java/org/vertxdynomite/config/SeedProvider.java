package org.vertxdynomite.config;

import java.util.Locale;

/**
 * Dynomite's {@code dyn_seed_provider}: where a node learns which peers to join.
 *
 * <p>Dynomite's other providers fetch peers from a service ({@code florida_provider}) or from a
 * DNS TXT record ({@code dns_provider}); ignoring them would start a node alone without a word, so
 * they are rejected.
 */
public enum SeedProvider {
  /** Dynomite's default: the peers are the {@code dyn_seeds} entries, joined by TCP-IP. */
  SIMPLE("simple_provider"),
  /**
   * vertx-dynomite's: the peers are the addresses of a Kubernetes headless Service, named by
   * {@code kubernetes_service_dns} and looked up in DNS by Hazelcast's Kubernetes discovery.
   * {@code dyn_seeds}, if given, only reserve ring places for nodes that are not live.
   */
  KUBERNETES("kubernetes_provider");

  private final String configName;

  SeedProvider(String configName) {
    this.configName = configName;
  }

  /** The name in a yml file, e.g. {@code simple_provider}. */
  public String configName() {
    return configName;
  }

  /**
   * Parses a provider name, ignoring case.
   *
   * @throws IllegalArgumentException naming the valid providers (and why Dynomite's others are not)
   */
  public static SeedProvider parse(String text) {
    String p = text.trim().toLowerCase(Locale.ROOT);
    if (p.equals("florida_provider") || p.equals("dns_provider")) {
      throw new IllegalArgumentException(
          text.trim() + " is not supported: use simple_provider and list the peers in dyn_seeds");
    }
    return EnumNames.lookup(values(), SeedProvider::configName, text);
  }
}
