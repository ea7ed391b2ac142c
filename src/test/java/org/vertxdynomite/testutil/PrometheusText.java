package org.vertxdynomite.testutil;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: it refuses anything
 * a Prometheus server would refuse or misread — bad names, bad escapes, a TYPE after its samples
 * or twice, a family's samples not contiguous, a duplicate series, a histogram whose buckets
 * decrease or whose {@code +Inf} bucket is not its count.
 */
public final class PrometheusText {

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private final Map<String, String> types = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static PrometheusText parse(String text) {
    PrometheusText p = new PrometheusText();
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the last line does not end with a line feed");
    }
    Set<String> helped = new HashSet<>();
    Set<String> closedFamilies = new HashSet<>();
    Set<String> series = new HashSet<>();
    String currentFamily = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      int n = i + 1;
      try {
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("#")) {
          String[] f = line.split(" ", 4);
          if (f.length >= 3 && f[1].equals("TYPE")) {
            requireName(f[2]);
            if (f.length != 4 || !TYPES.contains(f[3])) {
              throw new IllegalArgumentException("unknown type in '" + line + "'");
            }
            if (p.types.containsKey(f[2])) {
              throw new IllegalArgumentException("second TYPE for " + f[2]);
            }
            if (closedFamilies.contains(f[2]) || f[2].equals(currentFamily)) {
              throw new IllegalArgumentException("TYPE for " + f[2] + " after its samples");
            }
            p.types.put(f[2], f[3]);
          } else if (f.length >= 3 && f[1].equals("HELP")) {
            requireName(f[2]);
            if (!helped.add(f[2])) {
              throw new IllegalArgumentException("second HELP for " + f[2]);
            }
            checkHelpEscapes(f.length == 4 ? f[3] : "");
          }
          continue;
        }
        Sample s = sample(line);
        String family = p.familyOf(s.name());
        if (!family.equals(currentFamily)) {
          if (closedFamilies.contains(family)) {
            throw new IllegalArgumentException("samples of " + family + " are not together");
          }
          if (currentFamily != null) {
            closedFamilies.add(currentFamily);
          }
          currentFamily = family;
        }
        if (!series.add(s.name() + new TreeMap<>(s.labels()))) {
          throw new IllegalArgumentException("duplicate series " + s.name() + s.labels());
        }
        p.samples.add(s);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line, e);
      }
    }
    p.checkHistograms();
    return p;
  }

  /** Every sample, in order. */
  public List<Sample> samples() {
    return samples;
  }

  /** The declared type of family {@code name}, or null. */
  public String type(String name) {
    return types.get(name);
  }

  /** The sum of the samples named {@code name} whose labels include {@code labels} (key, value…). */
  public double sum(String name, String... labels) {
    double total = 0;
    for (Sample s : samples) {
      if (s.name().equals(name) && has(s, labels)) {
        total += s.value();
      }
    }
    return total;
  }

  /** Whether any sample is named {@code name} (with labels including {@code labels}). */
  public boolean has(String name, String... labels) {
    return samples.stream().anyMatch(s -> s.name().equals(name) && has(s, labels));
  }

  private static boolean has(Sample s, String... labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }

  /** The family a sample belongs to: its own name, or the histogram/summary it is a part of. */
  private String familyOf(String name) {
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        String t = types.get(base);
        if ("histogram".equals(t) || "summary".equals(t)) {
          return base;
        }
      }
    }
    return name;
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    requireName(name);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        if (eq < 0) {
          throw new IllegalArgumentException("label without '='");
        }
        String label = line.substring(i, eq);
        if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
          throw new IllegalArgumentException("bad label name '" + label + "'");
        }
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label value not quoted");
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char e = line.charAt(j + 1);
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw new IllegalArgumentException("bad escape \\" + e);
            }
            j += 2;
          } else {
            value.append(c);
            j++;
          }
        }
        if (labels.put(label, value.toString()) != null) {
          throw new IllegalArgumentException("label " + label + " twice");
        }
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        } else if (line.charAt(i) != '}') {
          throw new IllegalArgumentException("expected ',' or '}' after a label");
        }
      }
      i++;
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("no value");
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length > 2) {
      throw new IllegalArgumentException("more than a value and a timestamp");
    }
    double value = value(rest[0]);
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    return new Sample(name, labels, value);
  }

  private static double value(String text) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
          throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        return Double.parseDouble(text);
    }
  }

  private static void requireName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name '" + name + "'");
    }
  }

  private static void checkHelpEscapes(String help) {
    for (int i = 0; i < help.length(); i++) {
      if (help.charAt(i) == '\\') {
        char e = i + 1 < help.length() ? help.charAt(i + 1) : ' ';
        if (e != '\\' && e != 'n') {
          throw new IllegalArgumentException("bad escape in HELP");
        }
        i++;
      }
    }
  }

  /** Buckets non-decreasing by {@code le}, with a {@code +Inf} bucket equal to the count. */
  private void checkHistograms() {
    types.forEach((family, type) -> {
      if (!type.equals("histogram")) {
        return;
      }
      Map<Map<String, String>, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
      Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
      for (Sample s : samples) {
        Map<String, String> series = new TreeMap<>(s.labels());
        if (s.name().equals(family + "_bucket")) {
          String le = series.remove("le");
          if (le == null) {
            throw new IllegalArgumentException(family + "_bucket without le");
          }
          buckets.computeIfAbsent(series, k -> new TreeMap<>()).put(value(le), s.value());
        } else if (s.name().equals(family + "_count")) {
          counts.put(series, s.value());
        }
      }
      buckets.forEach((series, byLe) -> {
        double previous = 0;
        for (double v : byLe.values()) {
          if (v < previous) {
            throw new IllegalArgumentException(family + series + ": buckets decrease");
          }
          previous = v;
        }
        Double inf = byLe.get(Double.POSITIVE_INFINITY);
        if (inf == null || !inf.equals(counts.get(series))) {
          throw new IllegalArgumentException(family + series + ": +Inf bucket " + inf + " is not the count "
              + counts.get(series));
        }
      });
    });
  }
}
