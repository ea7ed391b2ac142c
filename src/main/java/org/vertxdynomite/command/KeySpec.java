package org.vertxdynomite.command;

import java.util.Set;
import org.vertxdynomite.resp.RespRequest;

/**
 * One Redis 7 key specification: where a run of keys begins ({@link BeginSearch}) and how far it
 * extends from there ({@link FindKeys}), with the access flags Redis declares for those keys
 * ({@code RO}, {@code RW}, {@code OW}, {@code RM}, {@code access}, {@code update}, {@code insert},
 * {@code delete}, {@code not_key}, {@code incomplete}, {@code variable_flags}).
 *
 * @param flags Redis's flags for the keys this spec finds, as spelled in {@code COMMAND}
 * @param begin where the search starts
 * @param find which arguments from there are keys
 * @param notes Redis's explanation for unusual specs, or {@code ""}
 */
public record KeySpec(Set<String> flags, BeginSearch begin, FindKeys find, String notes) {

  public KeySpec {
    flags = Set.copyOf(flags);
  }

  /** The spec names arguments that are not keys (e.g. the shard channels of SSUBSCRIBE). */
  public boolean isNotKey() {
    return flags.contains("not_key");
  }

  /** The spec may miss keys: Redis resorts to command-specific parsing after it. */
  public boolean isIncomplete() {
    return flags.contains("incomplete");
  }

  /** Where the first key of a spec is. */
  public sealed interface BeginSearch permits Index, Keyword, UnknownBegin {}

  /** Which arguments, from the begin index on, are keys. */
  public sealed interface FindKeys permits Range, KeyNum, UnknownFind {}

  /** Keys begin at a fixed argument index. */
  public record Index(int pos) implements BeginSearch {}

  /**
   * Keys begin after a keyword, searched from {@code startFrom} (negative: counted from the end,
   * searching backwards). As in Redis, the search stops before the last argument of its direction.
   */
  public record Keyword(String keyword, int startFrom) implements BeginSearch {}

  /** Redis cannot say where these keys are (SORT's BY/GET/STORE): command-specific parsing applies. */
  public record UnknownBegin() implements BeginSearch {}

  /**
   * Keys run from the begin index to {@code lastKey} (relative to it when &ge; 0; from the end of
   * the arguments when negative), every {@code step} arguments. With {@code limit} &gt; 0 and
   * {@code lastKey == -1}, only the first 1/limit of the remaining arguments are keys (XREAD's
   * keys before their IDs).
   */
  public record Range(int lastKey, int step, int limit) implements FindKeys {}

  /**
   * The argument at begin + {@code keyNumIndex} says how many keys follow, the first at begin +
   * {@code firstKey}, every {@code step} arguments (ZUNIONSTORE, EVAL, LMPOP, SINTERCARD, …).
   */
  public record KeyNum(int keyNumIndex, int firstKey, int step) implements FindKeys {}

  /** Redis cannot say how many keys there are: command-specific parsing applies. */
  public record UnknownFind() implements FindKeys {}

  /** {@link #appendKeys} result: the spec cannot be applied to the request. */
  static final int INVALID = -1;
  /** {@link #appendKeys} result: the spec's keyword is absent, so it finds nothing. */
  static final int SKIPPED = 0;
  /** {@link #appendKeys} result: the spec's keys were appended. */
  static final int APPLIED = 1;

  /**
   * Appends the key positions this spec finds in {@code request} to {@code out}, as Redis's
   * {@code getKeysUsingKeySpecs} does, and says whether it {@link #APPLIED}, was {@link #SKIPPED}
   * (an absent keyword, which is not an error), or is {@link #INVALID}: an unknown search, or a
   * malformed request (numkeys not a count, or keys that would run past the arguments).
   */
  int appendKeys(RespRequest request, IntList out) {
    long first;
    if (begin instanceof Index index) {
      first = index.pos();
    } else if (begin instanceof Keyword keyword) {
      first = afterKeyword(request, keyword);
      if (first == 0) {
        return SKIPPED;
      }
    } else {
      return INVALID;
    }
    int argc = request.argc();
    if (find instanceof Range range) {
      long last;
      if (range.lastKey() >= 0) {
        last = first + range.lastKey();
      } else if (range.limit() <= 0) {
        last = (long) argc + range.lastKey();
      } else {
        last = first + (argc - first) / range.limit() + range.lastKey();
      }
      return appendRun(first, last, range.step(), argc, out) ? APPLIED : INVALID;
    } else if (find instanceof KeyNum keyNum) {
      long countAt = first + keyNum.keyNumIndex();
      if (countAt < 1 || countAt >= argc) {
        return INVALID;
      }
      long count = Ascii.parseLong(request.arg((int) countAt), -1);
      if (count < 0 || count > argc) {
        return INVALID;
      }
      long start = first + keyNum.firstKey();
      return appendRun(start, start + count - 1, keyNum.step(), argc, out) ? APPLIED : INVALID;
    }
    return INVALID;
  }

  /** The index after the keyword, or 0 when it is absent; the last argument is never a keyword. */
  private static int afterKeyword(RespRequest request, Keyword keyword) {
    int argc = request.argc();
    int from = keyword.startFrom();
    int start = from > 0 ? from : argc + from;
    int end = from > 0 ? argc - 1 : 1;
    int dir = start <= end ? 1 : -1;
    for (int i = start; i != end && i >= 1 && i < argc; i += dir) {
      if (Ascii.equalsIgnoreCase(request.arg(i), keyword.keyword())) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Appends first..last by step; false (a syntax error to Redis) if that run leaves the arguments. */
  private static boolean appendRun(long first, long last, int step, int argc, IntList out) {
    if (step <= 0 || first < 1 || first >= argc || last >= argc || last < first) {
      return false;
    }
    for (long i = first; i <= last; i += step) {
      out.add((int) i);
    }
    return true;
  }
}
