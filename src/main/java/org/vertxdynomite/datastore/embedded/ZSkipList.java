package org.vertxdynomite.datastore.embedded;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The ordered half of a sorted set: a skip list with spans (Pugh's structure, as Redis uses),
 * ordered by score then member bytes, giving O(log n) insert, delete, rank and access by rank.
 *
 * <p>Scores compare with {@code <} and {@code ==} on doubles, exactly like Redis, so 0 and -0 are
 * equal and then ordered by member.
 */
final class ZSkipList {

  static final int MAX_LEVEL = 32;

  /** One member; {@code level(i)} links forward with the rank distance {@code span[i]}. */
  static final class Node {
    final byte[] member;
    double score;
    Node backward;
    final Node[] forward;
    final long[] span;

    Node(byte[] member, double score, int level) {
      this.member = member;
      this.score = score;
      this.forward = new Node[level];
      this.span = new long[level];
    }

    Node next() {
      return forward[0];
    }
  }

  final Node header = new Node(null, 0, MAX_LEVEL);
  Node tail;
  long length;
  private int level = 1;

  /** Whether (score, member) sorts before node {@code n}'s position. */
  static boolean before(Node n, double score, byte[] member) {
    return n.score < score || (n.score == score && Bytes.compare(n.member, member) < 0);
  }

  private static int randomLevel() {
    int lvl = 1;
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (lvl < MAX_LEVEL && (r.nextInt() & 0xFFFF) < 0xFFFF / 4) {
      lvl++;
    }
    return lvl;
  }

  /** Inserts a member that is not already present. */
  Node insert(double score, byte[] member) {
    Node[] update = new Node[MAX_LEVEL];
    long[] rank = new long[MAX_LEVEL];
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      rank[i] = i == level - 1 ? 0 : rank[i + 1];
      while (x.forward[i] != null && before(x.forward[i], score, member)) {
        rank[i] += x.span[i];
        x = x.forward[i];
      }
      update[i] = x;
    }
    int lvl = randomLevel();
    if (lvl > level) {
      for (int i = level; i < lvl; i++) {
        rank[i] = 0;
        update[i] = header;
        update[i].span[i] = length;
      }
      level = lvl;
    }
    x = new Node(member, score, lvl);
    for (int i = 0; i < lvl; i++) {
      x.forward[i] = update[i].forward[i];
      update[i].forward[i] = x;
      x.span[i] = update[i].span[i] - (rank[0] - rank[i]);
      update[i].span[i] = (rank[0] - rank[i]) + 1;
    }
    for (int i = lvl; i < level; i++) {
      update[i].span[i]++;
    }
    x.backward = update[0] == header ? null : update[0];
    if (x.forward[0] != null) {
      x.forward[0].backward = x;
    } else {
      tail = x;
    }
    length++;
    return x;
  }

  /** Removes the node holding (score, member); returns it, or null if absent. */
  Node delete(double score, byte[] member) {
    Node[] update = new Node[MAX_LEVEL];
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && before(x.forward[i], score, member)) {
        x = x.forward[i];
      }
      update[i] = x;
    }
    x = x.forward[0];
    if (x != null && x.score == score && java.util.Arrays.equals(x.member, member)) {
      unlink(x, update);
      return x;
    }
    return null;
  }

  private void unlink(Node x, Node[] update) {
    for (int i = 0; i < level; i++) {
      if (update[i].forward[i] == x) {
        update[i].span[i] += x.span[i] - 1;
        update[i].forward[i] = x.forward[i];
      } else {
        update[i].span[i] -= 1;
      }
    }
    if (x.forward[0] != null) {
      x.forward[0].backward = x.backward;
    } else {
      tail = x.backward;
    }
    while (level > 1 && header.forward[level - 1] == null) {
      level--;
    }
    length--;
  }

  /** Moves {@code n} to {@code newScore}, in place when its neighbours allow; returns the node now holding it. */
  Node updateScore(Node n, double newScore) {
    boolean fitsBefore = n.backward == null || n.backward.score < newScore
        || (n.backward.score == newScore && Bytes.compare(n.backward.member, n.member) < 0);
    boolean fitsAfter = n.forward[0] == null || n.forward[0].score > newScore
        || (n.forward[0].score == newScore && Bytes.compare(n.forward[0].member, n.member) > 0);
    if (fitsBefore && fitsAfter) {
      n.score = newScore;
      return n;
    }
    delete(n.score, n.member);
    return insert(newScore, n.member);
  }

  /** 1-based rank of (score, member), or 0 when absent. */
  long rank(double score, byte[] member) {
    long rank = 0;
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && (before(x.forward[i], score, member)
          || (x.forward[i].score == score && java.util.Arrays.equals(x.forward[i].member, member)))) {
        rank += x.span[i];
        x = x.forward[i];
      }
      if (x.member != null && java.util.Arrays.equals(x.member, member)) {
        return rank;
      }
    }
    return 0;
  }

  /** The node at 1-based {@code rank}, or null. */
  Node byRank(long rank) {
    if (rank < 1 || rank > length) {
      return null;
    }
    long traversed = 0;
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && traversed + x.span[i] <= rank) {
        traversed += x.span[i];
        x = x.forward[i];
      }
      if (traversed == rank) {
        return x;
      }
    }
    return null;
  }

  /** First node at or after the lower bound of {@code r}, within {@code r}; null if none. */
  Node first(ZRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && r.belowMin(x.forward[i])) {
        x = x.forward[i];
      }
    }
    x = x.forward[0];
    return x != null && !r.aboveMax(x) ? x : null;
  }

  /** Last node within {@code r}; null if none. */
  Node last(ZRange r) {
    Node x = header;
    for (int i = level - 1; i >= 0; i--) {
      while (x.forward[i] != null && !r.aboveMax(x.forward[i])) {
        x = x.forward[i];
      }
    }
    return x != header && !r.belowMin(x) ? x : null;
  }

  /** Removes and returns {@code n} (which must be in this list). */
  void remove(Node n) {
    delete(n.score, n.member);
  }
}
