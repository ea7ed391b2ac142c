package org.vertxdynomite.command;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vertxdynomite.resp.RespRequest;

/**
 * Facts about one Redis command or subcommand, taken from the generated command table: arity,
 * flags, ACL categories, where its keys are, and whether this node supports it.
 *
 * <p>Instances come from {@link CommandTable} and are immutable. A container command such as
 * CLIENT or OBJECT has {@linkplain #subcommand(byte[]) subcommands} named {@code client|setname};
 * the container itself only exists to reject a request without a subcommand.
 */
public final class CommandInfo {

  private static final int[] NO_KEYS = new int[0];

  private final String name;
  private final String containerName;
  private final int arity;
  private final Set<CommandFlag> flags;
  private final Set<String> aclCategories;
  private final int firstKey;
  private final int lastKey;
  private final int keyStep;
  private final List<KeySpec> keySpecs;
  private final List<String> tips;
  private final CommandDocs docs;
  private final SupportPolicy.Support support;
  private final ByteNameMap<CommandInfo> subcommands;
  private final KeyFallbacks.Finder fallback;
  private final boolean specsComplete;
  private final boolean hasKeyArguments;

  CommandInfo(Facts f, SupportPolicy.Support support, Collection<CommandInfo> subcommands) {
    this.name = f.name;
    int bar = name.indexOf('|');
    this.containerName = bar < 0 ? null : name.substring(0, bar);
    this.arity = f.arity;
    this.flags = f.flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(f.flags));
    this.aclCategories = Set.copyOf(f.aclCategories);
    this.firstKey = f.firstKey;
    this.lastKey = f.lastKey;
    this.keyStep = f.keyStep;
    this.keySpecs = List.copyOf(f.keySpecs);
    this.tips = List.copyOf(f.tips);
    this.docs = f.docs;
    this.support = support;
    this.subcommands = subcommands.isEmpty() ? null : ByteNameMap.of(subcommands, CommandInfo::subcommandName);
    this.fallback = KeyFallbacks.forCommand(name);
    this.specsComplete = keySpecs.stream().noneMatch(s -> !s.isNotKey()
        && (s.begin() instanceof KeySpec.UnknownBegin || s.find() instanceof KeySpec.UnknownFind));
    this.hasKeyArguments = fallback != null || keySpecs.stream().anyMatch(s -> !s.isNotKey());
    // A newer Redis table with another such command must not silently lose keys.
    boolean needsFallback = !specsComplete || keySpecs.stream().anyMatch(s -> !s.isNotKey() && s.isIncomplete());
    if (needsFallback && fallback == null) {
      throw new IllegalArgumentException("'" + name + "' has key specs Redis marks unknown or incomplete, and"
          + " KeyFallbacks has no parser for it");
    }
  }

  /**
   * A supported command described only by a legacy key range (first, last, step as in Redis's
   * {@code COMMAND} reply: {@code last} negative counts from the end). For tests and callers that
   * need a command outside the table; the node itself uses {@link CommandTable}.
   */
  public CommandInfo(String name, int arity, boolean write, int firstKey, int lastKey, int step) {
    this(Facts.legacy(name, arity, write, firstKey, lastKey, step), SupportPolicy.Support.SUPPORTED, List.of());
  }

  /** Lower-case full name: {@code get}, or {@code client|setname} for a subcommand. */
  public String name() {
    return name;
  }

  /** For a subcommand, its container's name ({@code client}); null for a top-level command. */
  public String containerName() {
    return containerName;
  }

  /** Whether this is a subcommand such as {@code client|setname}. */
  public boolean isSubcommand() {
    return containerName != null;
  }

  /** The name after the container's: {@code setname} for {@code client|setname}, else {@link #name()}. */
  public String subcommandName() {
    return containerName == null ? name : name.substring(containerName.length() + 1);
  }

  /** Redis's arity: positive means exactly that many arguments, negative at least -arity. */
  public int arity() {
    return arity;
  }

  /** Whether {@code argc} (command name included) satisfies the arity. */
  public boolean arityOk(int argc) {
    return arity >= 0 ? argc == arity : argc >= -arity;
  }

  /** Redis's flags for this command. */
  public Set<CommandFlag> flags() {
    return flags;
  }

  public boolean hasFlag(CommandFlag flag) {
    return flags.contains(flag);
  }

  /** May modify data ({@code write} flag): replicated, and refused under OOM if also deny-OOM. */
  public boolean isWrite() {
    return flags.contains(CommandFlag.WRITE);
  }

  /** Only reads data ({@code readonly} flag). Commands like PING are neither read-only nor write. */
  public boolean isReadOnly() {
    return flags.contains(CommandFlag.READONLY);
  }

  /** May block the client (BLPOP, BZPOPMIN, XREAD …). */
  public boolean isBlocking() {
    return flags.contains(CommandFlag.BLOCKING);
  }

  /** May grow memory use, so Redis refuses it when over its memory limit. */
  public boolean isDenyOom() {
    return flags.contains(CommandFlag.DENYOOM);
  }

  /** Its keys cannot be found from the legacy first/last/step alone (ZUNIONSTORE, EVAL, SORT …). */
  public boolean isMovableKeys() {
    return flags.contains(CommandFlag.MOVABLEKEYS);
  }

  /** Redis ACL categories without the {@code @}: {@code read}, {@code string}, {@code slow} … */
  public Set<String> aclCategories() {
    return aclCategories;
  }

  /** Redis's command tips, e.g. {@code request_policy:all_shards}, {@code nondeterministic_output}. */
  public List<String> tips() {
    return tips;
  }

  /**
   * How a cluster should route this keyless command ({@code all_shards}, {@code all_nodes},
   * {@code multi_shard}, {@code special}), from the {@code request_policy} tip; null if none.
   */
  public String requestPolicy() {
    return tip("request_policy:");
  }

  /** How a cluster should combine the replies ({@code agg_sum}, {@code all_succeeded} …); null if none. */
  public String responsePolicy() {
    return tip("response_policy:");
  }

  private String tip(String prefix) {
    for (String t : tips) {
      if (t.startsWith(prefix)) {
        return t.substring(prefix.length());
      }
    }
    return null;
  }

  /** The COMMAND DOCS group, e.g. {@code string}, {@code sorted-set}, {@code connection}. */
  public String group() {
    return docs.group();
  }

  /** Redis's one-line summary. */
  public String summary() {
    return docs.summary();
  }

  /** The Redis version that introduced the command. */
  public String since() {
    return docs.since();
  }

  /** Redis documents the command as deprecated; {@link #replacedBy()} says what to use instead. */
  public boolean isDeprecated() {
    return docs.deprecated();
  }

  /** Redis's advice for a deprecated command (e.g. "`SET` with the `NX` argument"), or {@code ""}. */
  public String replacedBy() {
    return docs.replacedBy();
  }

  /** Legacy first key index (0: none); superseded by {@link #keySpecs()} for movable keys. */
  public int firstKey() {
    return firstKey;
  }

  /** Legacy last key index; negative counts from the end ({@code -1}: the last argument). */
  public int lastKey() {
    return lastKey;
  }

  /** Legacy step between keys (2 for MSET's key-value pairs). */
  public int keyStep() {
    return keyStep;
  }

  /** Redis 7 key specs, in Redis's order. */
  public List<KeySpec> keySpecs() {
    return keySpecs;
  }

  /** Whether the command can have key arguments at all (COMMAND GETKEYS says "no key arguments" otherwise). */
  public boolean hasKeyArguments() {
    return hasKeyArguments;
  }

  /**
   * Argument indexes of the keys in {@code request}, in Redis's order, as {@code COMMAND GETKEYS}
   * finds them: from the key specs, or for SORT, SORT_RO and MIGRATE (whose specs Redis marks
   * unknown or incomplete) by parsing their options as Redis does.
   *
   * <p>Never throws and never returns an index outside the request. A malformed request whose keys
   * cannot be located (numkeys larger than the arguments, negative or not a number; a missing
   * STREAMS list) has no keys: an empty array, which the caller should treat like Redis does —
   * run the command anywhere and let it reply with its own syntax error. Unlike Redis's fallback,
   * numkeys is parsed strictly, so {@code ZUNIONSTORE d 1x a} has no keys here (Redis's getkeys
   * reads it as 1; the command fails either way).
   */
  public int[] keyPositions(RespRequest request) {
    if (!keySpecs.isEmpty() && specsComplete) {
      IntList out = new IntList(4);
      if (appendFromSpecs(request, out)) {
        return out.size() == 0 ? NO_KEYS : out.toArray();
      }
    }
    if (fallback != null) {
      IntList out = new IntList(2);
      if (fallback.appendKeys(request, out)) {
        return out.toArray();
      }
    }
    return NO_KEYS;
  }

  /**
   * Applies every key spec, as Redis does: fails on an invalid one, and on an incomplete one that
   * found its keyword (it may have missed keys); an incomplete spec whose keyword is absent is fine.
   */
  private boolean appendFromSpecs(RespRequest request, IntList out) {
    for (KeySpec spec : keySpecs) {
      if (spec.isNotKey()) {
        continue;
      }
      int result = spec.appendKeys(request, out);
      if (result == KeySpec.INVALID || (result == KeySpec.APPLIED && spec.isIncomplete())) {
        return false;
      }
    }
    return true;
  }

  /** A container command (CLIENT, CONFIG, OBJECT …) whose requests name a subcommand. */
  public boolean isContainer() {
    return subcommands != null;
  }

  /** The subcommand named {@code name} (any case), or null if there is none. */
  public CommandInfo subcommand(byte[] name) {
    return subcommands == null ? null : subcommands.get(name);
  }

  /** This container's subcommands, sorted by name; empty for other commands. */
  public List<CommandInfo> subcommands() {
    return subcommands == null ? List.of() : subcommands.values();
  }

  /** Whether this node serves the command. */
  public boolean isSupported() {
    return support.supported();
  }

  /** Why this node does not serve the command, completing "'x' is not supported: …"; null if supported. */
  public String unsupportedReason() {
    return support.supported() ? null : support.text();
  }

  /** A remark on how a supported command behaves on this node (e.g. SELECT: only database 0), or {@code ""}. */
  public String supportNote() {
    return support.supported() ? support.text() : "";
  }

  /** The command-support.tsv selector that decided {@link #isSupported()}. */
  String supportSelector() {
    return support.selector();
  }

  @Override
  public String toString() {
    return name + "(arity " + arity + ", " + flags + (isSupported() ? "" : ", unsupported") + ")";
  }

  /** Documentation facts from COMMAND DOCS. */
  record CommandDocs(String group, String summary, String since, boolean deprecated, String replacedBy) {
    static final CommandDocs NONE = new CommandDocs("", "", "", false, "");
  }

  /** The raw facts of one table entry, as the loader reads them. */
  static final class Facts {
    String name;
    int arity;
    Set<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
    List<String> aclCategories = List.of();
    int firstKey;
    int lastKey;
    int keyStep;
    List<KeySpec> keySpecs = List.of();
    List<String> tips = List.of();
    CommandDocs docs = CommandDocs.NONE;

    static Facts legacy(String name, int arity, boolean write, int firstKey, int lastKey, int step) {
      Facts f = new Facts();
      f.name = name;
      f.arity = arity;
      if (write) {
        f.flags.add(CommandFlag.WRITE);
      }
      f.firstKey = firstKey;
      f.lastKey = lastKey;
      f.keyStep = step;
      if (firstKey > 0) {
        // A legacy range is a key spec whose last key is relative to the first when not negative.
        int last = lastKey >= 0 ? lastKey - firstKey : lastKey;
        f.keySpecs = List.of(new KeySpec(Set.of(), new KeySpec.Index(firstKey), new KeySpec.Range(last, step, 0), ""));
      }
      return f;
    }
  }
}
