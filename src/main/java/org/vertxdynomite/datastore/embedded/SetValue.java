package org.vertxdynomite.datastore.embedded;

/** A set value: members in a {@link ByteDict} (values unused), with a running byte count. */
final class SetValue implements Value {

  final ByteDict<Boolean> members = new ByteDict<>();
  private long payload;

  @Override
  public ValueType type() {
    return ValueType.SET;
  }

  int size() {
    return members.size();
  }

  @Override
  public boolean isEmptyCollection() {
    return members.isEmpty();
  }

  boolean contains(byte[] member) {
    return members.containsKey(member);
  }

  /** Adds a member; returns true when it was not there. */
  boolean add(byte[] member) {
    if (members.containsKey(member)) {
      return false;
    }
    members.insertNew(member, Boolean.TRUE);
    payload += Memory.DICT_NODE + Memory.bytes(member.length);
    return true;
  }

  boolean remove(byte[] member) {
    ByteDict.Node<Boolean> n = members.remove(member);
    if (n == null) {
      return false;
    }
    payload -= Memory.DICT_NODE + Memory.bytes(member.length);
    return true;
  }

  @Override
  public long memory() {
    return Memory.ARRAY + Memory.REF * members.buckets() + payload;
  }

  @Override
  public Value copy() {
    SetValue c = new SetValue();
    members.forEach(n -> c.add(n.key));
    return c;
  }
}
