package org.vertxdynomite.repair;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of repair, for one run or since the node started; safe from any thread. */
public final class RepairCounts {

  /** What is counted. */
  public enum Kind {
    /** Keys digested on this node's side (in ranges it shares with a peer). */
    COMPARED,
    /** Digest buckets that differed between this node and a peer. */
    DIFFERING_BUCKETS,
    /** Keys copied to a replica missing them. */
    COPIED,
    /** Keys whose losing value was replaced. */
    REPLACED,
    /** Keys deleted from a replica holding a value deleted elsewhere by a newer write. */
    DELETED,
    /** Keys not judged: written too recently. */
    DEFERRED,
    /** Repair writes not applied: the key changed at the receiver since it was read. */
    RACED,
    /** Repair writes the receiver's datastore refused or could not answer. */
    FAILED,
    /** Conflicts: different values, a remembered write newer than anything the others can hold won. */
    CONFLICT_NEWER,
    /** Conflicts: values deleted by a remembered newer DEL (or whole-value write) elsewhere. */
    CONFLICT_DELETED,
    /** Conflicts: different values, no newest write known for sure; the majority's value won. */
    CONFLICT_MAJORITY,
    /** Conflicts left alone: no safe decision. */
    CONFLICT_UNRESOLVED,
    /** Comparisons (this node and the peers sharing some ranges) that failed: timeout, peer gone, datastore error. */
    FAILED_COMPARISONS;

    /** Lower-case name for JSON and metric tags. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
  private final RepairCounts also;

  /** Counters that also add everything to {@code also} (the totals), if not null. */
  RepairCounts(RepairCounts also) {
    this.also = also;
  }

  /** Fresh counters. */
  public RepairCounts() {
    this(null);
  }

  void add(Kind kind, long n) {
    counts.addAndGet(kind.ordinal(), n);
    if (also != null) {
      also.add(kind, n);
    }
  }

  /** The count of {@code kind}. */
  public long get(Kind kind) {
    return counts.get(kind.ordinal());
  }

  /** Every count by its {@link Kind#tag()}. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    for (Kind k : Kind.values()) {
      o.put(k.tag(), get(k));
    }
    return o;
  }

  /** Counts a decided key: deferred, or a conflict by how it was resolved. */
  void decided(Decision d) {
    if (d.outcome() == Decision.Outcome.DEFERRED) {
      add(Kind.DEFERRED, 1);
    }
    Kind conflict = conflictOf(d.outcome());
    if (conflict != null) {
      add(conflict, 1);
    }
  }

  /** The conflict counter of a decision's outcome, or null when it is not a conflict. */
  static Kind conflictOf(Decision.Outcome outcome) {
    return switch (outcome) {
      case NEWER_WON -> Kind.CONFLICT_NEWER;
      case DELETED -> Kind.CONFLICT_DELETED;
      case MAJORITY_WON -> Kind.CONFLICT_MAJORITY;
      case UNRESOLVED -> Kind.CONFLICT_UNRESOLVED;
      default -> null;
    };
  }
}
