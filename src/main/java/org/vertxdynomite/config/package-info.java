/**
 * The node's configuration: Dynomite's own {@code dynomite.yml}, read unchanged, into an immutable,
 * validated {@link org.vertxdynomite.config.NodeConfig}. The key reference is {@code docs/CONFIG.md}.
 *
 * <ul>
 *   <li>{@link org.vertxdynomite.config.ConfigLoader}: reads the file through vertx-config's YAML
 *       store, overlays {@code DYNOMITE_<KEY>} environment variables; async, blocking (CLI
 *       {@code -t}) and pure ({@code fromYamlRoot}) forms.
 *   <li>{@link org.vertxdynomite.config.NodeConfig} and its {@link
 *       org.vertxdynomite.config.NodeConfigBuilder}: the typed values, {@code DEFAULT_*}
 *       constants, and the checks that span keys (data store against servers, listener and
 *       event-bus ports, seed provider against its service name).
 *   <li>{@link org.vertxdynomite.config.ConfigKey}: the table of every accepted key (Dynomite's and
 *       our extensions): how it is used, how it is read, how it is written back.
 *   <li>Value types in Dynomite's formats: {@link org.vertxdynomite.config.HostPort}
 *       ({@code host:port}), {@link org.vertxdynomite.config.ServerSpec} ({@code
 *       host:port:weight}), {@link org.vertxdynomite.config.SeedSpec} ({@code
 *       host:port:rack:dc:tokens}), {@link org.vertxdynomite.config.Tokens}, {@link
 *       org.vertxdynomite.config.MemorySize} (Redis's {@code 100mb}).
 *   <li>Named choices: {@link org.vertxdynomite.config.Consistency}, {@link
 *       org.vertxdynomite.config.DataStoreKind}, {@link org.vertxdynomite.config.HashAlgorithm},
 *       {@link org.vertxdynomite.config.SecureServerOption}, {@link
 *       org.vertxdynomite.config.SeedProvider} (static seeds or a Kubernetes headless Service).
 *   <li>{@link org.vertxdynomite.config.ConfigException}: every problem found, one line each, naming
 *       the key path, the value and what was expected.
 *   <li>Package-private helpers: {@code DynomiteYaml} (document to builder), {@code RawValue} (one
 *       value and its path, typed readers), {@code YamlWriter} ({@code NodeConfig.describe()}),
 *       {@code Names}, {@code DnsNames}, {@code EnumNames}.
 * </ul>
 */
package org.vertxdynomite.config;
