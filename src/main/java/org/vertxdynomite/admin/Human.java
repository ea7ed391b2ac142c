package org.vertxdynomite.admin;

import java.util.Locale;

/** Sizes written as Redis's INFO writes its {@code *_human} fields: {@code 1.50M}, {@code 912B}. */
final class Human {

  private static final String[] UNITS = {"B", "K", "M", "G", "T", "P"};

  private Human() {}

  static String bytes(long n) {
    if (n < 1024) {
      return n + "B";
    }
    double v = n;
    int unit = 0;
    while (v >= 1024 && unit < UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f%s", v, UNITS[unit]);
  }
}
