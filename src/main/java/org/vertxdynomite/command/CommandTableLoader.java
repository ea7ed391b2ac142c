package org.vertxdynomite.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link CommandInfo}s from the generated {@code commands.json} and the hand-maintained
 * {@code command-support.tsv}, both resources of this package. Any inconsistency fails loudly: a
 * node must not start with a command table it misreads.
 */
final class CommandTableLoader {

  static final String COMMANDS_RESOURCE = "commands.json";
  static final String SUPPORT_RESOURCE = "command-support.tsv";

  private CommandTableLoader() {}

  /** Reads a resource of this package as UTF-8. */
  static String resource(String name) {
    try (InputStream in = CommandTableLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/vertxdynomite/command/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level commands (containers holding their subcommands) of {@code commandsJson}. */
  static List<CommandInfo> load(String commandsJson, SupportPolicy policy) {
    JsonArray entries = new JsonObject(commandsJson).getJsonArray("commands");
    List<CommandInfo.Facts> all = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      all.add(facts(entries.getJsonObject(i)));
    }
    Map<String, List<CommandInfo>> subsByContainer = new HashMap<>();
    for (CommandInfo.Facts f : all) {
      int bar = f.name.indexOf('|');
      if (bar > 0) {
        subsByContainer.computeIfAbsent(f.name.substring(0, bar), k -> new ArrayList<>())
            .add(new CommandInfo(f, policy.decide(f.name, f.docs.group()), List.of()));
      }
    }
    List<CommandInfo> top = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (CommandInfo.Facts f : all) {
      if (f.name.indexOf('|') < 0) {
        names.add(f.name);
        List<CommandInfo> subs = subsByContainer.getOrDefault(f.name, List.of());
        top.add(new CommandInfo(f, policy.decide(f.name, f.docs.group()), subs));
      }
    }
    for (String container : subsByContainer.keySet()) {
      if (!names.contains(container)) {
        throw new IllegalArgumentException("subcommands of '" + container + "' without the command itself");
      }
    }
    return top;
  }

  private static CommandInfo.Facts facts(JsonObject e) {
    CommandInfo.Facts f = new CommandInfo.Facts();
    f.name = e.getString("name");
    f.arity = e.getInteger("arity");
    f.flags = EnumSet.noneOf(CommandFlag.class);
    for (Object flag : e.getJsonArray("flags")) {
      f.flags.add(CommandFlag.fromWireName((String) flag));
    }
    f.aclCategories = strings(e.getJsonArray("acl"));
    f.firstKey = e.getInteger("first");
    f.lastKey = e.getInteger("last");
    f.keyStep = e.getInteger("step");
    List<KeySpec> specs = new ArrayList<>();
    for (Object s : e.getJsonArray("specs")) {
      specs.add(keySpec((JsonObject) s));
    }
    f.keySpecs = specs;
    f.tips = strings(e.getJsonArray("tips", new JsonArray()));
    f.docs = new CommandInfo.CommandDocs(e.getString("group", ""), e.getString("summary", "").strip(),
        e.getString("since", ""), e.getBoolean("deprecated", false), e.getString("replaced_by", ""));
    return f;
  }

  private static KeySpec keySpec(JsonObject s) {
    JsonObject begin = s.getJsonObject("begin");
    KeySpec.BeginSearch b;
    if (begin.containsKey("index")) {
      b = new KeySpec.Index(begin.getInteger("index"));
    } else if (begin.containsKey("keyword")) {
      b = new KeySpec.Keyword(begin.getString("keyword"), begin.getInteger("startfrom"));
    } else {
      b = new KeySpec.UnknownBegin();
    }
    JsonObject find = s.getJsonObject("find");
    KeySpec.FindKeys f;
    if (find.containsKey("range")) {
      JsonObject r = find.getJsonObject("range");
      f = new KeySpec.Range(r.getInteger("lastkey"), r.getInteger("step"), r.getInteger("limit"));
    } else if (find.containsKey("keynum")) {
      JsonObject k = find.getJsonObject("keynum");
      f = new KeySpec.KeyNum(k.getInteger("index"), k.getInteger("firstkey"), k.getInteger("step"));
    } else {
      f = new KeySpec.UnknownFind();
    }
    return new KeySpec(Set.copyOf(strings(s.getJsonArray("flags"))), b, f, s.getString("notes", ""));
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(a.getString(i));
    }
    return out;
  }
}
