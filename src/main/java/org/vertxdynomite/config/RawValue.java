package org.vertxdynomite.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One value as found in the yml file or the environment, with the path to name in messages
 * ({@code dyn_o_mite.listen}, {@code dyn_o_mite.servers[0]}, {@code env DYNOMITE_LISTEN}).
 *
 * <p>The readers accept what YAML produces (strings, numbers, booleans, lists) and, because Dynomite
 * itself reads every scalar as text, the same values written as strings. They throw {@link
 * IllegalArgumentException} with a short reason; {@link #problem} turns it into a full message.
 */
final class RawValue {

  private final String path;
  private final Object value;

  RawValue(String path, Object value) {
    this.path = path;
    this.value = value;
  }

  String path() {
    return path;
  }

  /** The scalar as text, trimmed; lists, mappings, null and blanks are rejected. */
  String text() {
    return exactText().trim();
  }

  /** The scalar as text, blanks kept (for passwords); lists, mappings, null and blanks are rejected. */
  String exactText() {
    if (value == null) {
      throw new IllegalArgumentException("no value given");
    }
    if (value instanceof JsonArray || value instanceof List) {
      throw new IllegalArgumentException("expected a single value, got a list");
    }
    if (value instanceof JsonObject || value instanceof Map) {
      throw new IllegalArgumentException("expected a single value, got a mapping");
    }
    String s = value.toString();
    if (s.isBlank()) {
      throw new IllegalArgumentException("no value given");
    }
    return s;
  }

  /** A whole number that fits an {@code int}; the caller checks the range. */
  int integer() {
    String s = text();
    boolean digits = s.matches("-?[0-9]{1,10}");
    long n = digits ? Long.parseLong(s) : 0;
    if (!digits || n != (int) n) {
      throw new IllegalArgumentException("must be a whole number");
    }
    return (int) n;
  }

  /** A whole number, not negative. */
  int count() {
    int n = integer();
    if (n < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return n;
  }

  /** {@code true} or {@code false} (YAML booleans, or those words ignoring case). */
  boolean bool() {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = text();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  /** A byte count written as Redis writes one ({@link MemorySize}). */
  long memory() {
    return MemorySize.parse(text());
  }

  HostPort hostPort() {
    return HostPort.parse(text());
  }

  /**
   * The value as a list, each element parsed by {@code parser}. A YAML list is taken element by
   * element. A single string (a yml scalar or an environment variable) is split on {@code ,} and
   * {@code |}; a piece made only of digits is glued back to the entry before it, so the seed
   * {@code host:8101:r:dc:1,1001} keeps both its tokens.
   *
   * @throws ConfigException listing every bad element by index
   */
  <T> List<T> list(String elementWhat, Function<String, T> parser) {
    List<RawValue> elements = elements();
    List<T> parsed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (RawValue element : elements) {
      try {
        parsed.add(parser.apply(element.text()));
      } catch (IllegalArgumentException e) {
        problems.add(element.problem(elementWhat, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return parsed;
  }

  /**
   * The one-line message for this value: {@code <path>: '<value>' is not a valid <what> (<reason>)}.
   */
  String problem(String what, String reason) {
    if (value == null) {
      return path + ": no value given (expected " + aOrAn(what) + ")";
    }
    return path + ": '" + render() + "' is not a valid " + what + (reason == null ? "" : " (" + reason + ")");
  }

  private List<RawValue> elements() {
    if (value instanceof JsonObject || value instanceof Map) {
      throw new IllegalArgumentException("expected a list, got a mapping");
    }
    List<RawValue> out = new ArrayList<>();
    if (value instanceof List || value instanceof JsonArray) {
      JsonArray array = value instanceof JsonArray a ? a : new JsonArray((List<?>) value);
      for (int i = 0; i < array.size(); i++) {
        out.add(new RawValue(path + "[" + i + "]", array.getValue(i)));
      }
      return out;
    }
    List<String> pieces = new ArrayList<>();
    for (String piece : text().split("[,|]")) {
      String p = piece.trim();
      if (p.isEmpty()) {
        continue;
      }
      int last = pieces.size() - 1;
      if (last >= 0 && p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        pieces.set(last, pieces.get(last) + "," + p);
      } else {
        pieces.add(p);
      }
    }
    for (int i = 0; i < pieces.size(); i++) {
      out.add(new RawValue(path + "[" + i + "]", pieces.get(i)));
    }
    return out;
  }

  private String render() {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject(castMap(map)).encode();
    }
    if (value instanceof List<?> list) {
      return new JsonArray(new ArrayList<>(list)).encode();
    }
    return String.valueOf(value); // JsonObject and JsonArray print as JSON
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String aOrAn(String what) {
    return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }
}
