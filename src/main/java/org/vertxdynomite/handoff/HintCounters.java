package org.vertxdynomite.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counts behind {@link HintStats}: written on the log's I/O thread and the replayer's context, read anywhere. */
final class HintCounters implements HintStats {

  private final ConcurrentHashMap<HintTarget, Long> pending = new ConcurrentHashMap<>();
  private final LongAdder written = new LongAdder();
  private final LongAdder replayed = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder corrupt = new LongAdder();

  void setPending(HintTarget target, long count) {
    if (count == 0) {
      pending.remove(target);
    } else {
      pending.put(target, count);
    }
  }

  void countWritten() {
    written.increment();
  }

  void countReplayed(long n) {
    replayed.add(n);
  }

  void countExpired(long n) {
    expired.add(n);
  }

  void countFailed(long n) {
    failed.add(n);
  }

  void countRefused() {
    refused.increment();
  }

  void countCorrupt(long n) {
    corrupt.add(n);
  }

  @Override
  public long pending() {
    return pending.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public Map<HintTarget, Long> pendingByTarget() {
    return Map.copyOf(pending);
  }

  @Override
  public long written() {
    return written.sum();
  }

  @Override
  public long replayed() {
    return replayed.sum();
  }

  @Override
  public long expired() {
    return expired.sum();
  }

  @Override
  public long failed() {
    return failed.sum();
  }

  @Override
  public long refused() {
    return refused.sum();
  }

  @Override
  public long corrupt() {
    return corrupt.sum();
  }
}
