package org.vertxdynomite.datastore.embedded;

/**
 * A sorted set: member → node in a {@link ByteDict} plus the {@link ZSkipList} order.
 *
 * <p>It also tracks whether Redis would hold the same set in its compact listpack encoding
 * ({@code zset-max-listpack-entries} 128, {@code zset-max-listpack-value} 64 bytes), because one
 * client-visible detail depends on it: a listpack stores a score of -0 as 0, a skip list keeps the
 * sign.
 */
final class ZSetValue implements Value {

  static final int MAX_LISTPACK_ENTRIES = 128;
  static final int MAX_LISTPACK_VALUE = 64;

  final ByteDict<ZSkipList.Node> dict = new ByteDict<>();
  final ZSkipList list = new ZSkipList();
  private boolean listpack;
  private long payload;

  /** An empty sorted set, compact (listpack) or not, as Redis would create it. */
  ZSetValue(boolean listpack) {
    this.listpack = listpack;
  }

  /** Whether Redis would create the set for a first member of {@code firstMemberLength} bytes as a listpack. */
  static ZSetValue forFirstMember(int firstMemberLength) {
    return new ZSetValue(firstMemberLength <= MAX_LISTPACK_VALUE);
  }

  @Override
  public ValueType type() {
    return ValueType.ZSET;
  }

  long size() {
    return list.length;
  }

  @Override
  public boolean isEmptyCollection() {
    return list.length == 0;
  }

  /** The score of {@code member}, or null. */
  Double score(byte[] member) {
    ZSkipList.Node n = dict.get(member);
    return n == null ? null : n.score;
  }

  ZSkipList.Node node(byte[] member) {
    return dict.get(member);
  }

  /**
   * Adds a new member or moves an existing one to {@code score}. As in Redis an existing member
   * keeps its node when the new score compares equal (0 and -0 included).
   */
  void put(byte[] member, double score) {
    ZSkipList.Node n = dict.get(member);
    if (n == null) {
      if (listpack && (list.length + 1 > MAX_LISTPACK_ENTRIES || member.length > MAX_LISTPACK_VALUE)) {
        listpack = false;
      }
      dict.insertNew(member, list.insert(stored(score), member));
      payload += Memory.DICT_NODE + Memory.SKIPLIST_NODE + Memory.bytes(member.length);
    } else if (n.score != score) {
      ZSkipList.Node moved = list.updateScore(n, stored(score));
      if (moved != n) {
        dict.put(member, moved);
      }
    }
  }

  private double stored(double score) {
    return listpack && score == 0 ? 0.0 : score;
  }

  boolean remove(byte[] member) {
    ZSkipList.Node n = dict.get(member);
    if (n == null) {
      return false;
    }
    removeNode(n);
    return true;
  }

  /** Removes a node found through the list (range deletes, pops). */
  void removeNode(ZSkipList.Node n) {
    dict.remove(n.member);
    list.remove(n);
    payload -= Memory.DICT_NODE + Memory.SKIPLIST_NODE + Memory.bytes(n.member.length);
  }

  /** Whether Redis would hold this set as a listpack. */
  boolean isListpack() {
    return listpack;
  }

  /**
   * Re-evaluates the encoding as Redis does after building a stored result (ZUNIONSTORE,
   * ZRANGESTORE…): small enough sets become listpacks again, and -0 scores lose their sign.
   */
  void convertToListpackIfSmall(long maxMemberLength) {
    if (!listpack && list.length <= MAX_LISTPACK_ENTRIES && maxMemberLength <= MAX_LISTPACK_VALUE) {
      listpack = true;
      for (ZSkipList.Node n = list.header.next(); n != null; n = n.next()) {
        if (n.score == 0) {
          n.score = 0.0;
        }
      }
    }
  }

  @Override
  public long memory() {
    return Memory.ARRAY + Memory.REF * dict.buckets() + payload;
  }

  @Override
  public Value copy() {
    ZSetValue c = new ZSetValue(listpack);
    for (ZSkipList.Node n = list.header.next(); n != null; n = n.next()) {
      c.put(n.member, n.score);
    }
    return c;
  }
}
