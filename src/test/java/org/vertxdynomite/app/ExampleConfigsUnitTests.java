package org.vertxdynomite.app;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.config.ConfigLoader;
import org.vertxdynomite.config.HostPort;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedSpec;
import org.vertxdynomite.ring.Token;

/**
 * Every configuration shipped under conf/ is valid, as {@code -t} would say, and every directory
 * under conf/ is a set of node files that together make one consistent cluster on loopback.
 */
class ExampleConfigsUnitTests {

  /** Each set's layout, datacenter → rack → node count: what the set's name and comments promise. */
  private static final Map<String, Map<String, Map<String, Integer>>> SET_SHAPES = Map.of(
      "three_racks", Map.of("dc1", Map.of("rack1", 2, "rack2", 2, "rack3", 2)),
      "two_dcs", Map.of("dc1", Map.of("rack1", 1, "rack2", 1), "dc2", Map.of("rack1", 1, "rack2", 1)),
      "multi_master", Map.of("dc1", Map.of("rack1", 1, "rack2", 1, "rack3", 1)),
      "asymmetric_racks", Map.of("dc1", Map.of("rack1", 3, "rack2", 2, "rack3", 1)));

  static List<Path> exampleConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("conf"))) {
      List<Path> ymls = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
      assertThat(ymls).isNotEmpty();
      return ymls;
    }
  }

  static List<Path> exampleSets() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("conf"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<NodeConfig> nodesOf(Path set) throws IOException {
    try (Stream<Path> files = Files.list(set)) {
      List<NodeConfig> nodes = files.filter(p -> p.toString().endsWith(".yml")).sorted()
          .map(p -> ConfigLoader.loadBlocking(p, Map.of())).toList();
      assertThat(nodes).as("node files in " + set).hasSizeGreaterThan(1);
      return nodes;
    }
  }

  @ParameterizedTest
  @MethodSource("exampleConfigs")
  void exampleConfigPassesTheConfigurationTest(Path yml) {
    NodeConfig c = ConfigLoader.loadBlocking(yml, Map.of());
    assertThat(List.of(c.listen(), c.dynListen(), c.statsListen())).as("examples bind to loopback")
        .extracting(HostPort::host).containsOnly("127.0.0.1");
  }

  @Test
  void everySetIsOneWhoseShapeIsKnown() throws IOException {
    assertThat(exampleSets()).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(SET_SHAPES.keySet());
  }

  @ParameterizedTest
  @MethodSource("exampleSets")
  void everyNodeOfASetListsEveryOtherNodeAsASeedWithItsPlace(Path set) throws IOException {
    List<NodeConfig> nodes = nodesOf(set);
    for (NodeConfig node : nodes) {
      List<SeedSpec> others = nodes.stream().filter(o -> o != node)
          .map(o -> new SeedSpec(o.dynListen().host(), o.dynListen().port(), o.rack(), o.datacenter(), o.tokens()))
          .toList();
      assertThat(node.dynSeeds()).as(node + " seeds").containsExactlyInAnyOrderElementsOf(others);
      assertThat(node.clustered()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("exampleSets")
  void noTwoListenersOfASetShareAPort(Path set) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (NodeConfig node : nodesOf(set)) {
      ports.addAll(List.of(node.listen().port(), node.dynListen().port(), node.statsListen().port()));
      if (node.eventbusPort() != 0) {
        ports.add(node.eventbusPort());
      }
    }
    assertThat(ports).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("exampleSets")
  void aSetIsOneClusterWithItsOwnNameAndSettings(Path set) throws IOException {
    List<NodeConfig> nodes = nodesOf(set);
    NodeConfig first = nodes.get(0);
    for (NodeConfig node : nodes) {
      assertThat(node.clusterName()).as("cluster_name").isEqualTo(first.clusterName());
      assertThat(node.hash()).isEqualTo(first.hash());
      assertThat(node.readConsistency()).isEqualTo(first.readConsistency());
      assertThat(node.writeConsistency()).isEqualTo(first.writeConsistency());
    }
    assertThat(nodes).extracting(NodeConfig::dataDir).doesNotHaveDuplicates();
    List<String> otherSetsNames = new ArrayList<>();
    for (Path other : exampleSets()) {
      if (!other.equals(set)) {
        otherSetsNames.add(nodesOf(other).get(0).clusterName());
      }
    }
    assertThat(otherSetsNames).as("sets never merge").doesNotContain(first.clusterName());
  }

  @ParameterizedTest
  @MethodSource("exampleSets")
  void eachSetHasTheShapeItsNameSaysAndEachRackSpacesItsTokensEvenly(Path set) throws IOException {
    List<NodeConfig> nodes = nodesOf(set);
    Map<String, Map<String, Long>> shape = nodes.stream().collect(groupingBy(NodeConfig::datacenter, TreeMap::new,
        groupingBy(NodeConfig::rack, TreeMap::new, counting())));
    Map<String, Map<String, Integer>> promised = SET_SHAPES.get(set.getFileName().toString());
    assertThat(shape).hasSameSizeAs(promised);
    promised.forEach((dc, racks) -> racks.forEach((rack, count) ->
        assertThat(shape.get(dc).get(rack)).as(dc + "/" + rack).isEqualTo(count.longValue())));

    boolean noSharding = set.getFileName().toString().equals("multi_master");
    nodes.stream().collect(groupingBy(n -> n.datacenter() + "/" + n.rack())).forEach((rack, members) -> {
      List<Long> tokens = members.stream().flatMap(n -> n.tokens().stream()).sorted().toList();
      List<Long> expected = noSharding ? List.of(0L)
          : Token.evenlySpaced(members.size()).stream().map(Token::value).toList();
      assertThat(tokens).as(rack + " tokens").isEqualTo(expected);
    });
    if (noSharding) {
      assertThat(nodes).allSatisfy(n -> assertThat(n.tokens()).containsExactly(0L));
    }
  }
}
