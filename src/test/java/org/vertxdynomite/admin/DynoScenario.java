package org.vertxdynomite.admin;

import com.netflix.dyno.connectionpool.ConnectionPoolConfiguration.LoadBalancingStrategy;
import com.netflix.dyno.connectionpool.Host;
import com.netflix.dyno.connectionpool.HostBuilder;
import com.netflix.dyno.connectionpool.HostSupplier;
import com.netflix.dyno.connectionpool.impl.ConnectionPoolConfigurationImpl;
import com.netflix.dyno.connectionpool.impl.lb.HttpEndpointBasedTokenMapSupplier;
import com.netflix.dyno.jedis.DynoJedisClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Netflix's Dyno client against a running cluster, token-aware, its token map read from a node's
 * {@code /REST/v1/admin/cluster_describe}: writes keys, reads them back, exits 0 when every value
 * came back. Run in a JVM of its own by {@link DynoClientIntegrationTests} (Dyno needs Jedis 3).
 *
 * <p>Arguments: admin port, local rack, local datacenter, number of keys, then each node as
 * {@code hostname:port:rack:dc}.
 *
 * <p>The client's own methods are called reflectively: {@code DynoJedisClient} implements Jedis 3
 * interfaces, which the test class path (Jedis 5) lacks, so javac cannot look its methods up.
 */
public final class DynoScenario {

  private DynoScenario() {}

  public static void main(String[] args) {
    int status;
    try {
      status = run(args);
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      status = 3;
    }
    // Dyno leaves non-daemon threads behind: exit whatever happened.
    System.exit(status);
  }

  private static int run(String[] args) throws ReflectiveOperationException {
    int adminPort = Integer.parseInt(args[0]);
    String rack = args[1];
    String dc = args[2];
    int keys = Integer.parseInt(args[3]);
    List<Host> hosts = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      String[] f = args[i].split(":");
      hosts.add(new HostBuilder().setHostname(f[0]).setIpAddress("127.0.0.1").setPort(Integer.parseInt(f[1]))
          .setRack(f[2]).setDatacenter(f[3]).setStatus(Host.Status.Up).createHost());
    }
    HostSupplier supplier = () -> hosts;
    ConnectionPoolConfigurationImpl pool = new ConnectionPoolConfigurationImpl("vertx-dynomite-test")
        .withTokenSupplier(new HttpEndpointBasedTokenMapSupplier(
            "http://{hostname}:{port}/REST/v1/admin/cluster_describe", adminPort))
        .setLoadBalancingStrategy(LoadBalancingStrategy.TokenAware)
        .setLocalRack(rack)
        .setLocalDataCenter(dc)
        .setMaxConnsPerHost(2)
        .setConnectTimeout(2000)
        .setSocketTimeout(5000);
    Object client = new DynoJedisClient.Builder()
        .withApplicationName("vertx-dynomite-test")
        .withDynomiteClusterName("vertx-dynomite")
        .withHostSupplier(supplier)
        .withCPConfig(pool)
        .build();
    int status = 0;
    try {
      for (int i = 0; i < keys; i++) {
        call(client, "set", "dyno:" + i, "value-" + i);
      }
      for (int i = 0; i < keys; i++) {
        Object v = call(client, "get", "dyno:" + i);
        if (!("value-" + i).equals(v)) {
          System.out.println("MISMATCH dyno:" + i + " = " + v);
          status = 2;
        }
      }
      System.out.println("DONE " + keys);
    } finally {
      call(client, "stopClient");
    }
    return status;
  }

  /** {@code target.name(args…)}, every argument a String. */
  private static Object call(Object target, String name, String... args) throws ReflectiveOperationException {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    try {
      return target.getClass().getMethod(name, types).invoke(target, (Object[]) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
