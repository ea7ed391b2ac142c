package org.vertxdynomite.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * An immutable map from ASCII names to values, looked up by the raw bytes of a request argument in
 * any letter case: no String, no lower-cased copy per request. Open addressing with linear probing
 * over a table at most half full. Used by the command table and by the embedded store's dispatch.
 */
public final class ByteNameMap<V> {

  private final byte[][] keys;
  private final Object[] slots;
  private final int mask;
  private final List<V> values;

  private ByteNameMap(List<V> values, Function<V, String> nameOf) {
    int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2 + 1)) * 2;
    this.keys = new byte[capacity][];
    this.slots = new Object[capacity];
    this.mask = capacity - 1;
    List<V> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparing(nameOf));
    this.values = List.copyOf(sorted);
    for (V v : sorted) {
      byte[] key = Ascii.lowerBytes(nameOf.apply(v));
      int i = hash(key) & mask;
      while (keys[i] != null) {
        if (Ascii.equalsIgnoreCase(keys[i], key)) {
          throw new IllegalArgumentException("duplicate name " + nameOf.apply(v));
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      slots[i] = v;
    }
  }

  /** A map of {@code values} keyed by {@code nameOf} (ASCII, case-insensitive). */
  public static <V> ByteNameMap<V> of(Collection<V> values, Function<V, String> nameOf) {
    return new ByteNameMap<>(List.copyOf(values), nameOf);
  }

  /** The value named {@code name} in any letter case, or null. */
  @SuppressWarnings("unchecked")
  public V get(byte[] name) {
    int i = hash(name) & mask;
    byte[] k;
    while ((k = keys[i]) != null) {
      if (Ascii.equalsIgnoreCase(name, k)) {
        return (V) slots[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  V get(String name) {
    return get(name.getBytes(StandardCharsets.UTF_8));
  }

  /** All values, sorted by name. */
  List<V> values() {
    return values;
  }

  int size() {
    return values.size();
  }

  /** A hash of {@code name} folded to lower case, so names differing only in case collide. */
  private static int hash(byte[] name) {
    int h = 0;
    for (byte b : name) {
      h = 31 * h + Ascii.lower(b);
    }
    return h ^ (h >>> 16);
  }
}
