package org.vertxdynomite.datastore.embedded;

/**
 * A list value: a growable circular array of elements, giving O(1) pushes and pops at both ends
 * and O(1) access by index (Redis's quicklist gives O(n) index access; this is never slower).
 */
final class ListValue implements Value {

  private byte[][] items;
  private int head;
  private int size;
  private long payload;

  ListValue() {
    items = new byte[8][];
  }

  @Override
  public ValueType type() {
    return ValueType.LIST;
  }

  int size() {
    return size;
  }

  @Override
  public boolean isEmptyCollection() {
    return size == 0;
  }

  byte[] get(int index) {
    return items[slot(index)];
  }

  void set(int index, byte[] value) {
    int s = slot(index);
    payload += Memory.bytes(value.length) - Memory.bytes(items[s].length);
    items[s] = value;
  }

  void addFirst(byte[] value) {
    grow();
    head = (head - 1 + items.length) & (items.length - 1);
    items[head] = value;
    size++;
    payload += Memory.bytes(value.length);
  }

  void addLast(byte[] value) {
    grow();
    items[(head + size) & (items.length - 1)] = value;
    size++;
    payload += Memory.bytes(value.length);
  }

  /** Pushes at the head ({@code left}) or the tail. */
  void push(byte[] value, boolean left) {
    if (left) {
      addFirst(value);
    } else {
      addLast(value);
    }
  }

  /** Pops from the head ({@code left}) or the tail; the list must not be empty. */
  byte[] pop(boolean left) {
    return removeAt(left ? 0 : size - 1);
  }

  /** Inserts {@code value} so that it ends up at {@code index} (0..size). */
  void insert(int index, byte[] value) {
    if (index == 0) {
      addFirst(value);
      return;
    }
    addLast(value);
    for (int i = size - 1; i > index; i--) {
      items[slot(i)] = items[slot(i - 1)];
    }
    items[slot(index)] = value;
  }

  byte[] removeAt(int index) {
    byte[] v = items[slot(index)];
    if (index < size / 2) {
      for (int i = index; i > 0; i--) {
        items[slot(i)] = items[slot(i - 1)];
      }
      items[head] = null;
      head = (head + 1) & (items.length - 1);
    } else {
      for (int i = index; i < size - 1; i++) {
        items[slot(i)] = items[slot(i + 1)];
      }
      items[slot(size - 1)] = null;
    }
    size--;
    payload -= Memory.bytes(v.length);
    shrink();
    return v;
  }

  /** Keeps only elements {@code start..end} (inclusive, already clamped and non-empty or start > end). */
  void retain(int start, int end) {
    if (start > end) {
      clear();
      return;
    }
    int n = end - start + 1;
    byte[][] kept = new byte[tableSizeFor(n)][];
    long p = 0;
    for (int i = 0; i < n; i++) {
      kept[i] = get(start + i);
      p += Memory.bytes(kept[i].length);
    }
    items = kept;
    head = 0;
    size = n;
    payload = p;
  }

  private void clear() {
    items = new byte[8][];
    head = 0;
    size = 0;
    payload = 0;
  }

  private int slot(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return (head + index) & (items.length - 1);
  }

  private void grow() {
    if (size == items.length) {
      resize(items.length * 2);
    }
  }

  private void shrink() {
    if (items.length > 64 && size < items.length / 4) {
      resize(items.length / 2);
    }
  }

  private void resize(int capacity) {
    byte[][] n = new byte[capacity][];
    for (int i = 0; i < size; i++) {
      n[i] = items[(head + i) & (items.length - 1)];
    }
    items = n;
    head = 0;
  }

  private static int tableSizeFor(int n) {
    int s = 8;
    while (s < n) {
      s <<= 1;
    }
    return s;
  }

  @Override
  public long memory() {
    return Memory.ARRAY + Memory.REF * items.length + payload;
  }

  @Override
  public Value copy() {
    ListValue c = new ListValue();
    for (int i = 0; i < size; i++) {
      c.addLast(get(i));
    }
    return c;
  }
}
