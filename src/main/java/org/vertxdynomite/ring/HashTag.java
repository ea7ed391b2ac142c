package org.vertxdynomite.ring;

import java.util.Objects;

/**
 * Dynomite's {@code hash_tag} option: two characters, say <code>{}</code>, that pick the part of a
 * key that is hashed, so related keys (<code>{user1000}.following</code>,
 * <code>{user1000}.followers</code>) land on the same node.
 *
 * <p>The rule, as Dynomite's Redis parser applies it: find the first occurrence of the opening
 * character; if there is one, find the first occurrence of the closing character <em>after</em>
 * it; if there is one too, hash only the bytes strictly between them, otherwise hash the whole
 * key. Consequences worth knowing:
 *
 * <ul>
 *   <li>An empty tag hashes the empty string: <code>a{}b</code> and <code>c{}d</code> share a
 *       token. (Redis Cluster and twemproxy hash the whole key in that case; Dynomite does not.)
 *   <li>Only the first opening character counts: in <code>a{b{c}d</code> the tag is
 *       <code>b{c</code>.
 *   <li>A closing character before the first opening one is ignored: <code>a}b{c}</code> gives
 *       <code>c</code>.
 *   <li>Both characters may be the same, e.g. {@code $$}: {@code a$b$c} gives {@code b}.
 * </ul>
 *
 * <p>Matching is by byte; the characters must therefore be ASCII (Dynomite requires the option
 * to be exactly two bytes long). The tagged part is a range of the caller's array, never a copy.
 */
public final class HashTag {

  /** No hash tag: the whole key is hashed. */
  public static final HashTag NONE = new HashTag(-1, -1);

  private final int open;
  private final int close;

  private HashTag(int open, int close) {
    this.open = open;
    this.close = close;
  }

  /**
   * The hash tag spelled by {@code chars}, e.g. <code>"{}"</code>.
   *
   * @throws IllegalArgumentException unless {@code chars} is exactly two ASCII characters
   */
  public static HashTag of(String chars) {
    Objects.requireNonNull(chars, "chars");
    if (chars.length() != 2 || chars.charAt(0) > 0x7F || chars.charAt(1) > 0x7F) {
      throw new IllegalArgumentException(
          "hash_tag must be exactly two ASCII characters, got '" + chars + "'");
    }
    return new HashTag(chars.charAt(0), chars.charAt(1));
  }

  /** Whether this is {@link #NONE}. */
  public boolean isNone() {
    return open < 0;
  }

  /** Absolute index in {@code key} where the hashed part of the key at {@code offset} starts. */
  public int start(byte[] key, int offset, int length) {
    int o = openIndex(key, offset, length);
    return o < 0 ? offset : o + 1;
  }

  /** Absolute index in {@code key} just past the hashed part of the key at {@code offset}. */
  public int end(byte[] key, int offset, int length) {
    int o = openIndex(key, offset, length);
    return o < 0 ? offset + length : indexOf(key, close, o + 1, offset + length);
  }

  /** The token {@code hasher} gives the hashed part of {@code key[offset .. offset + length)}. */
  public long hash(KeyHasher hasher, byte[] key, int offset, int length) {
    int o = openIndex(key, offset, length);
    if (o < 0) {
      return hasher.hash(key, offset, length);
    }
    int c = indexOf(key, close, o + 1, offset + length);
    return hasher.hash(key, o + 1, c - o - 1);
  }

  /** Index of the opening character if a closing one follows it, else -1 (whole key hashed). */
  private int openIndex(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    if (isNone()) {
      return -1;
    }
    int end = offset + length;
    int o = indexOf(key, open, offset, end);
    if (o < 0 || indexOf(key, close, o + 1, end) < 0) {
      return -1;
    }
    return o;
  }

  private static int indexOf(byte[] key, int ch, int from, int to) {
    for (int i = from; i < to; i++) {
      if (key[i] == ch) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashTag && ((HashTag) o).open == open && ((HashTag) o).close == close;
  }

  @Override
  public int hashCode() {
    return 31 * open + close;
  }

  /** The two characters, or {@code none}. */
  @Override
  public String toString() {
    return isNone() ? "none" : "" + (char) open + (char) close;
  }
}
