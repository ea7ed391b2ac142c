package org.vertxdynomite.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rack's token ring: which node owns which key. Immutable and safe to share between threads.
 *
 * <p>Each node holds one or more tokens. A key whose hash is {@code h} belongs to the node holding
 * the smallest token {@code >= h}; a hash above the largest token wraps around to the smallest
 * token. Put differently, a token {@code t} owns the hashes in {@code (previous token, t]}, and the
 * smallest token also owns everything above the largest. This is Dynomite's {@code
 * vnode_dispatch} rule. A rack with a single node therefore sends every key to it, whatever its
 * token.
 *
 * <p>Two nodes may not share a token: Dynomite does not check this, and which of the two it picks
 * depends on how its unstable sort happened to order them, so such a ring is rejected here. The
 * same token listed twice for the same node is harmless and counted once.
 *
 * <p>{@link #owner(long)} is a binary search over a sorted {@code long[]} and allocates nothing.
 *
 * @param <N> the node type; nodes are told apart by {@code equals}
 */
public final class TokenRing<N> {

  private final long[] tokens;
  private final Object[] owners;
  private final List<N> nodes;

  private TokenRing(long[] tokens, Object[] owners) {
    this.tokens = tokens;
    this.owners = owners;
    List<N> distinct = new ArrayList<>();
    for (int i = 0; i < owners.length; i++) {
      N node = ownerAt(i);
      if (!distinct.contains(node)) {
        distinct.add(node);
      }
    }
    this.nodes = List.copyOf(distinct);
  }

  /** A builder for a ring. */
  public static <N> Builder<N> builder() {
    return new Builder<>();
  }

  /**
   * The ring where each key of {@code tokensByNode} holds its tokens.
   *
   * @throws IllegalArgumentException as {@link Builder#build()} does
   */
  public static <N> TokenRing<N> of(Map<? extends N, ? extends Collection<Token>> tokensByNode) {
    Builder<N> builder = builder();
    tokensByNode.forEach(builder::add);
    return builder.build();
  }

  /**
   * The node owning hash {@code hash}: the holder of the smallest token {@code >= hash}, or of the
   * smallest token when {@code hash} is above them all.
   *
   * @throws IllegalArgumentException unless {@code 0 <= hash <= 4294967295}
   */
  public N owner(long hash) {
    return ownerAt(ownerIndex(hash));
  }

  /** Every node of the ring once, in ring order: by the smallest token each holds. */
  public List<N> nodes() {
    return nodes;
  }

  /**
   * The owner of {@code hash} followed by the next distinct nodes going round the ring (upwards
   * from the owner's token, wrapping), {@code min(count, nodes().size())} nodes in all. This is the
   * order in which to try replicas when the owner is unavailable.
   *
   * @throws IllegalArgumentException if {@code count < 0} or {@code hash} is out of range
   */
  public List<N> preferenceList(long hash, int count) {
    requireCount(count);
    return walk(ownerIndex(hash), Math.min(count, nodes.size()), false);
  }

  /**
   * The next {@code min(count, nodes().size() - 1)} distinct nodes after the owner of {@code hash},
   * going round the ring; the owner itself is not included.
   *
   * @throws IllegalArgumentException if {@code count < 0} or {@code hash} is out of range
   */
  public List<N> successors(long hash, int count) {
    requireCount(count);
    return walk(ownerIndex(hash), Math.min(count, nodes.size() - 1), true);
  }

  /** All tokens of the ring, ascending. */
  public List<Token> tokens() {
    List<Token> list = new ArrayList<>(tokens.length);
    for (long t : tokens) {
      list.add(Token.of(t));
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TokenRing[");
    for (int i = 0; i < tokens.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(tokens[i]).append('=').append(owners[i]);
    }
    return sb.append(']').toString();
  }

  private int ownerIndex(long hash) {
    if (hash < 0 || hash > Token.MAX_VALUE) {
      throw new IllegalArgumentException("hash must be in 0.." + Token.MAX_VALUE + ", got " + hash);
    }
    int i = Arrays.binarySearch(tokens, hash);
    if (i >= 0) {
      return i;
    }
    int insertion = -i - 1;
    return insertion == tokens.length ? 0 : insertion;
  }

  /** Up to {@code count} distinct nodes starting at token index {@code start}, going round once. */
  private List<N> walk(int start, int count, boolean skipStartNode) {
    N startNode = ownerAt(start);
    List<N> out = new ArrayList<>(Math.max(count, 0));
    for (int step = 0; step < tokens.length && out.size() < count; step++) {
      N node = ownerAt((start + step) % tokens.length);
      if (!(skipStartNode && node.equals(startNode)) && !out.contains(node)) {
        out.add(node);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @SuppressWarnings("unchecked")
  private N ownerAt(int index) {
    return (N) owners[index];
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }

  /**
   * Collects nodes and their tokens. Not thread-safe; {@link #build()} copies what it has, so the
   * builder may be reused.
   *
   * @param <N> the node type
   */
  public static final class Builder<N> {

    private final Map<N, List<Token>> tokensByNode = new LinkedHashMap<>();

    private Builder() {}

    /** Adds {@code tokens} to those {@code node} holds. */
    public Builder<N> add(N node, Token... tokens) {
      return add(node, Arrays.asList(tokens));
    }

    /**
     * Adds {@code tokens} to those {@code node} holds.
     *
     * @throws IllegalArgumentException if {@code tokens} is empty
     */
    public Builder<N> add(N node, Collection<Token> tokens) {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(tokens, "tokens");
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("node " + node + " must hold at least one token");
      }
      List<Token> held = tokensByNode.computeIfAbsent(node, n -> new ArrayList<>());
      for (Token t : tokens) {
        held.add(Objects.requireNonNull(t, "token"));
      }
      return this;
    }

    /**
     * The ring.
     *
     * @throws IllegalArgumentException if no node was added, or two nodes hold the same token
     */
    public TokenRing<N> build() {
      List<Map.Entry<Token, N>> entries = new ArrayList<>();
      tokensByNode.forEach((node, held) -> held.forEach(t -> entries.add(Map.entry(t, node))));
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("a token ring needs at least one node");
      }
      entries.sort(Map.Entry.comparingByKey());
      long[] tokens = new long[entries.size()];
      Object[] owners = new Object[entries.size()];
      int n = 0;
      for (Map.Entry<Token, N> e : entries) {
        long token = e.getKey().value();
        if (n > 0 && tokens[n - 1] == token) {
          if (!owners[n - 1].equals(e.getValue())) {
            throw new IllegalArgumentException(
                "token " + token + " is held by both " + owners[n - 1] + " and " + e.getValue());
          }
          continue;
        }
        tokens[n] = token;
        owners[n] = e.getValue();
        n++;
      }
      return new TokenRing<>(Arrays.copyOf(tokens, n), Arrays.copyOf(owners, n));
    }
  }
}
