package org.vertxdynomite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Case-insensitive lookup of an enum constant by its configuration name. */
final class EnumNames {

  private EnumNames() {}

  /** The constant whose name (by {@code nameOf}) equals {@code text}, ignoring case and blanks around it. */
  static <E extends Enum<E>> E lookup(E[] values, Function<E, String> nameOf, String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (E value : values) {
      if (nameOf.apply(value).toLowerCase(Locale.ROOT).equals(wanted)) {
        return value;
      }
    }
    throw new IllegalArgumentException("must be one of " + list(values, nameOf));
  }

  /** The names of {@code values}, comma separated, for messages and docs. */
  static <E extends Enum<E>> String list(E[] values, Function<E, String> nameOf) {
    return Arrays.stream(values).map(nameOf).collect(Collectors.joining(", "));
  }
}
