package org.vertxdynomite.fault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every write the writers issued, per key, so that the value each key must end with is known. Each
 * key is written by one writer only, one write at a time, so "the last acknowledged value" is well
 * defined. A write that failed (an error reply, a timeout, a broken connection) may or may not have
 * been applied; one issued <em>after</em> the last acknowledged write may legitimately be the final
 * value, one issued before it may not (it would have overwritten an acknowledged write).
 *
 * <p>Values are {@code w<writer>-<sequence>}, so a value found in a replica tells which write it was.
 */
public final class KeyLedger {

  /** What one key must end with. */
  public static final class Entry {
    private volatile String lastAcked;
    private volatile long lastAckedSeq = -1;
    private final List<String> failedAfterAck = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean ackedDuringFault;

    /** The last acknowledged value, or null when no write of the key was acknowledged. */
    public String lastAcked() {
      return lastAcked;
    }

    /** True when a write of this key issued while the fault lasted was acknowledged. */
    public boolean ackedDuringFault() {
      return ackedDuringFault;
    }

    /** True when {@code value} (null: absent) is a value this key may end with. */
    public boolean accepts(String value) {
      if (value == null) {
        return lastAcked == null;
      }
      return value.equals(lastAcked) || failedAfterAck.contains(value);
    }

    /**
     * Why {@code found} is not acceptable: missing, an older acknowledged value, or an older
     * unacknowledged write that overwrote the acknowledged one.
     */
    public String explain(String found) {
      String expected = "expected " + lastAcked + (failedAfterAck.isEmpty() ? "" : " or one of " + failedAfterAck);
      if (found == null) {
        return "missing; " + expected;
      }
      long seq = sequenceOf(found);
      String kind = seq < lastAckedSeq ? "older write " : seq > lastAckedSeq ? "unknown newer write " : "";
      return "holds " + kind + found + "; " + expected;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Set<String> ackedKeys = ConcurrentHashMap.newKeySet();
  private final List<String> ackedKeyList = Collections.synchronizedList(new ArrayList<>());

  /** The value of {@code writer}'s write number {@code seq}. */
  static String value(int writer, long seq) {
    return "w" + writer + "-" + seq;
  }

  static long sequenceOf(String value) {
    int dash = value.lastIndexOf('-');
    try {
      return Long.parseLong(value.substring(dash + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** {@code value} was acknowledged; {@code phase}: when the write was issued. */
  void acked(String key, String value, Phase phase) {
    Entry e = entries.computeIfAbsent(key, k -> new Entry());
    e.lastAcked = value;
    e.lastAckedSeq = sequenceOf(value);
    e.failedAfterAck.clear();
    e.ackedDuringFault |= phase == Phase.FAULT;
    if (ackedKeys.add(key)) {
      ackedKeyList.add(key);
    }
  }

  void failed(String key, String value) {
    entries.computeIfAbsent(key, k -> new Entry()).failedAfterAck.add(value);
  }

  /** A key acknowledged at least once, picked by {@code index} (taken modulo their number); null if none yet. */
  String ackedKey(int index) {
    synchronized (ackedKeyList) {
      return ackedKeyList.isEmpty() ? null : ackedKeyList.get(Math.floorMod(index, ackedKeyList.size()));
    }
  }

  /** Every key written, acknowledged or not, with its entry, in a stable order. */
  public Map<String, Entry> entries() {
    Map<String, Entry> out = new LinkedHashMap<>();
    entries.keySet().stream().sorted().forEach(k -> out.put(k, entries.get(k)));
    return out;
  }
}
