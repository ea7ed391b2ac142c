package org.vertxdynomite.datastore.embedded;

/** A hash value: field → value in a {@link ByteDict}, with a running byte count. */
final class HashValue implements Value {

  final ByteDict<byte[]> fields = new ByteDict<>();
  private long payload;

  @Override
  public ValueType type() {
    return ValueType.HASH;
  }

  int size() {
    return fields.size();
  }

  @Override
  public boolean isEmptyCollection() {
    return fields.isEmpty();
  }

  byte[] get(byte[] field) {
    return fields.get(field);
  }

  /** Sets a field; returns true when the field is new. */
  boolean put(byte[] field, byte[] value) {
    ByteDict.Node<byte[]> n = fields.find(field);
    if (n != null) {
      payload += Memory.bytes(value.length) - Memory.bytes(n.value.length);
      n.value = value;
      return false;
    }
    fields.insertNew(field, value);
    payload += Memory.DICT_NODE + Memory.bytes(field.length) + Memory.bytes(value.length);
    return true;
  }

  boolean remove(byte[] field) {
    ByteDict.Node<byte[]> n = fields.remove(field);
    if (n == null) {
      return false;
    }
    payload -= Memory.DICT_NODE + Memory.bytes(n.key.length) + Memory.bytes(n.value.length);
    return true;
  }

  @Override
  public long memory() {
    return Memory.ARRAY + Memory.REF * fields.buckets() + payload;
  }

  @Override
  public Value copy() {
    HashValue c = new HashValue();
    fields.forEach(n -> c.put(n.key, n.value));
    return c;
  }
}
