package org.vertxdynomite.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolution rule of anti-entropy repair, as a pure function of what the replicas of a key
 * hold and what their write fences remember (docs/FAILURES.md states it, docs/REPAIR.md gives the
 * reasons). For each replica, its <em>latest possible</em> write to the key is the timestamp its
 * fence remembers, or for a forgotten key the fence's bound on forgotten writes, or its last FLUSH
 * if later. In order:
 *
 * <ol>
 *   <li>Every replica holds the same value (DUMP payload; TTLs are not compared), or none the key:
 *       nothing.
 *   <li>A remembered write younger than {@code settledBefore} anywhere, or a replica that admitted a
 *       write of the key within its settle time ({@link KeyVersion#settling}): deferred (the write,
 *       or its hint, may still be on its way, and a merging write arriving on top of a copy would
 *       apply twice).
 *   <li>The replica remembering the newest write wins if that write is newer than the latest
 *       possible write of every replica holding something else (for a replica left without the key
 *       by a remembered whole-value write — a DEL —, at least as new): its value is copied or
 *       restored over the others, or, if it lacks the key, the others' values are deleted. A
 *       winner lacking the key after a merging write (an LPOP of the last element): unresolved.
 *   <li>Every replica holding the key holds the same value: it is copied to those lacking it whose
 *       fence remembers nothing of the key and whose last FLUSH is not newer than the value (when
 *       known) or the holders' last FLUSH; the others are left alone (unresolved).
 *   <li>A value held by a strict majority of the replicas wins over the other values (and is copied
 *       where the key is missing and nothing is remembered of it).
 *   <li>Otherwise: unresolved, left alone and counted.
 * </ol>
 */
public final class Resolution {

  private Resolution() {}

  /**
   * What to do about a key held as {@code versions} by its replicas, whose last flushes were
   * {@code flushedAt}, when writes stamped after {@code settledBefore} are too recent to judge.
   */
  public static Decision decide(List<KeyVersion> versions, long[] flushedAt, long settledBefore) {
    int n = versions.size();
    if (versions.stream().allMatch(v -> v.sameState(versions.get(0)))) {
      return Decision.nothing(Decision.Outcome.EQUAL, n);
    }
    if (versions.stream().anyMatch(v -> v.settling() || v.newest() > settledBefore)) {
      return Decision.nothing(Decision.Outcome.DEFERRED, n);
    }
    long[] latest = new long[n];
    for (int i = 0; i < n; i++) {
      latest[i] = Math.max(versions.get(i).latestPossible(), flushedAt[i]);
    }
    for (int i = 0; i < n; i++) {
      if (versions.get(i).newest() > 0 && beatsTheOthers(versions, latest, i)) {
        return newestWins(versions, i);
      }
    }
    List<Integer> holders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (versions.get(i).present()) {
        holders.add(i);
      }
    }
    if (holders.stream().allMatch(i -> versions.get(i).sameState(versions.get(holders.get(0))))) {
      return copyToTheMissing(versions, flushedAt, holders);
    }
    return majority(versions, holders);
  }

  private static boolean beatsTheOthers(List<KeyVersion> versions, long[] latest, int w) {
    KeyVersion win = versions.get(w);
    boolean deletes = !win.present() && win.newestOverwrite() == win.newest();
    for (int j = 0; j < versions.size(); j++) {
      if (!versions.get(j).sameState(win) && (deletes ? win.newest() < latest[j] : win.newest() <= latest[j])) {
        return false;
      }
    }
    return true;
  }

  private static Decision newestWins(List<KeyVersion> versions, int w) {
    KeyVersion win = versions.get(w);
    if (!win.present() && win.newestOverwrite() != win.newest()) {
      return Decision.nothing(Decision.Outcome.UNRESOLVED, versions.size());
    }
    List<Decision.Action> actions = new ArrayList<>();
    boolean replaced = false;
    for (KeyVersion v : versions) {
      Decision.Action a = v.sameState(win) ? Decision.Action.NONE
          : !win.present() ? Decision.Action.DELETE
          : v.present() ? Decision.Action.REPLACE : Decision.Action.COPY;
      replaced |= a == Decision.Action.REPLACE;
      actions.add(a);
    }
    Decision.Outcome why = !win.present() ? Decision.Outcome.DELETED
        : replaced ? Decision.Outcome.NEWER_WON : Decision.Outcome.MISSING_COPIED;
    long stamp = versions.stream().filter(v -> v.sameState(win)).mapToLong(KeyVersion::newest).max().orElse(0);
    return new Decision(why, actions, win.present() ? w : -1, stamp);
  }

  /** Every holder agrees; copies go where nothing is known of the key and no newer flush was applied. */
  private static Decision copyToTheMissing(List<KeyVersion> versions, long[] flushedAt, List<Integer> holders) {
    int source = holders.get(0);
    long floor = 0;
    for (int h : holders) {
      KeyVersion v = versions.get(h);
      floor = Math.max(floor, v.newest() > 0 ? v.newest() : flushedAt[h]);
      if (v.newest() > versions.get(source).newest()) {
        source = h;
      }
    }
    List<Decision.Action> actions = new ArrayList<>();
    boolean left = false;
    for (int i = 0; i < versions.size(); i++) {
      KeyVersion v = versions.get(i);
      boolean copy = !v.present() && v.newest() == 0 && flushedAt[i] <= floor;
      left |= !v.present() && !copy;
      actions.add(copy ? Decision.Action.COPY : Decision.Action.NONE);
    }
    return new Decision(left ? Decision.Outcome.UNRESOLVED : Decision.Outcome.MISSING_COPIED, actions, source,
        versions.get(source).newest());
  }

  private static Decision majority(List<KeyVersion> versions, List<Integer> holders) {
    int n = versions.size();
    for (int h : holders) {
      KeyVersion candidate = versions.get(h);
      long agreeing = versions.stream().filter(v -> v.sameState(candidate)).count();
      if (agreeing * 2 > n) {
        int source = h;
        for (int i = 0; i < n; i++) {
          if (versions.get(i).sameState(candidate) && versions.get(i).newest() > versions.get(source).newest()) {
            source = i;
          }
        }
        List<Decision.Action> actions = new ArrayList<>();
        for (KeyVersion v : versions) {
          actions.add(v.sameState(candidate) ? Decision.Action.NONE
              : v.present() ? Decision.Action.REPLACE
              : v.newest() == 0 ? Decision.Action.COPY : Decision.Action.NONE);
        }
        return new Decision(Decision.Outcome.MAJORITY_WON, actions, source, versions.get(source).newest());
      }
    }
    return Decision.nothing(Decision.Outcome.UNRESOLVED, n);
  }
}
