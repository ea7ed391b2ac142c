package org.vertxdynomite.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.deploy.Overlay.NODE_CONTAINER;
import static org.vertxdynomite.deploy.Overlay.PEERS_SERVICE;
import static org.vertxdynomite.deploy.Overlay.container;
import static org.vertxdynomite.deploy.Overlay.name;
import static org.vertxdynomite.deploy.Overlay.templateLabels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertxdynomite.admin.AdminPaths;
import org.vertxdynomite.config.DataStoreKind;
import org.vertxdynomite.config.NodeConfig;
import org.vertxdynomite.config.SeedProvider;
import org.vertxdynomite.config.ServerSpec;

/**
 * Every manifest under k8s/ parses, and every overlay, rendered as kustomize renders it, agrees
 * with the node: ports with the ConfigMap's dynomite.yml, probes with the admin port's real paths,
 * selectors with the pods, the racks file with the StatefulSets.
 */
class K8sManifestsUnitTests {

  private static final Path K8S = Path.of("k8s");
  private static final String ENTRYPOINT = "/opt/dynomite/bin/entrypoint";

  /** Each overlay's datacenters and racks: what its name and comments promise. */
  private static final Map<String, Map<String, List<String>>> SHAPES = Map.of(
      "one-dc-three-racks", Map.of("dc1", List.of("rack1", "rack2", "rack3")),
      "two-dcs", Map.of("dc1", List.of("rack1", "rack2"), "dc2", List.of("rack1", "rack2")),
      "redis-sidecar", Map.of("dc1", List.of("rack1", "rack2", "rack3")));

  static List<Path> manifestFiles() throws IOException {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static List<Overlay> overlays() throws IOException {
    try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
      List<Overlay> overlays = new java.util.ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        overlays.add(Overlay.render(dir));
      }
      return overlays;
    }
  }

  private static String script() throws IOException {
    return Files.readString(Path.of("docker/entrypoint"));
  }

  @ParameterizedTest
  @MethodSource("manifestFiles")
  void everyManifestIsKubernetesYamlWithAKindAndAName(Path file) throws IOException {
    List<Map<String, Object>> docs = Kustomize.documents(file);
    assertThat(docs).isNotEmpty();
    for (Map<String, Object> doc : docs) {
      if (file.getFileName().toString().equals("kustomization.yaml")) {
        assertThat(doc).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1").containsEntry("kind", "Kustomization");
      } else {
        assertThat(doc).containsKeys("apiVersion", "kind");
        assertThat(name(doc)).isNotBlank();
        assertThat(Manifest.text(doc, "metadata", "labels", "app.kubernetes.io/name")).isEqualTo("dynomite");
      }
    }
  }

  @Test
  void everyManifestIsPartOfAnOverlayAndEveryOverlayIsOneWhoseShapeIsKnown() throws IOException {
    Set<Path> used = new HashSet<>();
    for (Path k : manifestFiles()) {
      if (k.getFileName().toString().equals("kustomization.yaml")) {
        used.add(k.normalize());
        for (Object r : Manifest.list(Kustomize.documents(k).get(0).get("resources"), "resources")) {
          used.add(k.getParent().resolve((String) r).normalize());
        }
      }
    }
    assertThat(manifestFiles()).allSatisfy(f -> assertThat(used).contains(f.normalize()));
    assertThat(overlays()).extracting(Overlay::name).containsExactlyInAnyOrderElementsOf(SHAPES.keySet());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void containerPortsAreTheConfiguredPortsAndTheServicesUseThem(Overlay o) {
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      NodeConfig c = o.nodeConfig(sts);
      assertThat(Overlay.ports(container(sts, NODE_CONTAINER))).as(name(sts)).containsExactlyInAnyOrderEntriesOf(Map.of(
          "client", c.listen().port(), "peer", c.dynListen().port(),
          "eventbus", c.eventbusPort(), "admin", c.statsListen().port()));
      assertThat(c.listen().isWildcard()).as("the client Service reaches the pod's IP").isTrue();
      assertThat(c.statsListen().isWildcard()).as("probes and Prometheus reach the pod's IP").isTrue();
      assertThat(Manifest.text(sts, "spec", "serviceName")).isEqualTo(PEERS_SERVICE);
    }
    Map<String, Object> peers = o.get("Service", PEERS_SERVICE);
    assertThat(Manifest.text(peers, "spec", "clusterIP")).isEqualTo("None");
    assertThat(Manifest.at(peers, "spec", "publishNotReadyAddresses")).as("starting pods find each other").isEqualTo(true);
    assertThat(servicePorts(peers)).containsExactlyInAnyOrderEntriesOf(Map.of("peer", "peer", "eventbus", "eventbus"));
    for (Map<String, Object> svc : o.all("Service")) {
      if (!name(svc).equals(PEERS_SERVICE)) {
        assertThat(servicePorts(svc)).as(name(svc)).containsExactlyEntriesOf(Map.of("client", "client"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void nodesJoinThroughTheHeadlessServiceOnTheirOwnAddress(Overlay o) throws IOException {
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      NodeConfig c = o.nodeConfig(sts);
      Map<String, Object> node = container(sts, NODE_CONTAINER);
      assertThat(c.seedProvider()).isEqualTo(SeedProvider.KUBERNETES);
      assertThat(c.kubernetesServiceDns().orElseThrow()).isIn(PEERS_SERVICE, PEERS_SERVICE + ".");
      assertThat(Overlay.literalEnv(node)).containsEntry("PEER_DOMAIN", PEERS_SERVICE).doesNotContainKey("DYN_PORT");
      assertThat(Overlay.fieldRef(node, "POD_IP")).isEqualTo("status.podIP");
      assertThat(Overlay.fieldRef(node, "POD_NAME")).isEqualTo("metadata.name");
      // The entrypoint's dyn_listen port (DYN_PORT's default) is the configuration's.
      assertThat(script()).contains("DYN_PORT=${DYN_PORT:-" + c.dynListen().port() + "}");
      assertThat(c.clusterName()).isEqualTo(o.nodeConfig(o.all("StatefulSet").get(0)).clusterName());
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void probesAskTheAdminPortForRealPaths(Overlay o) throws IOException {
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      Map<String, Object> node = container(sts, NODE_CONTAINER);
      for (String probe : List.of("startupProbe", "livenessProbe")) {
        assertThat(Manifest.text(node, probe, "httpGet", "port")).as(probe).isEqualTo("admin");
        assertThat(Manifest.text(node, probe, "httpGet", "path")).as(probe).isEqualTo("/ping");
      }
      List<Object> ready = Manifest.list(Manifest.at(node, "readinessProbe", "exec", "command"), "readiness");
      assertThat(ready).containsExactly(ENTRYPOINT, "probe", "/state/get_state", "NORMAL");
      for (String path : List.of("/ping", "/state/get_state")) {
        assertThat(AdminPaths.literalRoute(path)).as(path + " is a route of the admin port").isTrue();
      }
      // The probe script's default port is the admin port; nothing in the pod changes it.
      assertThat(script()).contains("port=${port:-" + o.nodeConfig(sts).statsListen().port() + "}");
      assertThat(Overlay.literalEnv(node)).doesNotContainKeys("ADMIN_PORT", "PROBE_HOST", "DYNOMITE_STATS_LISTEN");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void prometheusScrapesMetricsOnTheAdminPort(Overlay o) {
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      Map<String, Object> annotations = Manifest.map(Manifest.at(sts, "spec", "template", "metadata", "annotations"), "annotations");
      assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(o.nodeConfig(sts).statsListen().port()))
          .containsEntry("prometheus.io/path", "/metrics");
      assertThat(AdminPaths.literalRoute("/metrics")).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void eachStatefulSetSelectsItsOwnPodsAndTheSharedObjectsSelectThemAll(Overlay o) {
    List<Map<String, Object>> sets = o.all("StatefulSet");
    for (Map<String, Object> sts : sets) {
      Map<String, Object> selector = Manifest.mapAt(sts, "spec", "selector", "matchLabels");
      for (Map<String, Object> other : sets) {
        assertThat(selects(selector, templateLabels(other))).as(name(sts) + " selects pods of " + name(other))
            .isEqualTo(other == sts);
      }
    }
    List<Map<String, Object>> shared = List.of(
        Manifest.mapAt(o.get("Service", PEERS_SERVICE), "spec", "selector"),
        Manifest.mapAt(o.get("Service", "dynomite"), "spec", "selector"),
        Manifest.mapAt(o.get("PodDisruptionBudget", "dynomite"), "spec", "selector", "matchLabels"),
        Manifest.mapAt(o.get("NetworkPolicy", "dynomite"), "spec", "podSelector", "matchLabels"));
    for (Map<String, Object> selector : shared) {
      assertThat(sets).allSatisfy(sts -> assertThat(selects(selector, templateLabels(sts))).as(selector.toString()).isTrue());
    }
    for (Map<String, Object> svc : o.all("Service")) {
      Object dc = Manifest.at(svc, "spec", "selector", "dynomite/datacenter");
      if (dc != null) {
        Map<String, Object> selector = Manifest.mapAt(svc, "spec", "selector");
        assertThat(sets).allSatisfy(sts -> assertThat(selects(selector, templateLabels(sts)))
            .as(name(svc) + " selects " + name(sts)).isEqualTo(dc.equals(templateLabels(sts).get("dynomite/datacenter"))));
      }
    }
    assertThat(Manifest.at(o.get("PodDisruptionBudget", "dynomite"), "spec", "maxUnavailable")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theNetworkPolicyOpensClientAndAdminPortsAndKeepsPeerPortsForPeers(Overlay o) {
    List<Object> rules = Manifest.list(Manifest.at(o.get("NetworkPolicy", "dynomite"), "spec", "ingress"), "ingress");
    Map<Set<Object>, Object> portsToSources = new java.util.HashMap<>();
    for (Object r : rules) {
      Map<String, Object> rule = Manifest.map(r, "rule");
      Set<Object> ports = new HashSet<>();
      Manifest.list(rule.get("ports"), "ports").forEach(p -> ports.add(Manifest.map(p, "port").get("port")));
      portsToSources.put(ports, rule.get("from"));
    }
    assertThat(portsToSources).containsOnlyKeys(Set.of("client", "admin"), Set.of("peer", "eventbus"));
    assertThat(portsToSources.get(Set.of("client", "admin"))).as("from anywhere").isNull();
    Map<String, Object> peers = Manifest.map(Manifest.list(portsToSources.get(Set.of("peer", "eventbus")), "from").get(0), "from");
    assertThat(o.all("StatefulSet")).allSatisfy(sts ->
        assertThat(selects(Manifest.mapAt(peers, "podSelector", "matchLabels"), templateLabels(sts))).isTrue());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theRacksFileNamesEveryStatefulSetWithItsPlaceAndReplicas(Overlay o) throws IOException {
    Map<String, List<String>> racks = o.racks();
    Map<String, List<String>> shape = new TreeMap<>();
    assertThat(racks.keySet()).containsExactlyInAnyOrderElementsOf(o.all("StatefulSet").stream().map(Overlay::name).toList());
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      List<String> entry = racks.get(name(sts));
      assertThat(Manifest.at(sts, "spec", "replicas")).as(name(sts) + " replicas").isEqualTo(Integer.parseInt(entry.get(2)));
      assertThat(templateLabels(sts)).containsEntry("dynomite/datacenter", entry.get(0)).containsEntry("dynomite/rack", entry.get(1));
      shape.computeIfAbsent(entry.get(0), dc -> new java.util.ArrayList<>()).add(entry.get(1));
      // The racks file and the configuration reach the pod where the entrypoint and the node look.
      assertThat(Manifest.list(container(sts, NODE_CONTAINER).get("args"), "args")).containsExactly("-c", "/etc/dynomite/dynomite.yml");
      assertThat(projectedConfigMaps(sts)).containsExactly("dynomite-config", "dynomite-racks");
      assertThat(Manifest.list(container(sts, NODE_CONTAINER).get("volumeMounts"), "mounts")).anySatisfy(m ->
          assertThat(Manifest.map(m, "mount")).containsEntry("name", "config").containsEntry("mountPath", "/etc/dynomite"));
    }
    assertThat(script()).contains("RACKS_FILE=${RACKS_FILE:-/etc/dynomite/racks}");
    shape.values().forEach(r -> r.sort(null));
    assertThat(shape).as("distinct racks per datacenter").isEqualTo(new TreeMap<>(SHAPES.get(o.name())));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerRequestsResourcesAndTheEmbeddedStoreFitsInTheHeap(Overlay o) {
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      for (Object c : Manifest.list(Overlay.podSpec(sts).get("containers"), "containers")) {
        Map<String, Object> container = Manifest.map(c, "container");
        assertThat(Manifest.at(container, "resources", "requests", "cpu")).as(container.get("name") + " cpu").isNotNull();
        assertThat(Manifest.at(container, "resources", "requests", "memory")).isNotNull();
        assertThat(Manifest.at(container, "resources", "limits", "memory")).isNotNull();
      }
      NodeConfig c = o.nodeConfig(sts);
      if (c.dataStore() == DataStoreKind.EMBEDDED) {
        Map<String, Object> node = container(sts, NODE_CONTAINER);
        long limit = Manifest.bytes(Manifest.text(node, "resources", "limits", "memory"));
        String javaOpts = Overlay.literalEnv(node).get("JAVA_OPTS");
        int heapPercent = Integer.parseInt(javaOpts.replaceAll(".*-XX:MaxRAMPercentage=(\\d+).*", "$1"));
        // The store's data lives on the heap: bounded, and leaving a third of the heap to the node.
        assertThat(c.embeddedMaxmemory()).as("embedded_maxmemory is set").isPositive()
            .isLessThan(limit * heapPercent / 100 * 2 / 3);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void podsRunAsTheImagesNonRootUser(Overlay o) throws IOException {
    String uid = DockerfileModel.read(Path.of("Dockerfile")).runtime().last("USER").orElseThrow().args().split(":")[0].trim();
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      Map<String, Object> security = Manifest.map(Overlay.podSpec(sts).get("securityContext"), "securityContext");
      assertThat(security).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", Integer.parseInt(uid));
      Map<String, Object> node = container(sts, NODE_CONTAINER);
      assertThat(Manifest.text(node, "image")).startsWith("vertx-dynomite:");
      assertThat(Manifest.at(node, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
    }
  }

  @Test
  void theRedisSidecarVariantPutsEachNodeInFrontOfItsOwnPersistentRedis() throws IOException {
    Overlay o = Overlay.render(K8S.resolve("overlays/redis-sidecar"));
    for (Map<String, Object> sts : o.all("StatefulSet")) {
      NodeConfig c = o.nodeConfig(sts);
      assertThat(c.dataStore()).isEqualTo(DataStoreKind.REDIS);
      ServerSpec server = c.servers().get(0);
      assertThat(server.host()).isEqualTo("127.0.0.1");
      List<Object> args = Manifest.list(container(sts, "redis").get("args"), "redis args");
      assertThat(String.join(" ", args.stream().map(Object::toString).toList()))
          .contains("--bind 127.0.0.1", "--port " + server.port(), "--appendonly yes", "--dir /data");
      Map<String, Object> claim = Manifest.map(Manifest.list(Manifest.at(sts, "spec", "volumeClaimTemplates"), "claims").get(0), "claim");
      assertThat(Manifest.list(container(sts, "redis").get("volumeMounts"), "mounts")).anySatisfy(m ->
          assertThat(Manifest.map(m, "mount")).containsEntry("name", name(claim)).containsEntry("mountPath", "/data"));
    }
  }

  private static Map<String, String> servicePorts(Map<String, Object> service) {
    Map<String, String> ports = new TreeMap<>();
    for (Object p : Manifest.list(Manifest.at(service, "spec", "ports"), "ports")) {
      Map<String, Object> port = Manifest.map(p, "port");
      ports.put((String) port.get("name"), port.get("targetPort").toString());
    }
    return ports;
  }

  private static List<String> projectedConfigMaps(Map<String, Object> sts) {
    for (Object v : Manifest.list(Overlay.podSpec(sts).get("volumes"), "volumes")) {
      Map<String, Object> volume = Manifest.map(v, "volume");
      if ("config".equals(volume.get("name"))) {
        return Manifest.list(Manifest.at(volume, "projected", "sources"), "sources").stream()
            .map(s -> Manifest.text(Manifest.map(s, "source"), "configMap", "name")).toList();
      }
    }
    throw new AssertionError(name(sts) + " has no config volume");
  }

  // A matchLabels selector selects a pod when every one of its labels is on the pod.
  private static boolean selects(Map<String, Object> selector, Map<String, Object> podLabels) {
    return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
  }
}
