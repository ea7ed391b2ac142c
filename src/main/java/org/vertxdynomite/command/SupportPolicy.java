package org.vertxdynomite.command;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which commands this node serves, read from the hand-maintained {@code command-support.tsv}.
 *
 * <p>Each rule is {@code selector TAB supported|unsupported TAB text}. A selector is a command
 * ({@code get}), a subcommand ({@code client|setname}), a container ({@code client}: itself and
 * those of its subcommands without a rule of their own), {@code group:<COMMAND DOCS group>}, or
 * {@code *}. The most specific rule wins: subcommand, then container, then group, then {@code *}.
 * The text of an unsupported rule is the reason, completing "'x' is not supported: …"; for a
 * supported rule it is an optional note for the documentation.
 */
final class SupportPolicy {

  /** The decision for one command, and the selector of the rule that made it. */
  record Support(boolean supported, String text, String selector) {
    static final Support SUPPORTED = new Support(true, "", "");
  }

  private final Map<String, Support> rules;

  private SupportPolicy(Map<String, Support> rules) {
    this.rules = rules;
  }

  /** Parses the rules; a malformed or duplicate rule, or a missing {@code *} rule, is an error. */
  static SupportPolicy parse(String tsv) {
    Map<String, Support> rules = new LinkedHashMap<>();
    String[] lines = tsv.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cols = lines[n].split("\t", -1);
      String where = "command-support.tsv line " + (n + 1) + ": ";
      if (cols.length < 2 || cols.length > 3) {
        throw new IllegalArgumentException(where + "expected selector, status and text separated by tabs");
      }
      String selector = cols[0].strip();
      String text = cols.length == 3 ? cols[2].strip() : "";
      boolean supported = switch (cols[1].strip()) {
        case "supported" -> true;
        case "unsupported" -> false;
        default -> throw new IllegalArgumentException(where + "status must be supported or unsupported");
      };
      if (!supported && text.isEmpty()) {
        throw new IllegalArgumentException(where + "an unsupported command needs a reason");
      }
      if (rules.put(selector, new Support(supported, text, selector)) != null) {
        throw new IllegalArgumentException(where + "a second rule for " + selector);
      }
    }
    if (!rules.containsKey("*")) {
      throw new IllegalArgumentException("command-support.tsv needs a '*' rule for commands nothing else covers");
    }
    return new SupportPolicy(rules);
  }

  /** The decision for the command {@code name} of the COMMAND DOCS group {@code group}. */
  Support decide(String name, String group) {
    Support s = rules.get(name);
    int bar = name.indexOf('|');
    if (s == null && bar > 0) {
      s = rules.get(name.substring(0, bar));
    }
    if (s == null) {
      s = rules.get("group:" + group);
    }
    return s != null ? s : rules.get("*");
  }

  /** Every rule by selector, in file order: for checking that each one applies to something. */
  Map<String, Support> rules() {
    return new HashMap<>(rules);
  }
}
