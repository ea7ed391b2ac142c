package org.vertxdynomite.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.vertxdynomite.ring.HashAlgorithms;
import org.vertxdynomite.ring.HashTag;
import org.vertxdynomite.ring.Partitioner;
import org.vertxdynomite.ring.Token;
import org.vertxdynomite.ring.TokenRing;

/**
 * A key's way to its owner: hashing (Dynomite's default murmur, and the others most used) and the
 * token-ring lookup, over a ring of {@code nodes} evenly spaced nodes. Score: time per key.
 */
public class RingLookupBenchmark extends Microbenchmark {

  private static final int KEYS = 1024;

  @Param({"murmur", "fnv1a_64", "md5"})
  public String hash;

  @Param({"3", "96"})
  public int nodes;

  private Partitioner partitioner;
  private TokenRing<Integer> ring;
  private byte[][] keys;
  private int next;

  @Setup
  public void setUp() {
    partitioner = new Partitioner(HashAlgorithms.byName(hash), HashTag.NONE);
    TokenRing.Builder<Integer> b = TokenRing.builder();
    List<Token> tokens = new ArrayList<>(Token.evenlySpaced(nodes));
    for (int i = 0; i < nodes; i++) {
      b.add(i, tokens.get(i));
    }
    ring = b.build();
    keys = new byte[KEYS][];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = ("key:" + (100_000 + i * 7919)).getBytes(StandardCharsets.US_ASCII);
    }
  }

  @Benchmark
  public long hashOnly() {
    return partitioner.token(keys[next++ & (KEYS - 1)]);
  }

  @Benchmark
  public Integer hashAndOwner() {
    return ring.owner(partitioner.token(keys[next++ & (KEYS - 1)]));
  }
}
